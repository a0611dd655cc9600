// Locating and reading a repository's CODEOWNERS on a real file system (temporary folders
// made by the tests): host search order, overrides, and files that are not what they seem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRepositoryRoot, loadRepositoryOwnership } from '../../src/core';

function repo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-repo-'));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

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
  it('diagnostics carry the file they are about', () => {
    const r = loadRepositoryOwnership(repo({ '.github/CODEOWNERS': '* @a\n!x @b\n' }));
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code]), [['.github/CODEOWNERS', 2, 1, 'unsupported-negation']]);
  });
  it('finds the repository root from a subdirectory', () => {
    const root = repo({ 'a/b/c.txt': '' });
    assert.equal(findRepositoryRoot(path.join(root, 'a', 'b')), root);
  });
});
