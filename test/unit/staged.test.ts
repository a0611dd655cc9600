// Reading the staged changes from real git repositories: renames, copies, deletions, awkward
// paths, no commits yet, a detached HEAD, a temporary index, and the -z parser on its own.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { touchedPaths } from '../../src/core/reminders/staged';
import { createGitClient } from '../../src/git/gitClient';
import { parseNameStatusZ } from '../../src/git/stagedChanges';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

describe('staged changes: the -z parser', () => {
  it('reads every status letter, rename and copy pairs, and keeps paths byte for byte', () => {
    const out = ['M', 'a b/ü.txt', 'R087', 'old\tname', 'new\nname', 'C100', 'src', 'copy', 'D', 'gone', 'A', 'new', 'T', 'link', 'U', 'conflict', 'X', 'odd', ''].join('\0');
    assert.deepEqual(parseNameStatusZ(out), [
      { status: 'modified', path: 'a b/ü.txt' },
      { status: 'renamed', path: 'new\nname', from: 'old\tname' },
      { status: 'copied', path: 'copy', from: 'src' },
      { status: 'deleted', path: 'gone' },
      { status: 'added', path: 'new' },
      { status: 'type-changed', path: 'link' },
      { status: 'unmerged', path: 'conflict' },
      { status: 'unknown', path: 'odd' },
    ]);
  });

  it('returns nothing for empty output and drops a record cut short', () => {
    assert.deepEqual(parseNameStatusZ(''), []);
    assert.deepEqual(parseNameStatusZ('M\0a\0R100\0only-old\0'), [{ status: 'modified', path: 'a' }]);
  });

  it('a rename touches both paths, a copy only its destination', () => {
    const rename = { status: 'renamed' as const, path: 'b', from: 'a' };
    assert.deepEqual(touchedPaths(rename), [
      { path: 'a', change: rename, side: 'old' },
      { path: 'b', change: rename, side: 'new' },
    ]);
    const copy = { status: 'copied' as const, path: 'b', from: 'a' };
    assert.deepEqual(touchedPaths(copy), [{ path: 'b', change: copy, side: 'new' }]);
  });
});

describe('staged changes: real repositories', () => {
  let repo: TestRepo;
  afterEach(() => repo.remove());
  const staged = (env: Record<string, string | undefined> = repo.env) => createGitClient(repo.root, { env }).stagedChanges();
  const sorted = <T extends { path: string }>(xs: T[]) => [...xs].sort((a, b) => (a.path < b.path ? -1 : 1));

  it('sees renames, deletions, additions and modifications in nested folders with spaces and unicode', async () => {
    const body = 'line one\nline two\nline three\nline four\n';
    repo = makeRepo({ 'services/payments/api/charge.py': body, 'docs/Read Me.md': 'docs\n', 'src/ünï/cödé.ts': 'x\n', 'keep.txt': 'k\n' });
    commitAll(repo);
    repo.move('services/payments/api/charge.py', 'services/search/deep er/charge.py');
    repo.git('rm', '-q', 'docs/Read Me.md');
    repo.write('src/ünï/cödé.ts', 'y\n');
    repo.write('new dir/ñew file.txt', 'n\n');
    repo.git('add', '-A');
    assert.deepEqual(sorted(await staged()), [
      { status: 'deleted', path: 'docs/Read Me.md' },
      { status: 'added', path: 'new dir/ñew file.txt' },
      { status: 'renamed', path: 'services/search/deep er/charge.py', from: 'services/payments/api/charge.py' },
      { status: 'modified', path: 'src/ünï/cödé.ts' },
    ]);
  });

  it('finds renames even when the config turns rename detection off, and copies of modified files', async () => {
    const lines = (tag: string) => Array.from({ length: 20 }, (_, i) => `${tag} line ${i}\n`).join('');
    const body = lines('b');
    repo = makeRepo({ 'a.txt': lines('a'), 'b.txt': body });
    commitAll(repo);
    repo.git('config', 'diff.renames', 'false');
    repo.git('config', 'diff.relative', 'true');
    repo.move('a.txt', 'moved/a.txt');
    repo.write('b.txt', `${body}one more\n`);
    repo.write('copy-of-b.txt', body);
    repo.git('add', '-A');
    // From a subdirectory, where diff.relative=true would hide b.txt and shorten moved/a.txt.
    const fromSubdir = await createGitClient(path.join(repo.root, 'moved'), { env: repo.env }).stagedChanges();
    assert.deepEqual(sorted(fromSubdir), [
      { status: 'modified', path: 'b.txt' },
      { status: 'copied', path: 'copy-of-b.txt', from: 'b.txt' },
      { status: 'renamed', path: 'moved/a.txt', from: 'a.txt' },
    ]);
  });

  it('works before the first commit and on a detached HEAD', async () => {
    repo = makeRepo({ 'first.txt': '1\n' });
    repo.git('add', '-A');
    assert.deepEqual(await staged(), [{ status: 'added', path: 'first.txt' }]);
    repo.git('commit', '-q', '-m', 'one');
    repo.git('checkout', '-q', '--detach');
    repo.write('second.txt', '2\n');
    repo.git('add', 'second.txt');
    assert.deepEqual(await staged(), [{ status: 'added', path: 'second.txt' }]);
  });

  it('reads the index GIT_INDEX_FILE names, as a hook of `git commit PATH` must', async () => {
    repo = makeRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    commitAll(repo);
    repo.write('a.txt', 'a2\n');
    repo.git('add', 'a.txt');
    // A second index in which only b.txt changed, like git's temporary index for a partial commit.
    const other = path.join(repo.root, '.git', 'other-index');
    const env = { ...repo.env, GIT_INDEX_FILE: other };
    execFileSync('git', ['read-tree', 'HEAD'], { cwd: repo.root, env });
    repo.write('b.txt', 'b2\n');
    execFileSync('git', ['add', 'b.txt'], { cwd: repo.root, env });
    assert.deepEqual(await staged(), [{ status: 'modified', path: 'a.txt' }]);
    assert.deepEqual(await staged(env), [{ status: 'modified', path: 'b.txt' }]);
  });

  it('rejects outside a repository', async () => {
    repo = makeRepo();
    const outside = path.dirname(repo.root);
    await assert.rejects(createGitClient(outside, { env: { ...repo.env, GIT_CEILING_DIRECTORIES: path.dirname(outside) } }).stagedChanges());
  });
});
