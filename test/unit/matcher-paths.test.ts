// A path's spelling (`./a`, `/a`, `a//b`, `a/`) never changes its owner, whether the matcher
// has seen its directory before (the memo's fast path, matcher.ts) or not.
import * as assert from 'node:assert/strict';
import { compileMatcher } from '../../src/core/codeowners/matcher';
import { parseCodeowners } from '../../src/core/codeowners/parse';
import type { Flavor } from '../../src/core/codeowners/types';

const FILES: Record<Flavor, string> = {
  github: '* @all\n/src/ @src\nsrc/lib/*.ts @lib\n/docs/ @docs\n*.md @md\n/src/vendor/\n',
  bitbucket: '* @all\n/src/ @src\n*.md @md\n',
  gitlab: '* @all\n[Docs]\n/docs/ @docs\n[Src]\n/src/ @src\n!/src/vendor/\n',
};

const CANONICAL = ['README.md', 'src', 'src/a.ts', 'src/lib/x.ts', 'src/lib/deep/y.ts', 'src/vendor/z.c', 'docs/guide.md', 'other/file.txt', '.github/CODEOWNERS'];

function spellings(p: string): string[] {
  const cut = p.lastIndexOf('/');
  const doubled = cut < 0 ? [] : [`${p.slice(0, cut)}//${p.slice(cut + 1)}`, p.replace('/', '//')];
  return [`./${p}`, `/${p}`, `././${p}`, `//${p}`, `${p}/`, `${p}//`, ...doubled];
}

const summary = (r: ReturnType<ReturnType<typeof compileMatcher>['match']>) => ({ owners: r.owners, line: r.rule?.line ?? null, sections: r.sections?.map((s) => [s.section, s.owners]) });

describe('matcher: a path spelled another way has the same owner', () => {
  for (const flavor of ['github', 'bitbucket', 'gitlab'] as const) {
    const parsed = parseCodeowners(FILES[flavor], { flavor });
    const want = new Map(CANONICAL.map((p) => [p, summary(compileMatcher(parsed).match(p))]));

    it(`${flavor}: after the canonical paths (directories memoised)`, () => {
      const m = compileMatcher(parsed);
      for (const p of CANONICAL) m.match(p);
      for (const p of CANONICAL) for (const s of spellings(p)) assert.deepEqual(summary(m.match(s)), want.get(p), `${s} (for ${p})`);
    });

    it(`${flavor}: before them (a fresh matcher for each spelling, then the canonical path)`, () => {
      for (const p of CANONICAL) {
        for (const s of spellings(p)) {
          const m = compileMatcher(parsed);
          assert.deepEqual(summary(m.match(s)), want.get(p), `${s} (for ${p})`);
          assert.deepEqual(summary(m.match(p)), want.get(p), `${p} after ${s}`);
        }
      }
    });
  }

  it('the owners differ between the canonical paths (the cases test something)', () => {
    const m = compileMatcher(parseCodeowners(FILES.github, { flavor: 'github' }));
    assert.ok(new Set(CANONICAL.map((p) => JSON.stringify(summary(m.match(p))))).size >= 5);
  });
});
