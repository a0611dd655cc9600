// Whole GitLab files against a Ruby model of GitLab's File (test/fixtures/gitlab-files/):
// sections, default owners, exclusions, repeated patterns and owners, all at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners } from '../../src/core';

interface FileCase {
  codeowners: string;
  paths: Array<{ path: string; sections: Record<string, string[]> }>;
}

const files = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gitlab-files', 'ruby-model.json'), 'utf8')) as FileCase[];
const bySection = (entries: Array<[string, string[]]>): string => JSON.stringify(entries.map(([k, v]) => [k, [...new Set(v)].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)));

describe('gitlab files: owners by section as a Ruby model of GitLab\'s File gives them', () => {
  it('has the sample, with paths owned in several sections', () => {
    assert.equal(files.length, 265);
    const pairs = files.flatMap((f) => f.paths);
    assert.equal(pairs.length, 3180);
    assert.ok(pairs.filter((p) => Object.keys(p.sections).length > 1).length >= 300);
  });

  it('gives every path of every file the sections and owners the model gives', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const m = compileMatcher(parseCodeowners(f.codeowners, { flavor: 'gitlab' }));
      for (const p of f.paths) {
        const ours = bySection((m.match(p.path).sections ?? []).map((s) => [s.section, s.owners]));
        const model = bySection(Object.entries(p.sections));
        if (ours !== model) wrong.push(`${JSON.stringify(f.codeowners)} ${p.path}: ours ${ours}, model ${model}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 5), []);
  });
});

// Cases the random files do not make, each checked against model.rb when written (ruby
// test/fixtures/gitlab-files/model.rb on them gives these sections): a lone `!` (file.rb takes
// "" as the pattern, which normalises to `/**/**/*` and excludes every path of its section),
// roles after punctuation (reference_extractor.rb's ROLE_REGEXP: `(?<![\w@])@@role(?:\s|$)`), and
// section names that merge under Ruby's full case folding (`casecmp?`: `ß` is `ss`).
describe('gitlab files: cases the model was run on by hand', () => {
  const cases: Array<[string, string, Record<string, string[]>]> = [
    ['*.rb @a\n!\n', 'x.rb', {}],
    ['*.rb @a\n[S] @s\n*.rb\n! @b\n*.md\n', 'x.rb', { codeowners: ['@a'] }],
    ['*.rb @a\n[S] @s\n*.rb\n! @b\n*.md\n', 'docs/y.md', {}],
    ['[Docs] @d\n*.md\n[Ops]\n!\n*.md @o\n', 'r.md', { Docs: ['@d'] }],
    ['*.rb @a,@@developer\n', 'x.rb', { codeowners: ['@a', '@@developer'] }],
    ['*.rb (@@maintainers) @b\n', 'x.rb', { codeowners: ['@b'] }],
    ['*.rb x,@@Owners @c\n', 'x.rb', { codeowners: ['@c', '@@Owners'] }],
    ['[Straße]\n* @a\n[STRASSE]\n*.md @b\n', 'x.md', { Straße: ['@b'] }],
    ['[ﬁles] @f\n*.c\n[FILES]\n*.h @h\n', 'a.c', { ﬁles: ['@f'] }],
  ];
  for (const [text, file, want] of cases) {
    it(`${JSON.stringify(text)} ${file}`, () => {
      const m = compileMatcher(parseCodeowners(text, { flavor: 'gitlab' }));
      const ours = bySection((m.match(file).sections ?? []).map((s) => [s.section, s.owners]));
      assert.equal(ours, bySection(Object.entries(want)));
    });
  }
});
