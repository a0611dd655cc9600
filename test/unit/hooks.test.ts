// The pre-commit hook, installed with `ownership-lens hook install` (in-process) into real
// repositories and run by real `git commit`s, which run the bundled dist/cli.js. Every layout
// the install knows: plain .git/hooks, core.hooksPath, Husky 9, a lefthook-managed hook.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { installHook } from '../../src/core/hooks/install';
import { LEFTHOOK_FINGERPRINT } from '../../src/core/hooks/location';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

const FILES = {
  '.github/CODEOWNERS': '* @acme/core\n/services/payments/ @acme/payments\n/services/search/ @acme/search\n',
  '.github/ownership.yml': 'teams:\n  "@acme/search":\n    members: ["alice@acme.example"]\n',
  'services/payments/charge.py': 'charge\n',
  'services/search/index.py': 'index\n',
};

interface Run {
  code: number;
  out: string;
  err: string;
}

async function hook(repo: TestRepo, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd: repo.root, env: repo.env, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => new Uint8Array() };
  const code = await main(['hook', ...args], io);
  return { code, out, err };
}

/** `git commit`, as a person runs it: the hook's output (git sends it to stderr) and the verdict. */
function commit(repo: TestRepo, args: string[] = [], env = repo.env): { ok: boolean; output: string } {
  const r = spawnSync('git', ['commit', '-m', 'change', ...args], { cwd: repo.root, env, encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

/** Everything about a file that "restored exactly" promises: bytes, mode, modification time. */
function snapshot(file: string): { bytes: string; mode: number; mtimeMs: number } {
  const st = fs.lstatSync(file);
  return { bytes: fs.readFileSync(file).toString('base64'), mode: st.mode, mtimeMs: st.mtimeMs };
}

function listing(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Stages only the change (`add -A` would also stage a hook that lives in the working tree). */
function stageUpstream(repo: TestRepo, name = 'charge.py'): void {
  repo.write(`services/payments/${name}`, `changed ${Date.now()}\n`);
  repo.git('add', 'services');
}

describe('pre-commit hook', function () {
  before(() => {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  let repo: TestRepo;
  beforeEach(() => {
    repo = makeRepo(FILES, 'ol-hook-');
    commitAll(repo);
  });
  afterEach(() => repo.remove());
  const hooksDir = () => path.join(repo.root, '.git', 'hooks');

  it('installs into .git/hooks, prints the reminder on an upstream commit, lets it through, and removes cleanly', async () => {
    const before = listing(hooksDir());
    const installed = await hook(repo, 'install', '--cli', CLI);
    assert.equal(installed.code, 0, installed.err);
    assert.match(installed.out, /^Installed the pre-commit reminder: .*\.git\/hooks\/pre-commit \(git hooks folder\)\n$/);
    const file = path.join(hooksDir(), 'pre-commit');
    assert.equal(fs.statSync(file).mode & 0o111, 0o111);
    assert.ok(!fs.readFileSync(file, 'utf8').includes(LEFTHOOK_FINGERPRINT));

    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /Before you commit: 1 staged path other teams own\./);
    assert.match(c.output, /@acme\/payments own:\n {2}modified {2}services\/payments\/charge\.py/);
    assert.equal(repo.git('log', '-1', '--format=%s').trim(), 'change');

    assert.match((await hook(repo, 'status')).out, /^Installed: .*pre-commit \(git hooks folder\)\.\nRuns: /);
    const removed = await hook(repo, 'remove');
    assert.equal(removed.code, 0);
    assert.match(removed.out, /^Removed the pre-commit reminder/);
    assert.deepEqual(listing(hooksDir()), before);
  });

  it('refuses a --rubric that is neither l4, l6 nor a file, and installs nothing (every commit would fail on it)', async () => {
    const before = listing(hooksDir());
    for (const [rubric, said] of [['l9', 'no such file'], ['.', 'a folder, not a rubric file']]) {
      const r = await hook(repo, 'install', '--cli', CLI, '--strict', '--rubric', rubric);
      assert.equal(r.code, 2, r.out);
      assert.equal(r.err, `ownership-lens hook: --rubric ${rubric}: ${said} (bundled rubrics: l4, l6)\n`);
      assert.deepEqual(listing(hooksDir()), before);
    }
    assert.equal((await hook(repo, 'install', '--cli', CLI, '--rubric', 'l6')).code, 0);
  });

  it('sees what `git commit -a` stages into its temporary index', async () => {
    await hook(repo, 'install', '--cli', CLI);
    repo.write('services/payments/charge.py', 'edited, not staged\n');
    const c = commit(repo, ['-a']);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /modified {2}services\/payments\/charge\.py/);
  });

  it('chains an existing hook: it still runs after the reminder, its verdict stands, and remove restores it byte for byte', async () => {
    const original = path.join(hooksDir(), 'pre-commit');
    fs.writeFileSync(original, '#!/bin/sh\necho "original hook ran with $# arguments"\nif [ -f block ]; then echo blocked by original; exit 3; fi\n', { mode: 0o750 });
    fs.chmodSync(original, 0o750);
    fs.utimesSync(original, new Date('2020-01-02T03:04:05Z'), new Date('2020-01-02T03:04:05Z'));
    const before = snapshot(original);

    const installed = await hook(repo, 'install', '--cli', CLI);
    assert.match(installed.out, /The hook that was there runs after it, from .*pre-commit\.ownership-lens-chained\./);
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.ok(c.output.indexOf('Before you commit') < c.output.indexOf('original hook ran with 0 arguments'), c.output);

    repo.write('block', '');
    stageUpstream(repo, 'other.py');
    const blocked = commit(repo);
    assert.ok(!blocked.ok);
    assert.match(blocked.output, /blocked by original/);

    const removed = await hook(repo, 'remove');
    assert.match(removed.out, /Put back the hook that was there before\./);
    assert.deepEqual(snapshot(original), before);
    assert.ok(!fs.existsSync(`${original}.ownership-lens-chained`));
  });

  it('does not run a chained hook that git would not run (not executable)', async () => {
    const original = path.join(hooksDir(), 'pre-commit');
    fs.writeFileSync(original, '#!/bin/sh\necho should-not-run\nexit 1\n', { mode: 0o644 });
    fs.chmodSync(original, 0o644);
    await hook(repo, 'install', '--cli', CLI);
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.doesNotMatch(c.output, /should-not-run/);
  });

  it('--strict stops a commit that stages upstream code, and lets my own code through', async () => {
    await hook(repo, 'install', '--cli', CLI, '--strict');
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(!c.ok);
    assert.match(c.output, /--strict: 1 staged path\(s\) owned by others/);
    assert.match(c.output, /the commit stops here \(git commit --no-verify skips it once\)/);
    repo.git('reset', '-q');
    repo.git('checkout', '--', '.');
    repo.write('services/search/index.py', 'mine\n');
    repo.git('add', 'services');
    assert.ok(commit(repo).ok);
  });

  it('passes --me and --rubric on to precommit', async () => {
    await hook(repo, 'install', '--cli', CLI, '--strict', '--me', '@acme/payments', '--rubric', 'l6');
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    // L6's first expectation for my own code, however the line wraps.
    assert.match(c.output.replace(/\s+/g, ' '), /Before you commit: the staged path is yours\. Yours \(@acme\/payments\): 1 path\. Before committing: Own the outcome, not just your PRs;/);
  });

  it('fails open when the CLI is gone or crashes, and closed when strict', async () => {
    const gone = path.join(path.dirname(repo.root), 'cli-gone.js');
    fs.copyFileSync(CLI, gone);
    await hook(repo, 'install', '--cli', gone);
    fs.rmSync(gone);
    stageUpstream(repo);
    let c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /ownership-lens: .*cli-gone\.js is gone \(extension updated or removed\?\): install the pre-commit reminder again/);

    const crashing = path.join(path.dirname(repo.root), 'cli-crash.js');
    fs.writeFileSync(crashing, 'throw new Error("boom");\n');
    await hook(repo, 'install', '--cli', crashing);
    stageUpstream(repo, 'second.py');
    c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /ownership-lens: the reminder failed \(exit 1\); committing anyway/);

    const updated = await hook(repo, 'install', '--cli', crashing, '--strict');
    assert.match(updated.out, /^Updated the pre-commit reminder/);
    stageUpstream(repo, 'third.py');
    c = commit(repo);
    assert.ok(!c.ok);
    assert.match(c.output, /precommit --strict exited with 1/);
  });

  it('uses the Node it was installed with when `node` is not on PATH, and fails open without any', async () => {
    // A PATH with git and dirname but no node, like a git GUI launched from a desktop.
    const bin = path.join(path.dirname(repo.root), 'bin');
    fs.mkdirSync(bin);
    for (const tool of ['git', 'dirname']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      fs.symlinkSync(found, path.join(bin, tool));
    }
    const env = { ...repo.env, PATH: bin };
    assert.notEqual(spawnSync('sh', ['-c', 'command -v node'], { env, encoding: 'utf8' }).status, 0);

    await hook(repo, 'install', '--cli', CLI);
    stageUpstream(repo);
    let c = commit(repo, [], env);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /Before you commit: 1 staged path other teams own/);

    // Installed by the editor (whose own runtime is not a Node to record): no fallback.
    await hook(repo, 'remove');
    installHook({ root: repo.root, hooksDir: hooksDir(), hooksPathConfigured: false }, { cli: CLI, strict: false, args: [] });
    stageUpstream(repo, 'second.py');
    c = commit(repo, [], env);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /Node\.js is not on PATH, so there are no ownership reminders for this commit/);
  });

  it('respects core.hooksPath: installs there, chains the team\'s hook, restores it exactly', async () => {
    repo.write('.githooks/pre-commit', '#!/bin/sh\necho team hook ran\n');
    fs.chmodSync(path.join(repo.root, '.githooks/pre-commit'), 0o755);
    commitAll(repo, 'team hooks');
    repo.git('config', 'core.hooksPath', '.githooks');
    const teamHook = path.join(repo.root, '.githooks', 'pre-commit');
    const before = snapshot(teamHook);

    const installed = await hook(repo, 'install', '--cli', CLI);
    assert.match(installed.out, /\.githooks\/pre-commit \(core\.hooksPath\)/);
    assert.match(installed.out, /inside the working tree, so git status shows it; do not commit it/);
    assert.deepEqual(listing(hooksDir()).filter((f) => !f.endsWith('.sample')), []);
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /Before you commit[\s\S]*team hook ran/);

    await hook(repo, 'remove');
    assert.deepEqual(snapshot(teamHook), before);
    assert.equal(repo.git('status', '--porcelain', '.githooks'), '');
  });

  it('creates a missing core.hooksPath folder and deletes what it created on remove', async () => {
    repo.git('config', 'core.hooksPath', 'local-hooks/pre');
    await hook(repo, 'install', '--cli', CLI);
    assert.ok(fs.existsSync(path.join(repo.root, 'local-hooks', 'pre', 'pre-commit')));
    await hook(repo, 'remove');
    assert.ok(!fs.existsSync(path.join(repo.root, 'local-hooks')));
  });

  it('Husky 9: goes into .husky/pre-commit (the stubs in .husky/_ are rewritten by Husky) and chains the user script', async () => {
    // Husky 9's layout: core.hooksPath=.husky/_, stubs that source `h`, which runs the user's
    // script of the same name with `sh -e` (whatever its mode).
    repo.write('.husky/_/h', '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\nc=$?\n[ $c != 0 ] && echo "husky - $n script failed (code $c)"\nexit $c\n');
    repo.write('.husky/_/pre-commit', '#!/usr/bin/env sh\n. "${0%/*}/h"\n');
    fs.chmodSync(path.join(repo.root, '.husky/_/pre-commit'), 0o755);
    repo.write('.husky/pre-commit', 'echo husky user script ran\n');
    repo.git('config', 'core.hooksPath', '.husky/_');
    const userScript = path.join(repo.root, '.husky', 'pre-commit');
    const before = snapshot(userScript);

    const installed = await hook(repo, 'install', '--cli', CLI);
    assert.match(installed.out, /\.husky\/pre-commit \(Husky\)/);
    assert.match((await hook(repo, 'status')).out, /^Installed: .*\.husky\/pre-commit \(Husky\)\./);
    stageUpstream(repo);
    const c = commit(repo);
    assert.ok(c.ok, c.output);
    assert.match(c.output, /Before you commit[\s\S]*husky user script ran/);

    await hook(repo, 'remove');
    assert.deepEqual(snapshot(userScript), before);
  });

  it('never replaces or deletes a hook edited after install, nor a leftover it did not expect', async () => {
    await hook(repo, 'install', '--cli', CLI);
    const file = path.join(hooksDir(), 'pre-commit');
    fs.appendFileSync(file, 'echo my own addition\n');
    const edited = fs.readFileSync(file);
    for (const action of ['remove', 'install']) {
      const r = await hook(repo, action, ...(action === 'install' ? ['--cli', CLI] : []));
      assert.equal(r.code, 1);
      assert.match(r.err, /was changed since ownership-lens wrote it; edit or remove it by hand/);
      assert.deepEqual(fs.readFileSync(file), edited);
    }
    assert.match((await hook(repo, 'status')).out, /^Edited by hand since it was installed/);

    fs.writeFileSync(file, '#!/bin/sh\necho mine\n');
    fs.writeFileSync(`${file}.ownership-lens-chained`, '#!/bin/sh\necho something else\n');
    const r = await hook(repo, 'install', '--cli', CLI);
    assert.equal(r.code, 1);
    assert.match(r.err, /is left from an earlier install/);
    assert.equal(fs.readFileSync(file, 'utf8'), '#!/bin/sh\necho mine\n');
  });

  it('lefthook: installs over its hook, and tidies up after `lefthook install` moved ours to pre-commit.old', async () => {
    const file = path.join(hooksDir(), 'pre-commit');
    const lefthookHook = '#!/bin/sh\nif [ "$LEFTHOOK" = "0" ]; then exit 0; fi\necho lefthook ran\n';
    fs.writeFileSync(file, lefthookHook, { mode: 0o755 });
    fs.chmodSync(file, 0o755);
    const installed = await hook(repo, 'install', '--cli', CLI);
    assert.match(installed.out, /\(lefthook-managed hook\)[\s\S]*lefthook install/);
    stageUpstream(repo);
    assert.match(commit(repo).output, /Before you commit[\s\S]*lefthook ran/);

    // What `lefthook install` does with a hook it did not write: .old, then its own again.
    fs.renameSync(file, `${file}.old`);
    fs.writeFileSync(file, lefthookHook, { mode: 0o755 });
    const status = await hook(repo, 'status');
    assert.match(status.out, /^Not installed; .* is another hook\.\nLeft from an earlier install: .*pre-commit\.old/);
    const removed = await hook(repo, 'remove');
    assert.equal((removed.out.match(/Cleaned up/g) ?? []).length, 2, removed.out);
    assert.deepEqual(listing(hooksDir()).filter((f) => f.startsWith('pre-commit')), ['pre-commit', 'pre-commit.sample']);
    assert.equal(fs.readFileSync(file, 'utf8'), lefthookHook);
  });

  it('reports usage mistakes and a missing repository', async () => {
    assert.equal((await hook(repo)).code, 2);
    assert.equal((await hook(repo, 'frob')).code, 2);
    assert.match((await hook(repo, 'remove', '--strict')).err, /--strict is for `hook install`/);
    assert.match((await hook(repo, 'install', '--cli', 'nope.js')).err, /--cli .*nope\.js: no such file/);
    const outside = fs.mkdtempSync(path.join(path.dirname(repo.root), 'plain-'));
    const r = await hook(repo, 'status', '--root', outside);
    assert.equal(r.code, 1);
    assert.match(r.err, /is not a git working tree/);
    assert.match((await hook(repo, 'status', '--json')).out, /^\{"state":"not-installed"/);
  });
});
