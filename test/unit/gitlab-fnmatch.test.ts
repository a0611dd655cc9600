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

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gitlab-fnmatch', 'ruby-fnmatch.json'), 'utf8')) as Case[];

describe('gitlab matching: Ruby File.fnmatch (FNM_DOTMATCH | FNM_PATHNAME) after GitLab\'s normalisation', () => {
  it('has the sample, with matches and the bracket forms Ruby reads its own way', () => {
    assert.equal(cases.length, 1500);
    assert.ok(cases.reduce((n, c) => n + c.matches.filter(Boolean).length, 0) >= 1500);
    for (const form of ['[]', '[!]', '[z-a]', 'a[/b]']) assert.ok(cases.some((c) => c.pattern.includes(form)), form);
    assert.ok(cases.some((c) => /\[[^\]]*$/.test(c.pattern)), 'a bracket never closed');
  });

  it('gives every path the answer Ruby gives', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const m = compileMatcher(parseCodeowners(`${c.pattern} @o\n`, { flavor: 'gitlab' }));
      c.paths.forEach((p, k) => {
        if ((m.match(p).owners.length > 0) !== c.matches[k]) wrong.push(`${c.pattern} ${p}: Ruby says ${c.matches[k]}`);
      });
    }
    assert.deepEqual(wrong, []);
  });
});
