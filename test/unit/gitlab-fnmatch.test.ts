// GitLab's path matching against Ruby's own File.fnmatch (test/fixtures/gitlab-fnmatch/): every
// pattern compiled as a one-rule GitLab CODEOWNERS, every path asked of the matcher.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners } from '../../src/core';

interface Case {
  pattern: string;
  paths: string[];
  matches: boolean[];
}

const fixtures = path.join(__dirname, '..', 'fixtures', 'gitlab-fnmatch');
const cases = JSON.parse(fs.readFileSync(path.join(fixtures, 'ruby-fnmatch.json'), 'utf8')) as Case[];
/** Non-ASCII patterns and paths, emoji among them (astral-cases.mjs). */
const astral = JSON.parse(fs.readFileSync(path.join(fixtures, 'ruby-fnmatch-astral.json'), 'utf8')) as Case[];

describe('gitlab matching: Ruby File.fnmatch (FNM_DOTMATCH | FNM_PATHNAME) after GitLab\'s normalisation', () => {
  it('has the sample, with matches and the bracket forms Ruby reads its own way', () => {
    assert.equal(cases.length, 1500);
    assert.ok(cases.reduce((n, c) => n + c.matches.filter(Boolean).length, 0) >= 1500);
    for (const form of ['[]', '[!]', '[z-a]', 'a[/b]']) assert.ok(cases.some((c) => c.pattern.includes(form)), form);
    assert.ok(cases.some((c) => /\[[^\]]*$/.test(c.pattern)), 'a bracket never closed');
  });

  it('gives every path the answer Ruby gives', () => {
    assert.deepEqual(disagreements(cases), []);
  });

  it('counts characters as Ruby does: `?` and a class take one emoji, not half of one', () => {
    // 630 of these 5,972 pairs went wrong while a character outside the Basic Multilingual
    // Plane counted as two (JavaScript's code units).
    assert.equal(astral.length, 1000);
    assert.ok(astral.some((c) => /\?/.test(c.pattern) && c.paths.some((p, k) => /\p{Extended_Pictographic}/u.test(p) && c.matches[k])), 'a `?` Ruby matches to an emoji');
    assert.ok(astral.some((c) => /\[[^\]]*[\u{10000}-\u{10FFFF}]-/u.test(c.pattern)), 'a range between such characters');
    assert.deepEqual(disagreements(astral), []);
  });
});

function disagreements(list: Case[]): string[] {
  const wrong: string[] = [];
  for (const c of list) {
    const m = compileMatcher(parseCodeowners(`${c.pattern} @o\n`, { flavor: 'gitlab' }));
    c.paths.forEach((p, k) => {
      if ((m.match(p).owners.length > 0) !== c.matches[k]) wrong.push(`${c.pattern} ${p}: Ruby says ${c.matches[k]}`);
    });
  }
  return wrong;
}
