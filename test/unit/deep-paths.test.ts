// A path thousands of segments deep is answered, never a crash: no filesystem checks such a
// path out, but a repository's index can hold one (`git update-index --cacheinfo`), and `who`,
// `check`, `report` and the editor read repository content. The matcher's directory memo,
// the segments of a path and the analysis walk over the file tree are loops, not recursions.
import * as assert from 'node:assert/strict';
import { compileMatcher, parseCodeowners, type Flavor } from '../../src/core';
import { FileTree, OwnershipAnalyzer } from '../../src/core/analysis';

/** Deeper than a recursion per segment could go on Node's default stack (it ran out at about 4,500). */
const DEPTH = 8_000;
const deep = (prefix: string, leaf: string) => `${prefix}${'d/'.repeat(DEPTH)}${leaf}`;

// `/src/**/d/*.ts` needs every segment of the path (its rest is checked in full); `*.md` is an
// extension key; `/src/` a trie prefix; `/*/x*` is tried on every path (the segments again).
const TEXT: Record<Flavor, string> = {
  github: '* @all\n/src/ @src\n/src/**/d/*.ts @ts\n*.md @md\n/*/x* @x\n',
  bitbucket: '* @all\n/src/ @src\n/src/**/d/*.ts @ts\n*.md @md\n',
  gitlab: '* @all\n[Src]\n/src/ @src\n/src/**/d/*.ts @ts\n[Docs]\n*.md @md\n',
};

describe('deep paths: answered, not a stack overflow', function () {
  // A `**` pattern is checked on every directory of the chain, each check reading all of it.
  this.timeout(20_000);
  for (const flavor of ['github', 'bitbucket', 'gitlab'] as const) {
    const parsed = parseCodeowners(TEXT[flavor], { flavor });
    // GitLab's answer is the union of its sections': the default section's `*` is in each.
    const and = (...owners: string[]) => (flavor === 'gitlab' ? ['@all', ...owners] : owners);

    it(`${flavor}: match() on a file ${DEPTH.toLocaleString('en')} directories deep, and again once they are memoised`, () => {
      const m = compileMatcher(parsed);
      assert.deepEqual(m.match(deep('src/', 'a.ts')).owners, and('@ts'));
      assert.deepEqual(m.match(deep('src/', 'b.go')).owners, and('@src'));
      assert.deepEqual(m.match(deep('other/', 'b.go')).owners, ['@all']);
      assert.deepEqual(m.match(deep('other/', 'r.md')).owners, and('@md'));
    });

    it(`${flavor}: matchLines on the same paths as bytes (the batch form)`, () => {
      const m = compileMatcher(parsed);
      const lines = [deep('src/', 'a.ts'), deep('other/', 'b.go'), 'src/y.go'];
      const got: string[][] = [];
      m.matchLines(Buffer.from(lines.join('\n')), (_s, _e, r) => got.push(r.owners));
      assert.deepEqual(got, [and('@ts'), ['@all'], and('@src')]);
    });
  }

  it('the analysis of a tree with such a path (check, report and the editor run it) counts its rules', () => {
    const parsed = parseCodeowners(TEXT.github, { flavor: 'github' });
    const files = [deep('src/', 'a.ts'), deep('src/', 'b.go'), 'src/top.go', 'README.md'];
    const analysis = new OwnershipAnalyzer(FileTree.from(files)).analyze(parsed);
    const byLine = (line: number) => analysis.stats[parsed.rules.findIndex((r) => r.line === line)];
    assert.deepEqual(byLine(3), { matched: 1, won: 1 }, '/src/**/d/*.ts matches the deep .ts file');
    assert.deepEqual(byLine(2), { matched: 3, won: 2 }, '/src/ matches the three files below src');
    assert.deepEqual(byLine(4), { matched: 1, won: 1 }, '*.md matches README.md');
  });
});
