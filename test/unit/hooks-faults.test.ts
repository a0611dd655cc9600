// The pre-commit hook under faults, on real repositories and a real file system: installs and
// removals racing each other, hooks folders and hooks that are symbolic links, hooks that are
// not UTF-8, folders that cannot be written, a full disk. What must hold in every case: no hook
// is lost or left half-written, a hook that was there comes back byte for byte (same mode,
// same times, a link as the same link), and a refusal is one clear line with exit code 1.
// The CLI runs as the bundle (dist/cli.js), in separate processes, as a user runs it.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { HookError, installHook, removeHook } from '../../src/core/hooks/install';
import { BACKUP_SUFFIX } from '../../src/core/hooks/location';
import { LOCK_SUFFIX } from '../../src/core/hooks/lock';
import { readHookScript } from '../../src/core/hooks/script';
import { makeRepo, type TestRepo } from '../support/gitRepo';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const HOOK = 'pre-commit';
/** A hook nobody could take for ours: Latin-1, a byte-order mark's bytes, NULs, no final newline. */
const FOREIGN = Buffer.concat([Buffer.from('#!/bin/sh\n# caf'), Buffer.from([0xe9, 0x0a, 0xff, 0xfe, 0x00, 0x23, 0x00, 0x80, 0x0a]), Buffer.from('exit 0')]);
const OLD = new Date('2019-05-06T07:08:09Z');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** How to run the CLI: spawn options, and a copy of the bundle another user can read. */
type RunAs = SpawnSyncOptions & { bundle?: string };

/** `ownership-lens hook ...` in its own process; `--root` and, for install, `--cli` added. */
function cli(repo: TestRepo, args: string[], options: RunAs = {}, wrap: string[] = []): Run {
  const { bundle = CLI, ...spawnOptions } = options;
  const full = [...args, '--root', repo.root, ...(args[0] === 'install' ? ['--cli', bundle] : [])];
  const [cmd, ...rest] = wrap.length > 0 ? [...wrap, process.execPath, bundle, 'hook', ...full] : [process.execPath, bundle, 'hook', ...full];
  const r = spawnSync(cmd, rest, { env: repo.env, encoding: 'utf8', ...spawnOptions });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** A refusal as the CLI promises it: exit 1, one line on stderr, no stack trace. */
function assertRefusal(r: Run, action: string, message: RegExp): void {
  assert.equal(r.code, 1, `exit code ${r.code}\n${r.out}${r.err}`);
  assert.match(r.err, new RegExp(`^ownership-lens hook ${action}: [^\\n]+\\n$`), r.err);
  assert.match(r.err, message);
  assert.doesNotMatch(r.err, /\n\s+at |internal error/);
}

/** Everything "restored exactly" promises: kind, bytes or link target, mode, modification time. */
function snapshot(file: string): { kind: string; content: string; mode: number; mtimeMs: number } {
  const st = fs.lstatSync(file);
  const kind = st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  const content = kind === 'link' ? fs.readlinkSync(file) : kind === 'file' ? fs.readFileSync(file).toString('base64') : '';
  return { kind, content, mode: st.mode, mtimeMs: st.mtimeMs };
}

/** The hook files in a folder (git's samples aside): what an install or a removal may change. */
function hookFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(HOOK) && !f.endsWith('.sample')).sort();
}

function writeHook(file: string, bytes: Buffer, mode = 0o755): void {
  fs.writeFileSync(file, bytes);
  fs.chmodSync(file, mode);
  fs.utimesSync(file, OLD, OLD);
}

/** Ours, complete and unedited: the bytes are exactly what was written (checksum and all). */
function isIntactOurs(bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) && readHookScript(text)?.intact === true;
}

function ourMeta(file: string): NonNullable<ReturnType<typeof readHookScript>>['meta'] {
  const bytes = fs.readFileSync(file);
  assert.ok(isIntactOurs(bytes), `${file} is not an intact hook of ours:\n${bytes.toString('utf8').slice(0, 300)}`);
  return readHookScript(bytes.toString('utf8'))!.meta;
}

describe('pre-commit hook under faults', function () {
  before(() => {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  let repo: TestRepo;
  beforeEach(() => {
    repo = makeRepo({}, 'ol-hookfault-');
  });
  afterEach(() => {
    // Folders a test made read-only must be writable again to be deleted (as a non-root user).
    for (const dir of readOnly.splice(0)) if (fs.existsSync(dir)) fs.chmodSync(dir, 0o755);
    repo.remove();
  });
  const readOnly: string[] = [];
  const hooksDir = () => path.join(repo.root, '.git', 'hooks');
  const tmp = () => path.dirname(repo.root);

  describe('concurrent install and remove', function () {
    this.timeout(180_000);
    const ROUNDS = 20;

    for (const withForeign of [true, false]) {
      it(`${ROUNDS} rounds of 4 processes racing install and remove ${withForeign ? 'over an existing hook' : 'with no hook before'}: always a consistent state, never a lost, half-written or self-chained hook`, async () => {
        const dir = hooksDir();
        const file = path.join(dir, HOOK);
        const backup = file + BACKUP_SUFFIX;
        const racers = Array.from({ length: 4 }, () => new Racer(repo));
        const random = seeded(withForeign ? 8 : 9);
        const seen = { installed: 0, removed: 0, refused: 0 };
        try {
          for (let round = 0; round < ROUNDS; round++) {
            for (const f of hookFiles(dir)) fs.rmSync(path.join(dir, f));
            if (withForeign) writeHook(file, FOREIGN);
            const foreign = withForeign ? snapshot(file) : null;

            // Each racer gets its own random sequence; all start together (they wait on stdin).
            const plans = racers.map(() => Array.from({ length: 5 }, () => (random() < 0.5 ? 'install' : 'remove')));
            const running = racers.map((r, i) => r.run(plans[i]));
            let done = false;
            const settled = Promise.all(running).finally(() => (done = true));
            // While they race, whatever is at the hook's place must be a whole hook: the one that
            // was there, or a complete hook of ours; the moved-aside one is only ever theirs.
            const violations: string[] = [];
            while (!done) {
              const current = readIfThere(file);
              if (current && !(withForeign && current.equals(FOREIGN)) && !isIntactOurs(current)) violations.push(`${HOOK} was ${current.length} bytes, neither theirs nor a whole hook of ours`);
              const aside = readIfThere(backup);
              if (aside && !(withForeign && aside.equals(FOREIGN))) violations.push(`the moved-aside hook was not theirs: ${aside.toString('utf8').slice(0, 80)}`);
              // A sampling interval, not a wait for a result: the racers' exit ends the loop.
              await new Promise((r) => setTimeout(r, 1));
            }
            const results = (await settled).flat();
            assert.deepEqual(violations.slice(0, 3), [], `round ${round}`);

            for (const r of results) {
              if (r.code === 0) continue;
              // Refusing is allowed when it is clear; crashing or a raw error is not.
              assert.equal(r.code, 1, `round ${round}: ${r.op} ${JSON.stringify(r)}`);
              assert.match(r.err, new RegExp(`^ownership-lens hook ${r.op}: [^\\n]+\\n$`), `round ${round}: ${r.err}`);
              seen.refused++;
            }

            // Settled: ours with theirs moved aside intact, or theirs back in place; nothing else.
            const files = hookFiles(dir);
            if (files.includes(HOOK) && isIntactOurs(fs.readFileSync(file))) {
              seen.installed++;
              const meta = ourMeta(file);
              assert.equal(fs.statSync(file).mode & 0o777, 0o755);
              if (withForeign) {
                assert.deepEqual(files, [HOOK, HOOK + BACKUP_SUFFIX], `round ${round}`);
                assert.equal(meta.chained, HOOK + BACKUP_SUFFIX);
                assert.deepEqual(snapshot(backup), foreign, `round ${round}: the moved-aside hook changed`);
              } else {
                assert.deepEqual(files, [HOOK], `round ${round}`);
                assert.equal(meta.chained, null, `round ${round}: our hook chains something`);
              }
            } else {
              seen.removed++;
              if (withForeign) {
                assert.deepEqual(files, [HOOK], `round ${round}`);
                assert.deepEqual(snapshot(file), foreign, `round ${round}: the hook was not put back exactly`);
              } else {
                assert.deepEqual(files, [], `round ${round}`);
              }
            }
          }
        } finally {
          await Promise.all(racers.map((r) => r.close()));
        }
        console.log(`      (${seen.installed} rounds ended installed, ${seen.removed} removed, ${seen.refused} clear refusals)`);
      });
    }
  });

  describe('the lock', () => {
    it('a lock and a temporary file left by a process that died are taken over and cleaned up', () => {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      const before = snapshot(file);
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      fs.writeFileSync(file + LOCK_SUFFIX, `${dead.stdout} ${os.hostname()}\n`);
      fs.writeFileSync(`${file}.ownership-lens-${dead.stdout}.tmp`, '#!/bin/sh\n# Managed by ownership-lens (sha256:0');

      const installed = cli(repo, ['install']);
      assert.equal(installed.code, 0, installed.err);
      assert.deepEqual(hookFiles(hooksDir()), [HOOK, HOOK + BACKUP_SUFFIX]);
      assert.deepEqual(snapshot(file + BACKUP_SUFFIX), before);
    });

    it('a lock held by a running process: waits for it, then refuses in one line naming the lock, and changes nothing', function () {
      this.timeout(30_000);
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      const before = snapshot(file);
      // Held by this test's own process, which is running for as long as the CLI waits.
      fs.writeFileSync(file + LOCK_SUFFIX, `${process.pid} ${os.hostname()}\n`);
      const r = cli(repo, ['install']);
      assertRefusal(r, 'install', new RegExp(`another ownership-lens is installing or removing the hook there \\(process ${process.pid}\\); try again when it is done, or delete ${escape(file + LOCK_SUFFIX)}`));
      assert.deepEqual(hookFiles(hooksDir()), [HOOK, HOOK + LOCK_SUFFIX]);
      assert.deepEqual(snapshot(file), before);
    });
  });

  describe('symbolic links', () => {
    it('.git/hooks linked to another folder: writes into that folder, restores it exactly, and the link stays a link', () => {
      const shared = path.join(tmp(), 'shared-hooks');
      fs.mkdirSync(shared);
      writeHook(path.join(shared, HOOK), FOREIGN);
      fs.rmSync(hooksDir(), { recursive: true });
      fs.symlinkSync(shared, hooksDir());
      const before = snapshot(path.join(shared, HOOK));

      const installed = cli(repo, ['install']);
      assert.equal(installed.code, 0, installed.err);
      assert.equal(fs.readlinkSync(hooksDir()), shared);
      assert.deepEqual(hookFiles(shared), [HOOK, HOOK + BACKUP_SUFFIX]);
      assert.equal(ourMeta(path.join(shared, HOOK)).chained, HOOK + BACKUP_SUFFIX);
      assert.deepEqual(snapshot(path.join(shared, HOOK + BACKUP_SUFFIX)), before);

      const removed = cli(repo, ['remove']);
      assert.equal(removed.code, 0, removed.err);
      assert.equal(fs.readlinkSync(hooksDir()), shared);
      assert.deepEqual(hookFiles(shared), [HOOK]);
      assert.deepEqual(snapshot(path.join(shared, HOOK)), before);
    });

    it('core.hooksPath naming a link to a folder: installs and removes through it, the link untouched', () => {
      const team = path.join(tmp(), 'team-hooks');
      fs.mkdirSync(team);
      fs.symlinkSync(team, path.join(repo.root, 'linked-hooks'));
      repo.git('config', 'core.hooksPath', 'linked-hooks');

      // No hook there yet: ours is created in the link's target and deleted again, and the
      // link (which the install did not create) is not removed with it.
      assert.equal(cli(repo, ['install']).code, 0);
      assert.deepEqual(hookFiles(team), [HOOK]);
      assert.equal(ourMeta(path.join(team, HOOK)).createdDirs, 0);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.deepEqual(hookFiles(team), []);
      assert.ok(fs.lstatSync(path.join(repo.root, 'linked-hooks')).isSymbolicLink());

      writeHook(path.join(team, HOOK), FOREIGN);
      const before = snapshot(path.join(team, HOOK));
      assert.equal(cli(repo, ['install']).code, 0);
      assert.deepEqual(snapshot(path.join(team, HOOK + BACKUP_SUFFIX)), before);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.deepEqual(snapshot(path.join(team, HOOK)), before);
      assert.equal(fs.readlinkSync(path.join(repo.root, 'linked-hooks')), team);
    });

    it('a hooks folder that is a link to nothing: git names the link\'s target, which install creates and remove deletes again', () => {
      const gone = path.join(tmp(), 'hooks-gone');
      fs.rmSync(hooksDir(), { recursive: true });
      fs.symlinkSync(gone, hooksDir());
      const installed = cli(repo, ['install']);
      assert.equal(installed.code, 0, installed.err);
      assert.equal(fs.readlinkSync(hooksDir()), gone);
      assert.deepEqual(hookFiles(gone), [HOOK]);
      assert.equal(ourMeta(path.join(gone, HOOK)).createdDirs, 1);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.ok(!fs.existsSync(gone));
      assert.equal(fs.readlinkSync(hooksDir()), gone);
    });

    it('a hooks folder given as a link to nothing (git before 2.31 does not resolve it): a clear refusal, nothing created', () => {
      const gone = path.join(tmp(), 'hooks-gone');
      fs.rmSync(hooksDir(), { recursive: true });
      fs.symlinkSync(gone, hooksDir());
      const loc = { root: repo.root, hooksDir: hooksDir(), hooksPathConfigured: false };
      assert.throws(() => installHook(loc, { cli: CLI, strict: false, args: [] }), (e: Error) => {
        assert.ok(e instanceof HookError, String(e));
        assert.match(e.message, new RegExp(`^the hooks folder ${escape(hooksDir())} is a link to ${escape(gone)}, which does not exist: create that folder or fix the link`));
        return true;
      });
      assert.ok(!fs.existsSync(gone));
      assert.equal(fs.readlinkSync(hooksDir()), gone);
      assert.equal(removeHook(loc).removed, false);
    });

    for (const style of ['relative', 'absolute', 'dangling'] as const) {
      it(`a hook that is a ${style} link: moved aside as the same link (its target untouched) and put back as it was`, () => {
        const script = path.join(repo.root, 'tools', 'pre-commit.sh');
        fs.mkdirSync(path.dirname(script));
        writeHook(script, FOREIGN);
        const scriptBefore = snapshot(script);
        const linkTo = style === 'relative' ? path.join('..', '..', 'tools', 'pre-commit.sh') : style === 'absolute' ? script : path.join(tmp(), 'no-such-script');
        const file = path.join(hooksDir(), HOOK);
        fs.symlinkSync(linkTo, file);
        const before = snapshot(file);

        const installed = cli(repo, ['install']);
        assert.equal(installed.code, 0, installed.err);
        assert.deepEqual(snapshot(file + BACKUP_SUFFIX), before, 'the link was not moved aside as a link');
        assert.ok(fs.lstatSync(file).isFile());
        assert.match(cli(repo, ['status']).out, /^Installed: [\s\S]*Then runs the earlier hook: .*pre-commit\.ownership-lens-chained/);

        const removed = cli(repo, ['remove']);
        assert.equal(removed.code, 0, removed.err);
        assert.deepEqual(snapshot(file), before);
        assert.deepEqual(hookFiles(hooksDir()), [HOOK]);
        assert.deepEqual(snapshot(script), scriptBefore, 'the link target was changed');
      });
    }
  });

  describe('hooks that are not UTF-8', () => {
    it('chains a hook with Latin-1, 0xFF 0xFE and NUL bytes, reports it, and puts it back byte for byte', () => {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN, 0o750);
      const before = snapshot(file);

      const status = cli(repo, ['status']);
      assert.equal(status.code, 0, status.err);
      assert.match(status.out, /^Not installed; .*pre-commit .* is another hook\.\n$/);
      assert.equal(cli(repo, ['install']).code, 0);
      assert.deepEqual(snapshot(file + BACKUP_SUFFIX), before);
      assert.match(cli(repo, ['status']).out, /^Installed: /);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.deepEqual(snapshot(file), before);
      assert.deepEqual(hookFiles(hooksDir()), [HOOK]);
    });

    it('a hook of ours edited to hold bytes that are not UTF-8 is edited, not ours: never replaced or deleted', () => {
      // The CLI path holds U+FFFD, which is what a decoder makes of an invalid byte: after the
      // edit the text reads the same as before, but the bytes are not what was written.
      const cliCopy = path.join(tmp(), 'cli-\uFFFD.js');
      fs.copyFileSync(CLI, cliCopy);
      const installed = spawnSync(process.execPath, [CLI, 'hook', 'install', '--root', repo.root, '--cli', cliCopy], { env: repo.env, encoding: 'utf8' });
      assert.equal(installed.status, 0, installed.stderr);
      const file = path.join(hooksDir(), HOOK);
      const written = fs.readFileSync(file);
      const at = written.indexOf(Buffer.from('\uFFFD'));
      assert.ok(at > 0);
      const edited = Buffer.concat([written.subarray(0, at), Buffer.from([0xff]), written.subarray(at + 3)]);
      fs.writeFileSync(file, edited);
      assert.equal(edited.toString('utf8'), written.toString('utf8'), 'the edit must decode to the same text');

      assert.match(cli(repo, ['status']).out, /^Edited by hand since it was installed/);
      assertRefusal(cli(repo, ['remove']), 'remove', /was changed since ownership-lens wrote it/);
      assertRefusal(cli(repo, ['install']), 'install', /was changed since ownership-lens wrote it/);
      assert.deepEqual(fs.readFileSync(file), edited);
    });
  });

  describe('folders that cannot be written', () => {
    /**
     * Makes `dir` read-only and returns how to run the CLI so that this holds: as this user, or,
     * as root (whom permissions do not stop), as nobody, after handing the repository to nobody.
     * A probe write as that user proves it; only a file system that ignores permissions skips.
     */
    function readOnlyFor(ctx: Mocha.Context, dir: string): RunAs {
      fs.chmodSync(dir, 0o555);
      readOnly.push(dir);
      const asUser: RunAs = {};
      if (process.getuid?.() === 0) {
        // nobody may not be able to reach this checkout (a clone in a 0700 temp folder, as CI
        // makes): it runs a copy of the bundle from the test's own folder, and starts there.
        const bundle = path.join(tmp(), 'cli.js');
        fs.copyFileSync(CLI, bundle);
        // cli.js loads the commands other than `who` from beside itself.
        fs.copyFileSync(path.join(path.dirname(CLI), 'cli-commands.js'), path.join(tmp(), 'cli-commands.js'));
        chownTree(tmp(), 65534, 65534);
        Object.assign(asUser, { uid: 65534, gid: 65534, cwd: tmp(), bundle });
      }
      const probe = spawnSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], "")', path.join(dir, 'probe')], { uid: asUser.uid, gid: asUser.gid, cwd: asUser.cwd, encoding: 'utf8' });
      if (probe.status === 0) {
        fs.rmSync(path.join(dir, 'probe'));
        console.log(`      (skipped: ${dir} stays writable after chmod 0555, even for uid ${String(asUser.uid ?? process.getuid?.())})`);
        ctx.skip();
      }
      return asUser;
    }

    it('install into a read-only hooks folder over an existing hook: says which folder and what to do, changes nothing, leaves nothing', function () {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      const before = snapshot(file);
      const listing = fs.readdirSync(hooksDir()).sort();
      const as = readOnlyFor(this, hooksDir());
      const r = cli(repo, ['install'], as);
      assertRefusal(r, 'install', new RegExp(`${escape(hooksDir())}.* not writable`));
      assert.match(r.err, /chmod u\+w|owner/);
      assert.deepEqual(fs.readdirSync(hooksDir()).sort(), listing);
      assert.deepEqual(snapshot(file), before);
    });

    it('install into a read-only hooks folder with no hook there: the same, and no hook appears', function () {
      const listing = fs.readdirSync(hooksDir()).sort();
      const as = readOnlyFor(this, hooksDir());
      assertRefusal(cli(repo, ['install'], as), 'install', new RegExp(`${escape(hooksDir())}.* not writable`));
      assert.deepEqual(fs.readdirSync(hooksDir()).sort(), listing);
    });

    it('remove from a folder made read-only after install: refuses clearly and leaves ours and the moved-aside hook as they were', function () {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      assert.equal(cli(repo, ['install']).code, 0);
      const ours = snapshot(file);
      const aside = snapshot(file + BACKUP_SUFFIX);
      const listing = fs.readdirSync(hooksDir()).sort();
      const as = readOnlyFor(this, hooksDir());
      assertRefusal(cli(repo, ['remove'], as), 'remove', new RegExp(`${escape(hooksDir())}.* not writable`));
      assert.deepEqual(fs.readdirSync(hooksDir()).sort(), listing);
      assert.deepEqual(snapshot(file), ours);
      assert.deepEqual(snapshot(file + BACKUP_SUFFIX), aside);
      assert.equal(cli(repo, ['status'], as).code, 0);
    });

    it('core.hooksPath below a file, where a folder is needed: a clear refusal naming the path, nothing created', () => {
      repo.write('blocked', 'a file, not a folder\n');
      repo.git('config', 'core.hooksPath', 'blocked/hooks');
      const r = cli(repo, ['install']);
      assertRefusal(r, 'install', /blocked/);
      assert.match(r.err, /not a (folder|directory)/);
      assert.equal(fs.readFileSync(path.join(repo.root, 'blocked'), 'utf8'), 'a file, not a folder\n');
    });
  });

  describe('other obstacles', () => {
    it('the hook is a directory: install refuses and says what to do; status and remove leave it alone', () => {
      const file = path.join(hooksDir(), HOOK);
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'inside'), 'keep me\n');
      assertRefusal(cli(repo, ['install']), 'install', /pre-commit is a (directory|folder).*(move|remove|rename)/);
      assert.equal(cli(repo, ['status']).code, 0);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.deepEqual(fs.readdirSync(file), ['inside']);
      assert.deepEqual(hookFiles(hooksDir()), [HOOK]);
    });

    it('the moved-aside name is already taken: install refuses, both files untouched; with no hook, remove puts it back', () => {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      writeHook(file + BACKUP_SUFFIX, Buffer.from('#!/bin/sh\necho older\n'));
      const hook = snapshot(file);
      const taken = snapshot(file + BACKUP_SUFFIX);
      assertRefusal(cli(repo, ['install']), 'install', /is left from an earlier install/);
      assert.deepEqual(snapshot(file), hook);
      assert.deepEqual(snapshot(file + BACKUP_SUFFIX), taken);

      fs.rmSync(file);
      const removed = cli(repo, ['remove']);
      assert.equal(removed.code, 0, removed.err);
      assert.deepEqual(snapshot(file), taken);
      assert.deepEqual(hookFiles(hooksDir()), [HOOK]);
    });

    // A file-size limit (ulimit -f) fails writes part-way, like a full disk: EFBIG after the
    // first 512 bytes, which is less than our hook.
    const fullDisk = ['sh', '-c', 'ulimit -f 1 && trap "" XFSZ && exec "$@"', 'sh'];

    it('the disk fills while writing over an existing hook: theirs stays in place exactly, nothing half-written is left', () => {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      const before = snapshot(file);
      const r = cli(repo, ['install'], {}, fullDisk);
      assertRefusal(r, 'install', new RegExp(`${escape(hooksDir())}.*(space|too large)`));
      assert.deepEqual(hookFiles(hooksDir()), [HOOK]);
      assert.deepEqual(snapshot(file), before);
    });

    it('the disk fills while writing a new hook: no hook is left behind (not even half of one)', () => {
      assertRefusal(cli(repo, ['install'], {}, fullDisk), 'install', /(space|too large)/);
      assert.deepEqual(hookFiles(hooksDir()), []);
    });

    it('the disk fills while rewriting ours (install --strict again): ours stays as it was', () => {
      const file = path.join(hooksDir(), HOOK);
      writeHook(file, FOREIGN);
      assert.equal(cli(repo, ['install']).code, 0);
      const ours = snapshot(file);
      assertRefusal(cli(repo, ['install', '--strict'], {}, fullDisk), 'install', /(space|too large)/);
      assert.deepEqual(snapshot(file), ours);
      assert.deepEqual(hookFiles(hooksDir()), [HOOK, HOOK + BACKUP_SUFFIX]);
      assert.equal(cli(repo, ['remove']).code, 0);
      assert.deepEqual(fs.readFileSync(file), FOREIGN);
    });
  });
});

interface RacerResult {
  op: string;
  code: number | string;
  out: string;
  err: string;
}

/**
 * A process that runs the bundled CLI's `main` for each line it reads on stdin (one operation
 * per word) and answers with a JSON line per operation, then `{"done":true}`. Started once and
 * fed every round, so the racers start their rounds together instead of staggered by Node's
 * start-up time, which is far longer than an install.
 */
class Racer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  constructor(repo: TestRepo) {
    const program = `
      const [cliPath, root] = process.argv.slice(1);
      const { main } = require(cliPath);
      const rl = require('node:readline').createInterface({ input: process.stdin });
      (async () => {
        for await (const line of rl) {
          for (const op of line.split(' ')) {
            let out = '', err = '', code;
            const io = { cwd: root, env: process.env, stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: async () => new Uint8Array() };
            try {
              code = await main(['hook', op, '--root', root, ...(op === 'install' ? ['--cli', cliPath] : [])], io);
            } catch (e) {
              code = 'threw';
              err += e && e.stack ? e.stack : String(e);
            }
            process.stdout.write(JSON.stringify({ op, code, out, err }) + '\\n');
          }
          process.stdout.write('{"done":true}\\n');
        }
      })();`;
    this.child = spawn(process.execPath, ['-e', program, CLI, repo.root], { env: repo.env });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.lines = readline.createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async run(ops: string[]): Promise<RacerResult[]> {
    this.child.stdin.write(`${ops.join(' ')}\n`);
    const results: RacerResult[] = [];
    for (;;) {
      const next = await this.lines.next();
      if (next.done) throw new Error(`racer exited: ${this.stderr}`);
      const parsed = JSON.parse(next.value) as RacerResult | { done: true };
      if ('done' in parsed) return results;
      results.push(parsed);
    }
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}

function readIfThere(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null; // gone, or not a file, at the moment we looked
  }
}

/** mulberry32: the same sequences every run, so a failing round can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.lchownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
