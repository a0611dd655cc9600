// The matcher's shortcut for plain anchored paths (githubLiteralPath) must read every pattern
// exactly as the general compiler (compileGithubPattern) does: checked on every rule of the
// real GitHub files and on the awkward shapes around the shortcut's edges.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCodeowners } from '../../src/core/codeowners/parse';
import { compileGithubPattern, githubLiteralPath } from '../../src/core/codeowners/pattern';

const REALWORLD = path.join(__dirname, '..', 'fixtures', 'realworld');
const GITHUB_FILES = ['RIOT-OS__RIOT', 'apache__nuttx', 'esphome__esphome', 'python__peps'];

const EDGES = ['/', '//', '/a', 'a/', '/a/', 'a/b', '/a/b/', 'a//b', '/a/./b', '/a/../b', 'a', '*', '/a/*', '/a/**', 'a/b*', '/a\\ b', '/[ab]/c', '/a?/b', '.github/', '/.github/CODEOWNERS', 'docs/adr'];

function agrees(pattern: string): void {
  const literal = githubLiteralPath(pattern);
  if (literal === null) return;
  const general = compileGithubPattern(pattern);
  const segments = general.segs.segments;
  assert.ok(segments.every((m) => m.kind === 'literal'), `${pattern}: the general compiler sees wildcards`);
  assert.deepEqual(
    segments.map((m) => (m.kind === 'literal' ? m.text : '')),
    literal.names,
    `${pattern}: the same segments`,
  );
  assert.deepEqual([general.self, general.descendants, general.never], [!literal.dirOnly, true, false], `${pattern}: the same reach`);
}

describe('githubLiteralPath reads a pattern as compileGithubPattern does', () => {
  it('on the edges of the shortcut', () => {
    for (const p of EDGES) agrees(p);
    assert.deepEqual(githubLiteralPath('/a/b/'), { names: ['a', 'b'], dirOnly: true });
    assert.deepEqual(githubLiteralPath('docs/adr'), { names: ['docs', 'adr'], dirOnly: false });
    for (const p of ['a', 'a/', '*', '/a/*', '/a\\ b', '/', 'a//b', '/a/../b']) assert.equal(githubLiteralPath(p), null, p);
  });

  it('on every rule of the real GitHub files, most of which it takes', () => {
    let taken = 0;
    let all = 0;
    for (const name of GITHUB_FILES) {
      const parsed = parseCodeowners(fs.readFileSync(path.join(REALWORLD, name, 'CODEOWNERS'), 'utf8'), { flavor: 'github' });
      for (const rule of parsed.rules) {
        all++;
        if (githubLiteralPath(rule.pattern) !== null) taken++;
        agrees(rule.pattern);
      }
    }
    assert.ok(taken > all / 2, `the shortcut takes ${taken} of ${all} rules`);
  });
});
