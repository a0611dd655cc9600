// Differential testing: on random patterns and paths, the fast matcher (index, memo, greedy
// globs) must agree with the slow regex reference (test/support/reference-matcher.ts), for
// both flavors, whole files at a time so that priorities, sections and exclusions are covered.
// Seeded: a failure prints the seed and the shrunk counterexample, and reruns the same.
// `npm run fuzz` scales the number of cases (FUZZ_SCALE) and can change the seed (FUZZ_SEED).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileMatcher, parseCodeowners } from '../../src/core';
import { referenceGithub, referenceGitlab, type ReferenceRule } from '../support/reference-matcher';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = Math.max(1, Math.round(3000 * SCALE));

// An emoji is one character to the hosts and two code units to JavaScript: `?` must take it whole.
const SEGMENT_WORDS = ['a', 'b', 'ab', 'ba', '.a', 'a.b', 'x', '😀', 'a😀', '😀.b'];
const segmentPattern = (classes: boolean) =>
  fc.oneof(
    fc.constantFrom(...SEGMENT_WORDS),
    fc.constantFrom('*', '**', '?', 'a*', '*b', '*.b', 'a?', '*a*', 'a**b', '\\*', '*a?*', '*?a*b?*', '?*?'),
    ...(classes ? [fc.constantFrom('[ab]', '[!a]*', '[a-b]?', '*[ab]?*', '*?[!b]*', '[😀b]', '*[!😀]', '[a-😀]?')] : []),
  );

const pattern = (classes: boolean) =>
  fc
    .tuple(fc.boolean(), fc.array(segmentPattern(classes), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([lead, segs, trail]) => `${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`);

const path = fc.array(fc.constantFrom(...SEGMENT_WORDS), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
const owner = fc.constantFrom('@o1', '@o2', '@org/t3', 'e@x.io', '');

describe('differential: fast matcher vs reference on random files', () => {
  it('GitHub: last matching rule wins', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pattern(false), owner), { minLength: 1, maxLength: 8 }), fc.array(path, { minLength: 1, maxLength: 8 }), (rules, paths) => {
        const text = rules.map(([p, o]) => `${p} ${o}`.trimEnd()).join('\n');
        const parsed = parseCodeowners(text, { flavor: 'github' });
        const applied: ReferenceRule[] = parsed.rules.filter((r) => r.applied).map((r) => ({ pattern: r.pattern, owners: r.owners.map((o) => o.text) }));
        const ref = referenceGithub(applied);
        const m = compileMatcher(parsed);
        for (const p of paths) assert.deepEqual(m.match(p).owners, ref(p) ?? [], `${JSON.stringify(text)} ${p}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('GitLab: sections, default owners, exclusions, repeated patterns', () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(pattern(true), owner).map(([p, o]) => `${p} ${o}`.trimEnd()) },
      { weight: 1, arbitrary: pattern(true).map((p) => `!${p}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('S', 's', 'T'), owner).map(([n, o]) => `[${n}] ${o}`.trimEnd()) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.array(path, { minLength: 1, maxLength: 8 }), (lines, paths) => {
        const text = lines.join('\n');
        const parsed = parseCodeowners(text, { flavor: 'gitlab' });
        const applied: ReferenceRule[] = parsed.rules
          .filter((r) => r.applied)
          .map((r) => ({ pattern: r.exclusion ? r.pattern.slice(1) : r.pattern, owners: r.owners.map((o) => o.text), section: r.section, exclusion: r.exclusion }));
        const ref = referenceGitlab(applied);
        const m = compileMatcher(parsed);
        for (const p of paths) {
          const bySection: Record<string, string[]> = {};
          for (const s of m.match(p).sections ?? []) bySection[s.section] = s.owners;
          assert.deepEqual(bySection, ref(p), `${JSON.stringify(text)} ${p}`);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
