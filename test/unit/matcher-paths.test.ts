// A path's spelling (`./a`, `/a`, `a//b`) never changes its owner, whether the matcher has seen
// its directory before (the memo's fast path, matcher.ts) or not. A trailing `/` does: it
// names a folder, owned as a new file directly in it would be.
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
  return [`./${p}`, `/${p}`, `././${p}`, `//${p}`, ...doubled];
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

  describe('a path ending in / names a folder: the owners of a new file directly in it', () => {
    // [folder, owners, deciding line]: `src/lib/*.ts` claims files by extension, not a new
    // file; `/src/vendor/` un-owns it.
    const github: Array<[string, string[], number | null]> = [
      ['src/', ['@src'], 2],
      ['src/lib/', ['@src'], 2],
      ['docs/', ['@docs'], 4],
      ['src/vendor/', [], 6],
      ['src/vendor/deep/', [], 6],
      ['other/', ['@all'], 1],
      // `*.md` has no slash: it matches a folder named so at any depth, and all below it.
      ['notes.md/', ['@md'], 5],
    ];
    for (const [folder, owners, line] of github) {
      it(`github: ${folder}`, () => {
        const m = compileMatcher(parseCodeowners(FILES.github, { flavor: 'github' }));
        for (const s of [folder, `./${folder}`, `/${folder}`, `${folder}/`, folder.replace('/', '//')]) {
          assert.deepEqual(summary(m.match(s)), { owners, line, sections: undefined }, s);
        }
        // The same when the folder's files were looked up first (its directory memoised).
        m.match(`${folder}x.md`);
        assert.deepEqual(summary(m.match(folder)), { owners, line, sections: undefined }, `${folder} after a file in it`);
      });
    }

    it('gitlab: a folder under an exclusion is excluded in that section only', () => {
      const m = compileMatcher(parseCodeowners(FILES.gitlab, { flavor: 'gitlab' }));
      assert.deepEqual(summary(m.match('src/vendor/')).owners, ['@all']);
      assert.deepEqual([...summary(m.match('src/')).owners].sort(), ['@all', '@src']);
    });

    it('the root (`/`, `./`) is no path: no owner', () => {
      const m = compileMatcher(parseCodeowners(FILES.github, { flavor: 'github' }));
      for (const s of ['/', './', '//']) assert.deepEqual(summary(m.match(s)), { owners: [], line: null, sections: undefined }, s);
    });
  });

  it('the owners differ between the canonical paths (the cases test something)', () => {
    const m = compileMatcher(parseCodeowners(FILES.github, { flavor: 'github' }));
    assert.ok(new Set(CANONICAL.map((p) => JSON.stringify(summary(m.match(p))))).size >= 5);
  });
});
