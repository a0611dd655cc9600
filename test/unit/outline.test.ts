// The structure the editor's outline and folding show (core/codeowners/outline.ts): GitLab
// sections per header line with the rules under them, rules before any header, comment blocks.
import * as assert from 'node:assert/strict';
import { parseCodeowners, type Flavor } from '../../src/core';
import { commentBlocks, outlineOf } from '../../src/core/codeowners/outline';

function outline(text: string, flavor: Flavor) {
  const o = outlineOf(parseCodeowners(text, { flavor }));
  return {
    rules: o.rules.map((r) => [r.line, r.pattern]),
    sections: o.sections.map((s) => ({ header: [s.header.line, s.header.column, s.header.name, s.header.section, s.header.text], lines: [s.startLine, s.endLine], rules: s.rules.map((r) => [r.line, r.pattern]) })),
    comments: commentBlocks(text.split('\n')).map((c) => [c.startLine, c.endLine]),
  };
}

const GITLAB = [
  '# Owners of the monorepo', // 1
  '# (sections below)', //       2
  '/README.md @lead', //          3
  '[Backend] @acme/backend', //   4
  '/apps/api/', //                5
  '# the database', //            6
  '*.sql @acme/dba', //           7
  '', //                          8
  '  ^[Docs] @acme/docs', //      9
  '*.md', //                     10
  '', //                         11
  '[backend]', //                12
  '!/apps/worker/generated/', // 13
  '# about Web, below', //       14
  '# and its approvals', //      15
  '[Web][2] @acme/web', //       16
].join('\n');

describe('outline: the structure of a CODEOWNERS file', () => {
  it('GitLab: a section per header line, from its header to its last rule, holding the rules under it', () => {
    const o = outline(GITLAB, 'gitlab');
    assert.deepEqual(o.rules, [[3, '/README.md']]);
    assert.deepEqual(o.sections, [
      { header: [4, 1, 'Backend', 'Backend', '[Backend] @acme/backend'], lines: [4, 7], rules: [[5, '/apps/api/'], [7, '*.sql']] },
      { header: [9, 3, 'Docs', 'Docs', '^[Docs] @acme/docs'], lines: [9, 10], rules: [[10, '*.md']] },
      // Written in lower case: the same section as [Backend] (GitLab merges the names), its own header line.
      { header: [12, 1, 'backend', 'Backend', '[backend]'], lines: [12, 13], rules: [[13, '!/apps/worker/generated/']] },
      // No rules: the section is its header line; the comments above it are not [backend]'s.
      { header: [16, 1, 'Web', 'Web', '[Web][2] @acme/web'], lines: [16, 16], rules: [] },
    ]);
  });

  it('comment blocks of two lines or more; a single comment line is none', () => {
    assert.deepEqual(outline(GITLAB, 'gitlab').comments, [
      [1, 2],
      [14, 15],
    ]);
  });

  it('GitHub and Bitbucket: every rule at the top, no sections (a bracketed line is a pattern there)', () => {
    const text = '# a\n# b\n*.md @docs\n[Backend] @acme/backend\n/src/ @src\n';
    for (const flavor of ['github', 'bitbucket'] as const) {
      const o = outline(text, flavor);
      assert.deepEqual(o.sections, []);
      assert.deepEqual(o.rules, [
        [3, '*.md'],
        [4, '[Backend]'],
        [5, '/src/'],
      ]);
      assert.deepEqual(o.comments, [[1, 2]]);
    }
  });

  it('a header the parser skips (no closing bracket) opens no section', () => {
    const o = outline('[Backend @a\n/src/ @b\n', 'gitlab');
    assert.deepEqual(o.sections, []);
    assert.deepEqual(o.rules, [[2, '/src/']]);
  });
});
