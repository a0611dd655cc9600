// Locating and reading a repository's CODEOWNERS on a real file system (temporary folders
// made by the tests): host search order, overrides, and files that are not what they seem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRepositoryRoot, GITHUB_SIZE_LIMIT, loadRepositoryOwnership } from '../../src/core';
import { MAX_READ_BYTES } from '../../src/core/codeowners/repository';
import { GITLAB_READ_LIMIT } from '../../src/core/codeowners/parse';
import { nodeFileSystem, type FileSystem } from '../../src/core/fs';
import { tempRepo } from './temp-repo';

const repo = (files: Record<string, string>): string => tempRepo(files);

describe('repository: locate and load CODEOWNERS', () => {
  it('auto: .github/ wins over the root and docs/', () => {
    const root = repo({ '.github/CODEOWNERS': '* @gh\n', CODEOWNERS: '* @root\n', 'docs/CODEOWNERS': '* @docs\n' });
    const r = loadRepositoryOwnership(root);
    assert.equal(r.file, '.github/CODEOWNERS');
    assert.equal(r.flavor, 'github');
    assert.deepEqual(r.match('a').owners, ['@gh']);
  });
  it('auto: a root file with sections is GitLab; .gitlab/ implies GitLab', () => {
    const a = loadRepositoryOwnership(repo({ CODEOWNERS: '[S]\n* @a\n' }));
    assert.equal(a.flavor, 'gitlab');
    const b = loadRepositoryOwnership(repo({ '.gitlab/CODEOWNERS': '* @a\n' }));
    assert.deepEqual([b.file, b.flavor], ['.gitlab/CODEOWNERS', 'gitlab']);
  });
  it('an explicit flavor searches only that host\'s locations', () => {
    const root = repo({ '.github/CODEOWNERS': '* @gh\n', '.gitlab/CODEOWNERS': '* @gl\n' });
    assert.equal(loadRepositoryOwnership(root, { flavor: 'gitlab' }).file, '.gitlab/CODEOWNERS');
    assert.equal(loadRepositoryOwnership(root, { flavor: 'bitbucket' }).file, null);
  });
  it('an explicit path overrides the search, with paths still relative to the root', () => {
    const root = repo({ 'config/owners.txt': '/src/ @x\n' });
    const r = loadRepositoryOwnership(root, { codeownersPath: 'config/owners.txt' });
    assert.equal(r.file, 'config/owners.txt');
    assert.deepEqual(r.match('src/a.ts').owners, ['@x']);
    assert.deepEqual(r.ruleRef(r.match('src/a.ts').rule!), { file: 'config/owners.txt', line: 1, pattern: '/src/' });
  });
  it('an explicit path at a host\'s own place is read as the search would read it (auto)', () => {
    const root = repo({ '.gitlab/CODEOWNERS': '* @gl\n', '.bitbucket/CODEOWNERS': '* @ws/g:random(2)\n', 'other/CODEOWNERS': '* @ws/g:random(2)\n' });
    const found = loadRepositoryOwnership(root);
    const named = loadRepositoryOwnership(root, { codeownersPath: '.gitlab/CODEOWNERS' });
    assert.deepEqual([found.flavor, named.flavor], ['gitlab', 'gitlab']);
    const bitbucket = loadRepositoryOwnership(root, { codeownersPath: path.join(root, '.bitbucket', 'CODEOWNERS') });
    assert.deepEqual([bitbucket.flavor, bitbucket.match('x').owners, bitbucket.diagnostics], ['bitbucket', ['@ws/g'], []]);
    // Elsewhere the content decides, and `:random(2)` is no GitHub owner.
    const elsewhere = loadRepositoryOwnership(root, { codeownersPath: 'other/CODEOWNERS' });
    assert.equal(elsewhere.flavor, 'github');
    assert.deepEqual(loadRepositoryOwnership(root, { codeownersPath: '.gitlab/CODEOWNERS', flavor: 'github' }).flavor, 'github');
  });
  it('an explicit path that does not exist is reported, and there is no map', () => {
    const r = loadRepositoryOwnership(repo({ CODEOWNERS: '* @a\n' }), { codeownersPath: 'missing/OWNERS' });
    assert.equal(r.file, null);
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.code]), [['missing/OWNERS', 'not-found']]);
  });
  it('no CODEOWNERS: no map, no owners, no error', () => {
    const r = loadRepositoryOwnership(repo({ 'README.md': 'hi' }));
    assert.equal(r.file, null);
    assert.deepEqual(r.match('README.md'), { owners: [], rule: null });
    assert.deepEqual(r.diagnostics, []);
  });
  it('a CODEOWNERS that is a directory is skipped with a diagnostic, and the next location is used', () => {
    const root = repo({ 'docs/CODEOWNERS': '* @docs\n' });
    fs.mkdirSync(path.join(root, '.github', 'CODEOWNERS'), { recursive: true });
    const r = loadRepositoryOwnership(root);
    assert.equal(r.file, 'docs/CODEOWNERS');
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.code]), [['.github/CODEOWNERS', 'not-a-file']]);
  });
  it('a symlink pointing outside the repository is not followed', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-outside-'));
    fs.writeFileSync(path.join(outside, 'CODEOWNERS'), '* @evil\n');
    const root = repo({});
    fs.mkdirSync(path.join(root, '.github'));
    fs.symlinkSync(path.join(outside, 'CODEOWNERS'), path.join(root, '.github', 'CODEOWNERS'));
    const r = loadRepositoryOwnership(root);
    assert.deepEqual(r.match('a').owners, []);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['outside-repository']);
  });
  it('a symlink loop gives a diagnostic, not a crash', () => {
    const root = repo({});
    fs.symlinkSync(path.join(root, 'CODEOWNERS'), path.join(root, 'CODEOWNERS'));
    const r = loadRepositoryOwnership(root);
    assert.equal(r.file, null);
    assert.equal(r.diagnostics.length, 1);
  });
  it('a link to nothing is skipped with a diagnostic (it is there, but cannot be read), and the next location is used', () => {
    const root = repo({ 'docs/CODEOWNERS': '* @docs\n' });
    fs.mkdirSync(path.join(root, '.github'));
    fs.symlinkSync('nowhere', path.join(root, '.github', 'CODEOWNERS'));
    const r = loadRepositoryOwnership(root);
    assert.equal(r.file, 'docs/CODEOWNERS');
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code]), [['.github/CODEOWNERS', 1, 1, 'not-a-file']]);
    assert.match(r.diagnostics[0].message, /broken or looping link/);
  });
  it('diagnostics carry the file they are about', () => {
    const r = loadRepositoryOwnership(repo({ '.github/CODEOWNERS': '* @a\n!x @b\n' }));
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code]), [['.github/CODEOWNERS', 2, 1, 'unsupported-negation']]);
  });
  it('finds the repository root from a subdirectory', () => {
    const root = repo({ 'a/b/c.txt': '' });
    assert.equal(findRepositoryRoot(path.join(root, 'a', 'b')), root);
  });
});

/** The node file system, counting the bytes it hands out and refusing to read a file whole over `wholeLimit`. */
function countingFs(wholeLimit: number): FileSystem & { read: number } {
  const counted = {
    ...nodeFileSystem,
    read: 0,
    readFile(p: string): Buffer {
      const size = nodeFileSystem.size(p);
      assert.ok(size <= wholeLimit, `${p} (${size} bytes) was read whole`);
      const b = nodeFileSystem.readFile(p);
      counted.read += b.length;
      return b;
    },
    readHead(p: string, n: number): Buffer {
      const b = nodeFileSystem.readHead!(p, n);
      counted.read += b.length;
      return b;
    },
  };
  return counted;
}

/** Rule `i` of a generated CODEOWNERS: all of one length, no two alike (no duplicate-pattern warnings). */
const generatedRule = (i: number): string => `/generated/${String(i).padStart(9, '0')}/ @org/generated\n`;
const RULE_LENGTH = generatedRule(0).length;

/** A CODEOWNERS of about `mb` MB: `head`, then generated rules up to the size, then `tail`. */
function hugeCodeowners(file: string, mb: number, head: string, tail: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, head);
    const perBlock = 16384;
    for (let i = 0; i * RULE_LENGTH < mb * 1024 * 1024; i += perBlock) {
      fs.writeSync(fd, Array.from({ length: perBlock }, (_, k) => generatedRule(i + k)).join(''));
    }
    fs.writeSync(fd, tail);
  } finally {
    fs.closeSync(fd);
  }
}

describe('repository: a 50 MB CODEOWNERS', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = repo({});
    hugeCodeowners(path.join(root, '.github', 'CODEOWNERS'), 50, '* @first\n', '/late/ @late\n');
    hugeCodeowners(path.join(root, '.gitlab', 'CODEOWNERS'), 50, '[Main]\n* @first\n', '/late/ @late\n');
  });
  // 100 MB of temporary files are not left behind.
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('GitHub: file-too-large, nothing applied, and the file is not read at all', () => {
    const counting = countingFs(0);
    const r = loadRepositoryOwnership(root, { fs: counting });
    assert.equal(r.file, '.github/CODEOWNERS');
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.severity]), [['.github/CODEOWNERS', 1, 1, 'file-too-large', 'error']]);
    assert.match(r.diagnostics[0].message, /5\d\.\d MB.*3 MB/);
    assert.deepEqual(r.match('src/a.ts').owners, []);
    assert.deepEqual(r.parsed?.rules, [], 'no line of a file that cannot apply is parsed');
    assert.equal(counting.read, 0, 'a location that implies GitHub is refused from its size');
  });
  it('GitHub by detection (an explicit path): refused after reading at most the read limit', () => {
    const counting = countingFs(GITHUB_SIZE_LIMIT);
    const r = loadRepositoryOwnership(root, { codeownersPath: '.github/CODEOWNERS', fs: counting });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['file-too-large']);
    assert.deepEqual(r.match('src/a.ts').owners, []);
    assert.ok(counting.read <= MAX_READ_BYTES, `${counting.read} bytes read`);
  });
  it('GitLab: the first 10 MiB apply, a warning says where GitLab stops reading, and no more is read', () => {
    const counting = countingFs(GITLAB_READ_LIMIT);
    const r = loadRepositoryOwnership(root, { flavor: 'gitlab', fs: counting });
    assert.equal(r.file, '.gitlab/CODEOWNERS');
    assert.ok(counting.read <= GITLAB_READ_LIMIT, `${counting.read} bytes read`);
    const [d, ...more] = r.diagnostics;
    assert.deepEqual(more, []);
    assert.deepEqual([d.code, d.severity, d.column], ['file-truncated', 'warning', 1]);
    // The line GitLab cuts is the first one after the whole lines within 10 MiB.
    const header = '[Main]\n* @first\n'.length;
    const wholeRules = Math.floor((GITLAB_READ_LIMIT - header) / RULE_LENGTH);
    assert.equal(d.line, 2 + wholeRules + 1);
    assert.deepEqual(r.match('src/a.ts').owners, ['@first']);
    assert.deepEqual(r.match(`${generatedRule(wholeRules - 1).split(' ')[0].slice(1)}x`).owners, ['@org/generated'], 'the last whole rule applies');
    assert.deepEqual(r.match(`${generatedRule(wholeRules).split(' ')[0].slice(1)}x`).owners, ['@first'], 'the cut one does not');
    assert.deepEqual(r.match('late/x').owners, ['@first'], 'the rule at the end, past 10 MiB, does not apply');
  });
  it('a GitLab file within 10 MiB is read and applied whole', () => {
    const small = repo({});
    hugeCodeowners(path.join(small, '.gitlab', 'CODEOWNERS'), 5, '* @first\n', '/late/ @late\n');
    const r = loadRepositoryOwnership(small, { fs: countingFs(GITLAB_READ_LIMIT) });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.match('late/x').owners, ['@late']);
    fs.rmSync(small, { recursive: true, force: true });
  });
});
