// Adversarial patterns and paths stay linear. Measured by the engine's own work meter
// (elementary comparisons), not by the clock, so the test means the same on a loaded machine:
// a backtracking matcher would need 2^n steps on these inputs; we allow a small constant
// times (pattern length + path length).
import * as assert from 'node:assert/strict';
import { compileMatcher, parseCodeowners, resetWork, workSteps, type Flavor } from '../../src/core';

/**
 * The work of one lookup. `bytes` (GitHub's flavor) asks matchLines, the batch form, whose
 * byte-level walker checks the same patterns on the path's bytes (line-matcher.ts); paths
 * deeper than its 256 segments go to the string matcher, which the plain cases measure.
 */
function costOf(codeowners: string, path: string, flavor: Flavor, bytes = false): { steps: number; owners: string[] } {
  const matcher = compileMatcher(parseCodeowners(codeowners, { flavor }));
  // Built outright: for one path matchLines would not build the walker (it would not pay).
  if (bytes) assert.ok(matcher.lineMatcher());
  resetWork();
  if (!bytes) {
    const owners = matcher.match(path).owners;
    return { steps: workSteps(), owners };
  }
  const owners: string[][] = [];
  matcher.matchLines(new TextEncoder().encode(path), (_start, _end, r) => owners.push(r.owners));
  assert.equal(owners.length, 1);
  return { steps: workSteps(), owners: owners[0] };
}

const FLAVORS: Array<[Flavor, boolean]> = [
  ['github', false],
  ['gitlab', false],
  ['github', true],
];

describe('matching stays linear on adversarial input (counted work)', () => {
  for (const [flavor, bytes] of FLAVORS) {
    const cost = (codeowners: string, path: string, f: Flavor) => costOf(codeowners, path, f, bytes);
    const label = bytes ? `${flavor} (batch, on bytes)` : flavor;
    it(`${label}: *a*a*a…*b against a long run of a's`, () => {
      const pattern = `${'*a'.repeat(5000)}*b`;
      const path = 'a'.repeat(100_000);
      const { steps, owners } = cost(`${pattern} @x\n`, path, flavor);
      assert.deepEqual(owners, []);
      assert.ok(steps < 4 * (pattern.length + path.length), `${steps} steps`);
    });

    it(`${label}: **/**/**/… nested 2,000 deep against a 2,000-segment path`, () => {
      const pattern = `${'**/'.repeat(2000)}x`;
      const path = `${'d/'.repeat(2000)}y`;
      const { steps, owners } = cost(`${pattern} @x\n`, path, flavor);
      assert.deepEqual(owners, []);
      assert.ok(steps < 4 * (pattern.length + path.length), `${steps} steps`);
    });

    it(`${label}: the same within 250 segments (the batch walker's own depth)`, () => {
      for (const [pattern, path] of [
        [`${'**/'.repeat(200)}x`, `${'d/'.repeat(250)}y`],
        [`/${'a/**/'.repeat(80)}b`, `${'a/'.repeat(250)}c`],
      ]) {
        const { steps, owners } = cost(`${pattern} @x\n`, path, flavor);
        assert.deepEqual(owners, []);
        assert.ok(steps < 8 * (pattern.length + path.length), `${pattern.slice(0, 12)}…: ${steps} steps`);
      }
    });

    it(`${label}: alternating a/**/a/**/… blocks that almost match`, () => {
      const pattern = `/${'a/**/'.repeat(1000)}b`;
      const path = `${'a/'.repeat(3000)}c`;
      const { steps } = cost(`${pattern} @x\n`, path, flavor);
      assert.ok(steps < 8 * (pattern.length + path.length), `${steps} steps`);
    });

    // Emoji: matched a character, not a code unit, at a time.
    for (const c of ['a', '😀']) {
      it(`${label}: wildcard pieces (*?${c}?${c}?…?b*) over a long run of near-matches`, () => {
        const piece = `?${c}`.repeat(40);
        const pattern = `*${piece}?b*`;
        const path = `x${c}`.repeat(50_000);
        const { steps, owners } = cost(`${pattern} @x\n`, path, flavor);
        assert.deepEqual(owners, []);
        // One pass with ⌈82/31⌉ = 3 words of state per character, not 82 comparisons per start.
        assert.ok(steps < 6 * (pattern.length + path.length), `${steps} steps`);
        // And it does match where a character is there for each `?`.
        assert.deepEqual(cost(`${pattern} @x\n`, `${`x${c}`.repeat(40)}${c}b`, flavor).owners, ['@x']);
      });
    }

    it(`${label}: a 100,000-character pattern and path`, () => {
      const pattern = `/${'x'.repeat(50_000)}*${'y'.repeat(49_999)}`;
      const path = `${'x'.repeat(50_000)}${'z'.repeat(10)}${'y'.repeat(49_998)}`;
      const { steps, owners } = cost(`${pattern} @x\n`, path, flavor);
      assert.deepEqual(owners, []);
      assert.ok(steps < 4 * (pattern.length + path.length), `${steps} steps`);
    });
  }

  it('10,000 rules sharing a prefix: a lookup touches a handful of them', () => {
    let text = '';
    for (let i = 0; i < 10_000; i++) text += `/services/shared/prefix/component-${i}/ @team-${i}\n`;
    const matcher = compileMatcher(parseCodeowners(text, { flavor: 'github' }));
    resetWork();
    const r = matcher.match('services/shared/prefix/component-9876/src/main.ts');
    assert.deepEqual(r.owners, ['@team-9876']);
    assert.ok(workSteps() < 100, `${workSteps()} steps`);
  });

  it('10,000 floating glob rules sharing a prefix: work grows with the rules tried, not exponentially', () => {
    let text = '';
    for (let i = 0; i < 10_000; i++) text += `**/prefix*${i}*.ts @t${i}\n`;
    const matcher = compileMatcher(parseCodeowners(text, { flavor: 'github' }));
    resetWork();
    const r = matcher.match('a/b/prefix-77-x.ts');
    assert.deepEqual(r.owners, ['@t77']);
    // Every rule is a candidate by extension; each costs a few comparisons on a 13-char name.
    assert.ok(workSteps() < 10_000 * 40, `${workSteps()} steps`);
  });
});
