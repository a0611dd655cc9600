// Grouping staged changes into reminders, from plain data: the engine compiles a CODEOWNERS
// text, the file system is a fake, the staged changes are given.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ownershipFromText } from '../../src/core/codeowners/repository';
import type { FileSystem } from '../../src/core/fs';
import { resolveIdentity } from '../../src/core/identity/identity';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { commitExpectations, needsAttention, remindersFor, type ReminderContext } from '../../src/core/reminders/reminders';
import type { StagedChange } from '../../src/core/reminders/staged';
import { loadBundledRubric } from '../../src/core/rubric/bundledRubrics';
import { pathOwnership } from '../../src/core/situation/pathOwnership';

const ROOT = path.resolve('/repo');
const L4 = loadBundledRubric('l4');
const L6 = loadBundledRubric('l6');

const CONFIG = parseOwnershipConfig(
  `teams:
  "@acme/payments":
    name: Payments
    contact: "#payments-eng"
    practices: [Put money movement behind a feature flag.]
  "@acme/search":
    name: Search
    members: ["alice@acme.example"]
components:
  - name: Ledger
    paths: [services/payments/ledger/]
    contact: "ledger-oncall@acme.example"
    practices: [Reconcile before you merge.]
etiquette: ["Say hello in #eng-ownership first."]
`,
  '.github/ownership.yml',
).config;

const GITHUB = `* @acme/core
/services/payments/ @acme/payments
/services/search/ @acme/search
/vendor/
`;

/** Counts the file-system questions asked, to show they are asked once per place. */
function countingFs(files: string[]): FileSystem & { asked: Map<string, number> } {
  const abs = new Set(files.map((f) => path.join(ROOT, f)));
  const asked = new Map<string, number>();
  return {
    asked,
    kind: (p) => {
      asked.set(p, (asked.get(p) ?? 0) + 1);
      return abs.has(p) ? 'file' : null;
    },
    size: () => 1,
    readFile: () => Buffer.from('x'),
    realpath: (p) => p,
  };
}

function context(codeowners: string | null, options: { fs?: FileSystem; flavor?: 'github' | 'gitlab'; explicit?: string[] } = {}): ReminderContext {
  const repo = codeowners === null ? null : ownershipFromText(ROOT, '.github/CODEOWNERS', codeowners, options.flavor ?? 'github');
  return {
    root: ROOT,
    fs: options.fs ?? countingFs([]),
    me: resolveIdentity({ explicit: options.explicit ?? [], git: { email: 'alice@acme.example' }, config: CONFIG }),
    config: CONFIG,
    rubric: L4,
    ownership: (p) => (repo ? pathOwnership(repo, p) : { hasMap: false, owners: [], rule: null }),
  };
}

const change = (status: StagedChange['status'], p: string, from?: string): StagedChange => ({ status, path: p, ...(from !== undefined ? { from } : {}) });

describe('reminders: grouping staged changes by owner', () => {
  it('groups by owners and situation, upstream first, then unowned, then mine', () => {
    const r = remindersFor(
      [change('modified', 'services/search/index.py'), change('added', 'vendor/lib.c'), change('modified', 'services/payments/api/charge.py'), change('deleted', 'README.md')],
      context(GITHUB),
    );
    assert.deepEqual(
      r.groups.map((g) => [g.key, g.situation, g.owners, g.files.map((f) => `${f.status} ${f.path}`)]),
      [
        ['upstream:@acme/core', 'upstream', ['@acme/core'], ['deleted README.md']],
        ['upstream:@acme/payments', 'upstream', ['@acme/payments'], ['modified services/payments/api/charge.py']],
        ['unowned', 'unowned', [], ['added vendor/lib.c']],
        ['mine:@acme/search', 'mine', ['@acme/search'], ['modified services/search/index.py']],
      ],
    );
    assert.deepEqual(r.counts, { upstream: 2, unowned: 1, mine: 1, 'no-map': 0 });
    assert.equal(r.advice, L4.advice.commit);
    assert.ok(needsAttention(r));
  });

  it('a rename across owners counts for both: the old owners see where it went, the new where it came from', () => {
    const r = remindersFor([change('renamed', 'services/search/charge.py', 'services/payments/charge.py')], context(GITHUB));
    const payments = r.groups.find((g) => g.key === 'upstream:@acme/payments');
    const search = r.groups.find((g) => g.key === 'mine:@acme/search');
    assert.deepEqual(payments?.files, [
      { path: 'services/payments/charge.py', status: 'renamed', to: 'services/search/charge.py', rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/services/payments/' } },
    ]);
    assert.deepEqual(search?.files, [
      { path: 'services/search/charge.py', status: 'renamed', from: 'services/payments/charge.py', rule: { file: '.github/CODEOWNERS', line: 3, pattern: '/services/search/' } },
    ]);
    assert.deepEqual(r.counts, { upstream: 1, unowned: 0, mine: 1, 'no-map': 0 });
    // Moving my file out of their component still needs them: strict mode stops it.
    assert.ok(needsAttention(r));
  });

  it('a rename within one group is listed once, from its new path; a copy counts only where it lands', () => {
    const r = remindersFor(
      [change('renamed', 'services/payments/b.py', 'services/payments/a.py'), change('copied', 'services/search/copy.py', 'services/payments/c.py')],
      context(GITHUB),
    );
    assert.deepEqual(
      r.groups.map((g) => [g.key, g.files.map((f) => [f.path, f.from ?? null, f.to ?? null])]),
      [
        ['upstream:@acme/payments', [['services/payments/b.py', 'services/payments/a.py', null]]],
        ['mine:@acme/search', [['services/search/copy.py', 'services/payments/c.py', null]]],
      ],
    );
  });

  it('a deleted file still has owners, and a rename into an unowned folder puts the new path in the unowned group', () => {
    const r = remindersFor([change('deleted', 'services/payments/old.py'), change('renamed', 'vendor/x.py', 'services/search/x.py')], context(GITHUB));
    assert.deepEqual(
      r.groups.map((g) => [g.key, g.files.map((f) => f.path)]),
      [
        ['upstream:@acme/payments', ['services/payments/old.py']],
        ['unowned', ['vendor/x.py']],
        ['mine:@acme/search', ['services/search/x.py']],
      ],
    );
  });

  it('gathers each group\'s practices, contacts and etiquette, teams and components alike', () => {
    const fs = countingFs(['services/payments/CONTRIBUTING.md']);
    const r = remindersFor([change('modified', 'services/payments/api/charge.py'), change('modified', 'services/payments/ledger/book.py')], context(GITHUB, { fs }));
    const [g] = r.groups;
    assert.equal(r.groups.length, 1);
    assert.deepEqual(g.teams.map((t) => t.name), ['Payments']);
    assert.deepEqual(g.practices, ['Put money movement behind a feature flag.', 'Reconcile before you merge.']);
    assert.deepEqual(g.contacts, [
      { name: 'Payments', contact: '#payments-eng' },
      { name: 'Ledger', contact: 'ledger-oncall@acme.example' },
    ]);
    assert.deepEqual(g.contributing, ['services/payments/CONTRIBUTING.md']);
    assert.deepEqual(g.etiquette, [...L4.etiquette, 'Say hello in #eng-ownership first.']);
    assert.deepEqual(g.expectations.map((e) => e.id), ['fix-upstream-the-owners-way']);
    assert.equal(g.advice, L4.advice.upstream);
  });

  it('asks the file system about each place once, however many files share it', () => {
    const fs = countingFs([]);
    const changes = Array.from({ length: 50 }, (_, i) => change('added', `services/payments/api/f${i}.py`));
    remindersFor(changes, context(GITHUB, { fs }));
    const repeated = [...fs.asked].filter(([p, n]) => n > 1 && !p.endsWith('.py'));
    assert.deepEqual(repeated, []);
  });

  it('mine: says as which owner, and gives the rubric\'s commit expectations for my own code', () => {
    const r = remindersFor([change('modified', 'services/search/index.py')], context(GITHUB));
    const [g] = r.groups;
    assert.equal(g.mineAs, '@acme/search');
    assert.deepEqual(g.etiquette, []);
    assert.deepEqual(g.expectations.map((e) => e.id), ['simplify-complex-components', 'manage-debt-deliberately']);
    assert.ok(!needsAttention(r));
  });

  it('unowned files get one group with the unowned guidance, whatever rule matched them', () => {
    const r = remindersFor([change('added', 'vendor/a.c'), change('added', 'vendor/sub/b.c')], context('/vendor/\n/docs/ @docs\n'));
    assert.deepEqual(r.groups.map((g) => [g.key, g.files.length, g.advice]), [['unowned', 2, L4.advice.unowned]]);
    assert.deepEqual(r.groups[0].expectations.map((e) => e.id), ['own-failures', 'contribute-beyond-your-component']);
  });

  it('no CODEOWNERS: one no-map group, nothing to enforce', () => {
    const r = remindersFor([change('added', 'a.txt'), change('modified', 'b/c.txt')], context(null));
    assert.deepEqual(r.groups.map((g) => [g.key, g.situation, g.files.length]), [['no-map', 'no-map', 2]]);
    assert.ok(!needsAttention(r));
  });

  it('GitLab sections: the owners of every matching section together decide the group', () => {
    const gitlab = `[Code]\n* @acme/core\n[Docs]\n*.md @acme/docs\n`;
    const r = remindersFor([change('modified', 'guide.md'), change('modified', 'main.c'), change('added', 'other.md')], context(gitlab, { flavor: 'gitlab' }));
    assert.deepEqual(
      r.groups.map((g) => [g.key, g.owners, g.files.map((f) => f.path)]),
      [
        ['upstream:@acme/core', ['@acme/core'], ['main.c']],
        ['upstream:@acme/core @acme/docs', ['@acme/core', '@acme/docs'], ['guide.md', 'other.md']],
      ],
    );
    // One of several owners being me makes it mine.
    const mine = remindersFor([change('modified', 'guide.md')], context(gitlab, { flavor: 'gitlab', explicit: ['@acme/docs'] }));
    assert.deepEqual(mine.groups.map((g) => [g.situation, g.mineAs]), [['mine', '@acme/docs']]);
  });

  it('nothing staged, no groups', () => {
    const r = remindersFor([], context(GITHUB));
    assert.deepEqual(r.groups, []);
    assert.ok(!needsAttention(r));
  });
});

describe('reminders: the rubric at commit time', () => {
  it('L4: the expectations tagged both commit and the situation', () => {
    assert.deepEqual(commitExpectations(L4, 'upstream').map((e) => e.id), ['fix-upstream-the-owners-way']);
    assert.deepEqual(commitExpectations(L4, 'mine').map((e) => e.id), ['simplify-complex-components', 'manage-debt-deliberately']);
  });
  it('a rubric with none for the situation gives the situation\'s own; no-map reads as unowned', () => {
    assert.deepEqual(commitExpectations(L6, 'upstream').map((e) => e.id), ['enable-do-not-take-over']);
    assert.deepEqual(commitExpectations(L6, 'mine').map((e) => e.id), L6.expectations.filter((e) => e.situations.includes('mine')).map((e) => e.id));
    assert.deepEqual(commitExpectations(L4, 'no-map'), commitExpectations(L4, 'unowned'));
  });
});
