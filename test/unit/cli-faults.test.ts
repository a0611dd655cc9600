// The CLI in the git states real users have: no commits yet, a bare repository, a detached
// HEAD, a linked worktree, a submodule, and no git on PATH at all. Each command answers (or says in one line
// why it cannot), never prints a stack trace, and a hook-facing command never fails a commit.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(repo: TestRepo, cwd: string, args: string[], env: Record<string, string> = repo.env): Run {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function noStackTrace(r: Run): void {
  assert.ok(!/\n\s+at .+:\d+:\d+/.test(r.stderr), `stack trace on stderr:\n${r.stderr}`);
}

const CODEOWNERS = '* @acme/all\n/services/payments/ @acme/payments\n';

function ownerOf(r: Run): string[] {
  return (JSON.parse(r.stdout.trim().split('\n')[0]) as { owners: string[] }).owners;
}

describe('CLI in unusual git states', function () {
  this.timeout(60_000);

  it('a repository with no commits yet: who, check, explain and precommit all answer', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS, 'services/payments/a.go': 'package a\n' });
    repo.git('add', '-A');
    const who = run(repo, repo.root, ['who', '--json', 'services/payments/a.go']);
    assert.equal(who.status, 0, who.stderr);
    assert.deepEqual(ownerOf(who), ['@acme/payments']);
    const check = run(repo, repo.root, ['check']);
    assert.equal(check.status, 0, check.stderr);
    const explain = run(repo, repo.root, ['explain', '--json', 'services/payments/a.go']);
    assert.equal(explain.status, 0, explain.stderr);
    assert.equal((JSON.parse(explain.stdout) as { situation: string }).situation, 'upstream');
    const pre = run(repo, repo.root, ['precommit', '--json']);
    assert.equal(pre.status, 0, pre.stderr);
    assert.match(pre.stdout, /services\/payments\/a\.go/);
    [who, check, explain, pre].forEach(noStackTrace);
  });

  it('a bare repository: every command says in one line that it has no working tree (exit 2; no commit runs there); --root and GIT_DIR still answer', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS, 'services/payments/a.go': 'package a\n' });
    commitAll(repo);
    const bare = path.join(path.dirname(repo.root), 'repo.git');
    repo.git('clone', '-q', '--bare', repo.root, bare);
    for (const cwd of [bare, path.join(bare, 'refs')]) {
      for (const args of [['who', 'services/payments/a.go'], ['check'], ['report'], ['explain', 'services/payments/a.go'], ['precommit'], ['hook', 'install']]) {
        const r = run(repo, cwd, args);
        assert.equal(r.status, 2, `${args[0]} in ${cwd}: ${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `ownership-lens ${args[0]}: ${bare} is a bare git repository: it has no working tree to read owners in; run this in a checkout (a clone, or \`git worktree add\`), or give --root DIR\n`);
      }
    }
    // A working tree named by --root, or by git's own GIT_DIR and GIT_WORK_TREE, is read as ever.
    const byRoot = run(repo, bare, ['who', '--json', '--root', repo.root, 'services/payments/a.go']);
    assert.equal(byRoot.status, 0, byRoot.stderr);
    assert.deepEqual(ownerOf(byRoot), ['@acme/payments']);
    const byGitDir = run(repo, bare, ['who', '--json', 'services/payments/a.go'], { ...repo.env, GIT_DIR: bare, GIT_WORK_TREE: repo.root });
    assert.equal(byGitDir.status, 0, byGitDir.stderr);
    assert.deepEqual(ownerOf(byGitDir), ['@acme/payments']);
    const check = run(repo, bare, ['check'], { ...repo.env, GIT_DIR: bare, GIT_WORK_TREE: repo.root });
    assert.equal(check.status, 0, check.stderr);
  });

  it('a detached HEAD: precommit still reads the staged change', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS, 'services/payments/a.go': 'package a\n' });
    commitAll(repo);
    repo.git('checkout', '-q', '--detach');
    repo.write('services/payments/a.go', 'package a // changed\n');
    repo.git('add', '-A');
    const pre = run(repo, repo.root, ['precommit', '--json', '--strict']);
    assert.equal(pre.status, 1, `an upstream change under --strict exits 1: ${pre.stderr}`);
    assert.match(pre.stdout, /@acme\/payments/);
    noStackTrace(pre);
  });

  it('a linked worktree (.git is a file): the root is the worktree, and precommit works there', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS, 'services/payments/a.go': 'package a\n' });
    commitAll(repo);
    const wt = path.join(path.dirname(repo.root), 'wt');
    repo.git('worktree', 'add', '-q', wt);
    assert.ok(fs.statSync(path.join(wt, '.git')).isFile());
    const who = run(repo, path.join(wt, 'services'), ['who', '--json', 'services/payments/a.go']);
    assert.equal(who.status, 0, who.stderr);
    assert.deepEqual(ownerOf(who), ['@acme/payments']);
    fs.writeFileSync(path.join(wt, 'README.md'), 'hello\n');
    spawnSync('git', ['add', 'README.md'], { cwd: wt, env: repo.env });
    const pre = run(repo, wt, ['precommit', '--json']);
    assert.equal(pre.status, 0, pre.stderr);
    assert.match(pre.stdout, /README\.md/);
    noStackTrace(pre);
  });

  it('a submodule is its own repository with its own CODEOWNERS and paths', () => {
    const inner = makeRepo({ CODEOWNERS: '* @inner/team\n', 'lib/x.c': 'int x;\n' }, 'ol-sub-');
    commitAll(inner);
    const outer = makeRepo({ '.github/CODEOWNERS': CODEOWNERS });
    commitAll(outer);
    outer.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.root, 'vendor/inner');
    const fromInside = run(outer, path.join(outer.root, 'vendor', 'inner'), ['who', '--json', 'lib/x.c']);
    assert.equal(fromInside.status, 0, fromInside.stderr);
    assert.deepEqual(ownerOf(fromInside), ['@inner/team']);
    const fromOutside = run(outer, outer.root, ['who', '--json', 'vendor/inner/lib/x.c']);
    assert.deepEqual(ownerOf(fromOutside), ['@acme/all']);
  });

  it('no git on PATH: who and explain answer from the files; precommit and check fail open in one line', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS, 'services/payments/a.go': 'package a\n' });
    commitAll(repo);
    // An empty directory as PATH: the CLI itself is started by absolute path, git cannot be found.
    const emptyBin = fs.mkdtempSync(path.join(path.dirname(repo.root), 'bin-'));
    const env = { ...repo.env, PATH: emptyBin };
    assert.equal(spawnSync('git', ['--version'], { env }).error?.message.includes('ENOENT'), true);
    const who = run(repo, repo.root, ['who', '--json', 'services/payments/a.go'], env);
    assert.equal(who.status, 0, who.stderr);
    assert.deepEqual(ownerOf(who), ['@acme/payments']);
    const explain = run(repo, repo.root, ['explain', '--json', '--me', '@acme/payments', 'services/payments/a.go'], env);
    assert.equal(explain.status, 0, explain.stderr);
    assert.equal((JSON.parse(explain.stdout) as { situation: string }).situation, 'mine');
    const pre = run(repo, repo.root, ['precommit'], env);
    assert.equal(pre.status, 0, `precommit fails open: ${pre.stderr}`);
    assert.ok(pre.stderr.trim().split('\n').length <= 2, pre.stderr);
    const check = run(repo, repo.root, ['check'], env);
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    [who, explain, pre, check].forEach(noStackTrace);
  });
});

describe('CLI output that cannot be written', function () {
  this.timeout(60_000);
  const manyPaths = Array.from({ length: 200_000 }, (_, i) => `services/payments/f${i}.go`).join('\n');

  /** Runs the CLI with its standard output read until the first chunk, then closed (as `| head -1`). */
  async function withReaderLeaving(repo: TestRepo, args: string[], input?: string): Promise<{ first: string; stderr: string; code: number | null; signal: NodeJS.Signals | null }> {
    let stdin: number | 'ignore' = 'ignore';
    if (input !== undefined) {
      const file = path.join(path.dirname(repo.root), 'input.txt');
      fs.writeFileSync(file, input);
      stdin = fs.openSync(file, 'r');
    }
    const child = spawn(process.execPath, [cli, ...args], { cwd: repo.root, env: repo.env, stdio: [stdin, 'pipe', 'pipe'] });
    if (typeof stdin === 'number') fs.closeSync(stdin);
    const out = child.stdout;
    assert.ok(out && child.stderr);
    let stderr = '';
    let first = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    out.once('data', (c: Buffer) => {
      first = c.toString().split('\n')[0];
      out.destroy();
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, sig) => resolve([c, sig])));
    return { first, stderr, code, signal };
  }

  it('a reader that goes away (who --stdin --json | head -1): the answer given so far, exit 0, nothing on stderr', async () => {
    // About 20 MB of answers against a 64 KB pipe: the CLI is still writing when the reader leaves.
    const r = await withReaderLeaving(makeRepo({ '.github/CODEOWNERS': CODEOWNERS }), ['who', '--stdin', '--json'], manyPaths);
    assert.deepEqual(JSON.parse(r.first).owners, ['@acme/payments']);
    assert.deepEqual([r.code, r.signal, r.stderr], [0, null, '']);
  });

  it('a reader that goes away keeps the exit code of the command (check | head still fails on errors)', async () => {
    const broken = Array.from({ length: 3000 }, (_, i) => `/a${i}/[x @acme/a`).join('\n');
    const r = await withReaderLeaving(makeRepo({ '.github/CODEOWNERS': `${broken}\n` }), ['check']);
    assert.match(r.first, /^\.github\/CODEOWNERS:1:\d+: error /);
    assert.deepEqual([r.code, r.signal, r.stderr], [1, null, '']);
  });

  it('a full disk (standard output is /dev/full, which Linux has): one line naming the failure, exit 74', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': CODEOWNERS });
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const args of [['who', '--json', '--stdin'], ['check']]) {
        const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo.root, env: repo.env, input: manyPaths, stdio: ['pipe', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, 74, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, 'ownership-lens: cannot write to standard output: ENOSPC\n');
      }
    } finally {
      fs.closeSync(full);
    }
  });

  it('report --html onto a full disk: one line naming the failure, exit 74 (not a usage error)', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': '* @all\n', 'a.txt': 'x\n' });
    commitAll(repo);
    const r = spawnSync(process.execPath, [cli, 'report', '--html', '/dev/full'], { cwd: repo.root, env: repo.env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 74, r.stderr);
    assert.equal(r.stderr, 'ownership-lens report: --html /dev/full: cannot write it (ENOSPC)\n');
  });

  it('precommit on a full disk keeps its promise to a hook: exit 0 (with --strict, 70: it cannot check), the failure said on stderr', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': '/services/payments/ @acme/payments\n', 'services/payments/a.py': 'x\n' });
    commitAll(repo);
    repo.write('services/payments/a.py', 'changed\n');
    repo.git('add', 'services');
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const [args, code] of [[['precommit'], 0], [['precommit', '--strict'], 70]] as const) {
        const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo.root, env: repo.env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, code, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /^ownership-lens: cannot write to standard output: ENOSPC$/m);
      }
    } finally {
      fs.closeSync(full);
    }
  });

  it('a warning that cannot be written (stderr is /dev/full) does not cut the answer short', () => {
    // `[x` is an error on GitHub, so `who` has a line for stderr before it answers.
    const repo = makeRepo({ '.github/CODEOWNERS': `${CODEOWNERS}[x @acme/x\n` });
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cli, 'who', '--json', '--stdin'], { cwd: repo.root, env: repo.env, input: manyPaths, stdio: ['pipe', 'pipe', full], encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30_000 });
      assert.equal(r.status, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 200_000);
      assert.deepEqual(JSON.parse(lines[199_999]), { path: 'services/payments/f199999.go', owners: ['@acme/payments'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/services/payments/' } });
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('CLI input that cannot be read', function () {
  this.timeout(60_000);

  it('standard input that is a directory (`who --stdin < dir`): one line saying so, exit 2', () => {
    const repo = makeRepo({ '.github/CODEOWNERS': '* @all\n' });
    const dir = fs.openSync(repo.root, 'r');
    try {
      const r = spawnSync(process.execPath, [cli, 'who', '--stdin'], { cwd: repo.root, env: repo.env, stdio: [dir, 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'ownership-lens who: standard input is a directory: give --stdin a file or a pipe of paths, one per line\n');
    } finally {
      fs.closeSync(dir);
    }
  });
});
