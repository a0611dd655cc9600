// Which tokens count as owners. Emails are the loosest kind, so they get their own table:
// addresses real CODEOWNERS files use are accepted, and tokens built to look like something
// else (a Markdown link, reordered or invisible text, a huge string) are invalid owners.
import assert from 'node:assert/strict';
import { parseCodeowners } from '../../src/core';
import { bitbucketSelection, classifyOwner, describeSelection, runTogetherOwners, sameOwner } from '../../src/core/codeowners/owners';

const ACCEPTED = [
  'dev@example.com',
  'alin.jerpelea@sony.com',
  '59230071+hartmannathan@users.noreply.github.com',
  'first_last@sub.example.co.uk',
  'a-b@x-y.io',
  'ops+alerts@example.org',
  'UPPER.Case@Example.COM',
  // RFC 5322 atext, and a real surname: escaped wherever it is shown, like any text.
  "o'neil@x.io",
];

const REJECTED = [
  '[x](command:workbench.action.quit)@x.io',
  '[click](https://evil.example)@x.io',
  'a(b)@x.io',
  'a<b>@x.io',
  'a"b"@x.io',
  'a:b@x.io',
  'ad\u202emin@x.io',
  'admin@x\u202e.io',
  'ad\u200bmin@x.io',
  'ad\u2066min\u2069@x.io',
  'a\u0000b@x.io',
  'a\u001b[31mb@x.io',
  'a\u00a0b@x.io',
  'jos\u00e9@x.io',
  '.a@x.io',
  'a.@x.io',
  'a@x',
  'a@x.',
  'a@.x.io',
  'a@x..io',
  'a@-x.io',
  'a@x.123',
  'a@b@x.io',
  `${'a'.repeat(65)}@x.io`,
  `a@${'b'.repeat(250)}.io`,
  `a@${'x'.repeat(64)}.io`,
];

describe('owners: email addresses', () => {
  for (const flavor of ['github', 'gitlab', 'bitbucket'] as const) {
    it(`${flavor}: real-world addresses are email owners`, () => {
      for (const email of ACCEPTED) assert.equal(classifyOwner(email, flavor), 'email', email);
    });
    it(`${flavor}: links, brackets, control, bidi and zero-width characters, malformed and oversized addresses are not owners`, () => {
      for (const token of REJECTED) assert.equal(classifyOwner(token, flavor), null, JSON.stringify(token));
    });
  }
  it('a hostile address is an invalid-owner diagnostic at its column, and the rule keeps its valid owners', () => {
    const text = '/src/ @team [x](command:workbench.action.quit)@x.io ok@x.io\n';
    const gh = parseCodeowners(text, { flavor: 'github' });
    assert.deepEqual(gh.rules[0].owners.map((o) => o.text), ['@team', 'ok@x.io']);
    const d = gh.diagnostics.find((x) => x.code === 'invalid-owner');
    assert.deepEqual([d?.line, d?.column], [1, 13]);
    // GitLab scans the text for references: it reads `@x.io` (after the ")") as a user, and
    // nothing of the link; the word is flagged where it starts.
    const gl = parseCodeowners(text, { flavor: 'gitlab' });
    assert.deepEqual(gl.rules[0].owners.map((o) => o.text), ['@team', '@x.io', 'ok@x.io']);
    const w = gl.diagnostics.find((x) => x.code === 'owner-read-as');
    assert.deepEqual([w?.line, w?.column, w?.message], [1, 13, 'GitLab reads "[x](command:workbench.action.quit)@x.io" as @x.io.']);
  });
});

describe('owners: written together, and repeated', () => {
  it('reads a token as owners written without spaces only when every piece is an owner', () => {
    const cases: Array<[string, string[] | null]> = [
      ['@ChrisCoxArt@colourbill-ctrl', ['@ChrisCoxArt', '@colourbill-ctrl']],
      ['@a,@b', ['@a', '@b']],
      ['@a;@b,,@c', ['@a', '@b', '@c']],
      ['@a@b@c', ['@a', '@b', '@c']],
      ['@org/team@bob', ['@org/team', '@bob']],
      // The fewest cuts: the address stays whole.
      ['alice@example.com@bob', ['alice@example.com', '@bob']],
      ['@bob,alice@example.com', ['@bob', 'alice@example.com']],
      ['@a', null],
      ['@a,', null],
      ['@a@', null],
      ['@a@@b', null],
      ['@a,nothing', null],
      ['[x](command:workbench.action.quit)@x.io', null],
      [`${'@a'.repeat(9)}`, null],
      [`@${'a'.repeat(300)}@${'b'.repeat(300)}`, null],
    ];
    for (const [token, owners] of cases) assert.deepEqual(runTogetherOwners(token, 'github'), owners, token);
    // GitLab roles are one owner each, their two "@" never cut.
    assert.deepEqual(runTogetherOwners('@@developer@a', 'gitlab'), ['@@developer', '@a']);
  });

  it('compares owners without regard to case, letters only', () => {
    assert.equal(sameOwner('@Dwtza', '@dwtza'), true);
    assert.equal(sameOwner('David.Sidrane@NscDg.com', 'david.sidrane@nscdg.com'), true);
    assert.equal(sameOwner('@acme/fx-team', '@acme/db-team'), false);
    // Characters 0x20 apart that are no letters are different characters.
    assert.equal(sameOwner('@a@b.io', '@a`b.io'), false);
    assert.equal(sameOwner('@a[b', '@a{b'), false);
    assert.equal(sameOwner('@a', '@ab'), false);
    // Beyond ASCII, the Unicode case mapping.
    assert.equal(sameOwner('@ÉLODIE', '@élodie'), true);
    assert.equal(sameOwner('@élodie', '@elodie'), false);
  });

  it('GitHub: owners written together are an invalid-owner error that names them, and the rule takes none of them', () => {
    const gh = parseCodeowners('/ci/ @dwtza @ChrisCoxArt@colourbill-ctrl @xsscx\n', { flavor: 'github' });
    assert.deepEqual(gh.rules[0].owners.map((o) => o.text), ['@dwtza', '@xsscx']);
    assert.deepEqual(gh.diagnostics.map((d) => [d.code, d.column, d.endColumn, d.message]), [
      ['invalid-owner', 13, 41, '"@ChrisCoxArt@colourbill-ctrl" is not a valid owner: it is 2 owners written together, and GitHub takes none of them; separate them with spaces ("@ChrisCoxArt @colourbill-ctrl").'],
    ]);
  });

  it('a repeated owner is a warning at the repeat; an exact repeat is left out, one in other case kept as written', () => {
    for (const flavor of ['github', 'bitbucket'] as const) {
      const p = parseCodeowners('/s/ @dwtza @colourbill-ctrl @colourbill-ctrl @Dwtza\n', { flavor });
      assert.deepEqual(p.rules[0].owners.map((o) => o.text), ['@dwtza', '@colourbill-ctrl', '@Dwtza'], flavor);
      const host = flavor === 'github' ? 'GitHub' : 'Bitbucket';
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity, d.column, d.endColumn, d.message]), [
        ['repeated-owner', 'warning', 29, 45, '"@colourbill-ctrl" is already an owner on this line; the repeat changes nothing.'],
        ['repeated-owner', 'warning', 46, 52, `"@Dwtza" is "@dwtza" again: ${host} reads names and addresses without regard to case.`],
      ], flavor);
    }
    // Bitbucket: the same group with two ways of picking reviewers.
    const bb = parseCodeowners('/s/ @ws/fe:all @ws/fe:random(2)\n', { flavor: 'bitbucket' });
    assert.deepEqual(bb.rules[0].owners.map((o) => [o.text, o.selection]), [['@ws/fe', 'all']]);
    assert.deepEqual(bb.diagnostics.map((d) => [d.code, d.column, d.endColumn, d.message]), [
      ['repeated-owner', 16, 32, '"@ws/fe:random(2)" names the group "@ws/fe" again, with another way of picking its reviewers (here: 2 at random; first: all members); only the first is kept: name the group once.'],
    ]);
    // ... named plainly first, then with a selection, or the other way round in other case.
    const plain = parseCodeowners('/s/ @ws/fe @ws/fe:least_busy\n/t/ @ws/fe:random(2) @WS/fe\n', { flavor: 'bitbucket' });
    assert.deepEqual(plain.rules.map((r) => r.owners.map((o) => [o.text, o.selection])), [[['@ws/fe', undefined]], [['@ws/fe', 'random(2)'], ['@WS/fe', undefined]]]);
    assert.deepEqual(plain.diagnostics.map((d) => [d.line, d.code, d.message]), [
      [1, 'repeated-owner', '"@ws/fe:least_busy" names the group "@ws/fe" again, with another way of picking its reviewers (here: the least busy; first: no selection); only the first is kept: name the group once.'],
      [2, 'repeated-owner', '"@WS/fe" names the group "@ws/fe" again, with another way of picking its reviewers (here: no selection; first: 2 at random); Bitbucket reads both as one group: name the group once.'],
    ]);
  });

  it('GitHub: a handle no GitHub account can have (a dot, a leading hyphen) is an impossible-handle warning, and stays an owner', () => {
    const text = '/a/ @john.doe @-bad @ok-name @old-name- @a--b @octocat_acme @_x @a.b/team @org/team.x jane.doe@x.io\n';
    const gh = parseCodeowners(text, { flavor: 'github' });
    assert.deepEqual(gh.rules[0].owners.map((o) => o.text), ['@john.doe', '@-bad', '@ok-name', '@old-name-', '@a--b', '@octocat_acme', '@_x', '@a.b/team', '@org/team.x', 'jane.doe@x.io']);
    const user = 'names no GitHub account: user names hold only letters, digits, hyphens and (for managed users) "_", and start with a letter or digit, so GitHub will request no review from it.';
    const org = 'names no GitHub account: organisation names hold only letters, digits and hyphens, and start with a letter or digit, so GitHub will request no review from it.';
    assert.deepEqual(gh.diagnostics.map((d) => [d.code, d.severity, text.slice(d.column - 1, d.endColumn! - 1), d.message]), [
      ['impossible-handle', 'warning', '@john.doe', `"@john.doe" ${user}`],
      ['impossible-handle', 'warning', '@-bad', `"@-bad" ${user}`],
      ['impossible-handle', 'warning', '@_x', `"@_x" ${user}`],
      ['impossible-handle', 'warning', '@a.b/team', `"@a.b/team" ${org}`],
    ]);
    // Other hosts' names may hold dots (GitLab's and Bitbucket's do).
    for (const flavor of ['gitlab', 'bitbucket'] as const) {
      assert.deepEqual(parseCodeowners(text, { flavor }).diagnostics.filter((d) => d.code === 'impossible-handle'), [], flavor);
    }
  });

  it('GitLab: a repeated owner is a warning, in a rule and in a section header, and the owners stay as GitLab lists them', () => {
    const gl = parseCodeowners('[S] @x @X\n/s/ @A @a @a @@developer @@Developer\n', { flavor: 'gitlab' });
    assert.deepEqual(gl.rules[0].owners.map((o) => o.text), ['@A', '@a', '@@developer', '@@Developer']);
    assert.deepEqual(gl.diagnostics.map((d) => [d.line, d.column, d.message]), [
      [1, 8, '"@X" is "@x" again: GitLab reads names and addresses without regard to case.'],
      [2, 8, '"@a" is "@A" again: GitLab reads names and addresses without regard to case.'],
      [2, 11, '"@a" is already an owner on this line; the repeat changes nothing.'],
      [2, 26, '"@@Developer" is "@@developer" again: GitLab reads names and addresses without regard to case.'],
    ]);
    // A word GitLab reads as several owners is its own warning (owner-read-as), not a repeat.
    assert.deepEqual(parseCodeowners('/s/ @a,@a\n', { flavor: 'gitlab' }).diagnostics.map((d) => d.code), ['owner-read-as']);
  });
});

describe('Bitbucket: the lines of the Code Owners for Bitbucket app', () => {
  it('are one warning each, as what they are, and skipped: no bogus owners, no duplicate patterns', () => {
    const text = ['CODEOWNERS.destination_branch_pattern master', 'CODEOWNERS.destination_branch_pattern release/*', '* @a', 'OverallCheck(2)', '  Check(@@Seniors >= 1)', '@@@Seniors @bob @carol', 'CODEOWNERS @b', ''].join('\n');
    const p = parseCodeowners(text, { flavor: 'bitbucket' });
    assert.deepEqual(p.rules.map((r) => [r.line, r.pattern]), [[3, '*'], [7, 'CODEOWNERS']]);
    assert.deepEqual(p.diagnostics.map((d) => [d.line, d.column, d.endColumn, d.code, d.severity]), [
      [1, 1, 38, 'bitbucket-app-syntax', 'warning'],
      [2, 1, 38, 'bitbucket-app-syntax', 'warning'],
      [4, 1, 16, 'bitbucket-app-syntax', 'warning'],
      [5, 3, 24, 'bitbucket-app-syntax', 'warning'],
      [6, 1, 11, 'bitbucket-app-syntax', 'warning'],
    ]);
    assert.equal(p.diagnostics[0].message, '"CODEOWNERS.destination_branch_pattern" is a setting of the Code Owners for Bitbucket app, which Bitbucket\'s own code owners do not read; this line is skipped.');
    assert.equal(p.diagnostics[3].message, '"Check(@@Seniors >= 1)" is a merge check of the Code Owners for Bitbucket app, which Bitbucket\'s own code owners do not read; this line is skipped.');
    // GitHub has no such app: the same lines are rules, with their errors.
    const gh = parseCodeowners(text, { flavor: 'github' });
    assert.ok(gh.rules.some((r) => r.pattern === 'CODEOWNERS.destination_branch_pattern'));
    assert.ok(!gh.diagnostics.some((d) => d.code === 'bitbucket-app-syntax'));
  });
});

describe('Bitbucket: how reviewers are picked from a group', () => {
  it('reads :random and :least_busy without a count as one (Atlassian\'s example: "same as random(1)"), and says so', () => {
    const cases: Array<[string, string | null, string | null]> = [
      ['@workspace-slug/py-owners:random', 'random', '1 at random'],
      ['@workspace-slug/py-owners:random(3)', 'random(3)', '3 at random'],
      ['@workspace-slug/py-owners:least_busy', 'least_busy', 'the least busy'],
      ['@workspace-slug/py-owners:least_busy(1)', 'least_busy(1)', 'the least busy'],
      ['@workspace-slug/py-owners:least_busy(3)', 'least_busy(3)', 'the 3 least busy'],
      ['@workspace-slug/py-owners:all', 'all', 'all members'],
      ['@workspace-slug/py-owners:random()', null, null],
      ['@workspace-slug/py-owners:random(0)', null, null],
      ['@workspace-slug/py-owners:busy', null, null],
      ['@alice:random', null, null],
    ];
    for (const [token, selection, said] of cases) {
      const picked = bitbucketSelection(token);
      assert.equal(picked?.selection ?? null, selection, token);
      if (picked) {
        assert.equal(picked.group, '@workspace-slug/py-owners');
        assert.equal(describeSelection(picked.selection), said, token);
      }
    }
    const p = parseCodeowners('*.py @workspace-slug/py-owners:random    # same as random(1)\n', { flavor: 'bitbucket' });
    assert.deepEqual(p.diagnostics, []);
    assert.deepEqual(p.rules[0].owners.map((o) => [o.text, o.selection]), [['@workspace-slug/py-owners', 'random']]);
  });
});
