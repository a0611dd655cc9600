// Situations (mine, upstream, unowned, no-map) and the guidance built on them, from plain
// data: the engine's answer is given, not computed.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FileSystem } from '../../src/core/fs';
import { resolveIdentity } from '../../src/core/identity/identity';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { loadBundledRubric } from '../../src/core/rubric/bundledRubrics';
import { examplesFor, expectationsByRelevance } from '../../src/core/rubric/relevance';
import type { Rubric } from '../../src/core/rubric/types';
import { guidanceFor, type GuidanceContext, type PathOwnership } from '../../src/core/situation/guidance';
import { situationOf } from '../../src/core/situation/situation';

const ROOT = path.resolve('/repo');

/** A read-only tree of files (repository-relative paths) under ROOT. */
function fakeFs(files: string[]): FileSystem {
  const abs = new Set(files.map((f) => path.join(ROOT, f)));
  const dirs = new Set<string>();
  for (const f of abs) for (let d = path.dirname(f); d.length >= ROOT.length; d = path.dirname(d)) dirs.add(d);
  return {
    kind: (p) => (abs.has(p) ? 'file' : dirs.has(p) ? 'directory' : null),
    size: () => 1,
    readFile: () => Buffer.from('x'),
    realpath: (p) => p,
  };
}

const CONFIG = parseOwnershipConfig(
  `teams:
  "@acme/payments":
    name: Payments
    members: ["@alice"]
    contact: "#payments-eng"
    practices: [Ship every change to money movement behind a feature flag.]
  "@acme/platform":
    name: Platform
    practices: [Ship every change to money movement behind a feature flag., Pin every dependency.]
components:
  - name: Payments API
    paths: ["services/payments/api/**"]
    practices: [Run the contract tests before asking for review.]
etiquette:
  - Talk to the owning team before a large change.
  - Keep the change small and covered by tests.
`,
  '.github/ownership.yml',
).config;

const rule = (pattern: string, line = 1) => ({ file: '.github/CODEOWNERS', line, pattern });

describe('situation of a file', () => {
  const me = resolveIdentity({ explicit: ['@alice'], git: { email: 'Alice@Acme.Example' }, config: CONFIG });

  it('mine: I am among the owners, directly', () => assert.equal(situationOf(true, ['@bob', '@ALICE'], me), 'mine'));
  it('mine: through my email, in any case', () => assert.equal(situationOf(true, ['alice@acme.example'], me), 'mine'));
  it('mine: through a team I am a member of', () => assert.equal(situationOf(true, ['@acme/payments'], me), 'mine'));
  it('upstream: others own it', () => assert.equal(situationOf(true, ['@acme/platform', '@bob'], me), 'upstream'));
  it('unowned: no rule, or a rule with no owners', () => assert.equal(situationOf(true, [], me), 'unowned'));
  it('no-map: the repository has no CODEOWNERS', () => assert.equal(situationOf(false, [], me), 'no-map'));
  it('no-map wins even if owners were passed', () => assert.equal(situationOf(false, ['@alice'], me), 'no-map'));
  it('with no identity at all, owned files are upstream', () => assert.equal(situationOf(true, ['@alice'], resolveIdentity({})), 'upstream'));
});

describe('guidance for a path', () => {
  let l4: Rubric;
  let ctx: GuidanceContext;
  before(() => {
    l4 = loadBundledRubric('l4');
    ctx = {
      root: ROOT,
      fs: fakeFs(['CONTRIBUTING.md', 'services/payments/CONTRIBUTING.md', 'services/payments/api/charge.py', 'services/search/index.py']),
      me: resolveIdentity({ explicit: ['@alice'], config: CONFIG }),
      config: CONFIG,
      rubric: l4,
    };
  });
  const owned = (owners: string[], pattern: string | null): PathOwnership => ({ hasMap: true, owners, rule: pattern === null ? null : rule(pattern) });

  it('mine: says which owner is me and why, with team and component practices, no etiquette', () => {
    const g = guidanceFor('services/payments/api/charge.py', owned(['@acme/payments'], '/services/payments/'), ctx);
    assert.equal(g.situation, 'mine');
    assert.deepEqual(g.mineAs, { owner: '@acme/payments', why: { handle: '@acme/payments', via: 'team', from: '@alice' } });
    assert.deepEqual(g.teams.map((t) => t.name), ['Payments']);
    assert.deepEqual(g.practices, ['Ship every change to money movement behind a feature flag.', 'Run the contract tests before asking for review.']);
    assert.deepEqual(g.etiquette, []);
    assert.equal(g.contributing, 'services/payments/CONTRIBUTING.md');
    assert.equal(g.advice, l4.advice.mine);
  });

  it('upstream: the owners\' practices (without repeats) and the rubric etiquette extended by the repository\'s', () => {
    const g = guidanceFor('services/payments/ledger.py', owned(['@acme/platform', '@acme/payments-ops'], '/services/'), { ...ctx, me: resolveIdentity({ explicit: ['@bob'] }) });
    assert.equal(g.situation, 'upstream');
    assert.equal(g.mineAs, undefined);
    assert.deepEqual(g.practices, ['Ship every change to money movement behind a feature flag.', 'Pin every dependency.']);
    assert.deepEqual(g.etiquette, [...l4.etiquette, 'Talk to the owning team before a large change.']);
    assert.ok(l4.etiquette.includes('Keep the change small and covered by tests.'), 'the repeated line comes from the rubric');
    // The rule names services/ as the component: its guide is searched up to there, not the root.
    assert.equal(g.contributing, 'services/payments/CONTRIBUTING.md');
    assert.equal(g.expectations[0].id, 'fix-upstream-the-owners-way');
  });

  it('upstream with no guide inside the component: the repository guide is not claimed for it', () => {
    const g = guidanceFor('services/search/index.py', owned(['@bob'], '/services/search/'), ctx);
    assert.equal(g.contributing, null);
  });

  it("a narrower ownership.yml component does not hide the owner's guide above it", () => {
    const g = guidanceFor('services/payments/api/charge.py', owned(['@acme/payments'], '/services/payments/'), ctx);
    assert.deepEqual(g.components.map((c) => c.root), ['services/payments/api']);
    assert.equal(g.contributing, 'services/payments/CONTRIBUTING.md');
  });

  it('unowned by a rule without owners: failures and proposing an owner come first', () => {
    const g = guidanceFor('docs/guide.md', owned([], '/docs/'), ctx);
    assert.equal(g.situation, 'unowned');
    assert.deepEqual(g.etiquette, []);
    assert.equal(g.expectations[0].id, 'own-failures');
    assert.ok(g.expectations[0].ask.some((a) => a.includes('CODEOWNERS')));
  });

  it('unowned by no rule: the component is the whole repository, so the root guide applies', () => {
    const g = guidanceFor('services/search/index.py', owned([], null), ctx);
    assert.equal(g.situation, 'unowned');
    assert.equal(g.contributing, 'CONTRIBUTING.md');
  });

  it('no-map: ordered as for unowned code, with the no-map advice', () => {
    const g = guidanceFor('services/search/index.py', { hasMap: false, owners: [], rule: null }, ctx);
    assert.equal(g.situation, 'no-map');
    assert.deepEqual(g.expectations.map((e) => e.id), expectationsByRelevance(l4, 'unowned').map((e) => e.id));
    assert.equal(g.advice, l4.advice['no-map']);
  });

  it('always lists the whole rubric, those relevant to the situation first, in rubric order', () => {
    for (const situation of ['mine', 'upstream', 'unowned', 'commit'] as const) {
      const ordered = expectationsByRelevance(l4, situation);
      assert.equal(ordered.length, l4.expectations.length);
      const n = ordered.filter((e) => e.situations.includes(situation)).length;
      assert.ok(n > 0, situation);
      assert.ok(ordered.slice(0, n).every((e) => e.situations.includes(situation)), situation);
      assert.ok(ordered.slice(n).every((e) => !e.situations.includes(situation)), situation);
      const rubricOrder = (ids: string[]) => ids.map((id) => l4.expectations.findIndex((e) => e.id === id));
      const head = rubricOrder(ordered.slice(0, n).map((e) => e.id));
      assert.deepEqual(head, [...head].sort((a, b) => a - b), `${situation}: relevant ones keep the rubric's order`);
    }
  });

  it('relevantCount counts the expectations tagged for the situation', () => {
    const g = guidanceFor('docs/guide.md', owned([], '/docs/'), ctx);
    assert.equal(g.relevantCount, l4.expectations.filter((e) => e.situations.includes('unowned')).length);
  });

  it('examples of an expectation come with the ones for the situation first', () => {
    const all = examplesFor(l4, 'own-failures');
    assert.ok(all.length >= 3);
    const forUnowned = examplesFor(l4, 'own-failures', 'unowned');
    assert.deepEqual([...forUnowned].sort((a, b) => a.id.localeCompare(b.id)), [...all].sort((a, b) => a.id.localeCompare(b.id)));
    assert.ok(forUnowned[0].situations.includes('unowned'));
  });
});
