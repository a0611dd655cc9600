// GitLab reads owners by scanning the owners text, not by splitting it into words (owners.ts,
// gitlabReferences): checked against Ruby's own engine running GitLab's expressions
// (test/fixtures/gitlab-references/), and through the parser on the cases GitLab's specs name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHeader } from '../../src/core/codeowners/gitlab-header';
import { gitlabEmails, gitlabReferences } from '../../src/core/codeowners/owners';
import { parseCodeowners } from '../../src/core/codeowners/parse';

interface Scan {
  text: string;
  names: string[];
  emails: string[];
  roles: string[];
}

const scans = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gitlab-references', 'ruby-scan.json'), 'utf8')) as Scan[];
const uniq = (xs: string[]): string[] => [...new Set(xs)];

describe('gitlab owner references: the scan matches Ruby running GitLab\'s expressions', () => {
  it('has the sample, most of it with something found', () => {
    assert.equal(scans.length, 1504);
    assert.ok(scans.filter((s) => s.names.length + s.emails.length + s.roles.length > 0).length >= 1300);
  });

  it('names (`@group/sub`, without a trailing `.`, `.git` or `.atom`), in order, each once', () => {
    for (const s of scans) {
      const names = uniq(gitlabReferences(s.text).filter((r) => r.kind === 'user' || r.kind === 'team').map((r) => r.text.slice(1)));
      assert.deepEqual(names, s.names, JSON.stringify(s.text));
    }
  });

  it('e-mail matches (before the check that an account could have the address)', () => {
    for (const s of scans) assert.deepEqual(uniq(gitlabEmails(s.text).map((e) => e.text)), s.emails, JSON.stringify(s.text));
  });

  it('roles: `@@developer`, `@@maintainer`, `@@owner`, a plural `s`, any case, as whole words', () => {
    for (const s of scans) {
      const roles = uniq(gitlabReferences(s.text).filter((r) => r.kind === 'role').map((r) => r.text.slice(2).toLowerCase().replace(/s$/, '')));
      assert.deepEqual(roles.sort(), [...s.roles].sort(), JSON.stringify(s.text));
    }
  });
});

interface HeaderCase {
  line: string;
  header: null | { optional: boolean; name: string; approvals: string | null; n: number; owners: string | null };
}

describe('gitlab section headers: readHeader matches Ruby running GitLab\'s HEADER_REGEX', () => {
  const headers = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gitlab-headers', 'ruby-headers.json'), 'utf8')) as HeaderCase[];

  it('has the sample, headers and not', () => {
    assert.equal(headers.length, 1200);
    assert.equal(headers.filter((h) => h.header !== null).length, 498);
  });

  it('reads the optional mark, name, approvals (and their count) and default owners as Ruby does', () => {
    for (const { line, header } of headers) {
      const h = readHeader(line);
      const ours = h ? { optional: h.optional, name: h.name, approvals: h.rawApprovals ?? null, n: h.approvals, owners: h.defaultOwners } : null;
      assert.deepEqual(ours, header ? { ...header, owners: header.owners ?? '' } : null, JSON.stringify(line));
    }
  });
});

describe('gitlab owner references: what the parser makes of them', () => {
  const ownersOf = (line: string): string[] => parseCodeowners(`${line}\n`, { flavor: 'gitlab' }).rules[0].owners.map((o) => o.text);
  const codes = (text: string): string[] => parseCodeowners(text, { flavor: 'gitlab' }).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

  const cases: Array<[string, string[]]> = [
    ['file @a,@b', ['@a', '@b']],
    ['file @user.', ['@user']],
    ['file (@alice)', ['@alice']],
    ['file @a#comment', ['@a']],
    ['file @group/nested-on/other-group.', ['@group/nested-on/other-group']],
    ['file @repo.git', ['@repo.gi']],
    ['file @a/b/', ['@a/b']],
    ['file user@gitlab.org.', ['user@gitlab.org']],
    ['file jane@localhost', ['jane@localhost']],
    ['file @@developers @@Owner @@nobody', ['@@developers', '@@Owner']],
    ['file @a @A @a', ['@a', '@A']],
    // `user@x.org` is an address, not the user `x.org`: an `@` after a word character starts no name.
    ['file user@x.org', ['user@x.org']],
    ['file a,@b', ['@b']],
  ];
  for (const [line, owners] of cases) {
    it(`${JSON.stringify(line)} -> ${owners.join(' ')}`, () => assert.deepEqual(ownersOf(line), owners));
  }

  it('a word read as something else is a warning at its column; a word with no owner in it is an error', () => {
    assert.deepEqual(codes('file @a,@b nothing @ok\n'), ['1:6 owner-read-as', '1:12 invalid-owner']);
    const d = parseCodeowners('file @a,@b\n', { flavor: 'gitlab' }).diagnostics[0];
    assert.equal(d.message, 'GitLab reads "@a,@b" as @a, @b.');
    // Each owner named once, however often the word repeats it.
    assert.equal(parseCodeowners('file @a,@a\n', { flavor: 'gitlab' }).diagnostics[0].message, 'GitLab reads "@a,@a" as @a.');
  });

  it('section headers read as GitLab reads them: default owners right after "]", spaces in the approvals', () => {
    const r = parseCodeowners('[Doc]@a\nx\n[Ops][ 2 ] @b\ny\n[Empty][] @c\nz\n', { flavor: 'gitlab' });
    assert.deepEqual(r.sections.map((s) => [s.name, s.approvals, s.defaultOwners.map((o) => o.text).join(' ')]), [
      ['codeowners', 0, ''],
      ['Doc', 0, '@a'],
      ['Ops', 2, '@b'],
      ['Empty', 0, '@c'],
    ]);
    assert.deepEqual(r.rules.map((x) => x.owners.map((o) => o.text).join(' ')), ['@a', '@b', '@c']);
    // GitLab reads the first two, and reports them as malformed (its stricter form).
    assert.deepEqual(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), ['1:1 invalid-section', '3:1 invalid-section', '5:1 invalid-approval-requirement']);
    assert.match(r.diagnostics[0].message, /put a space between "\]" and the default owners/);
    assert.match(r.diagnostics[1].message, /write the approvals as "\[2\]"/);
  });

  it('a line under a header that wrote only invalid default owners has no missing-owner error (GitLab hands the text on)', () => {
    const r = parseCodeowners('[Doc][2] @@dev\nREADME.md\n[Ops]\nops.md\n', { flavor: 'gitlab' });
    assert.deepEqual(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), ['1:10 invalid-section-owner', '4:1 missing-owner']);
    assert.deepEqual(r.rules[0].owners, []);
  });

  it('a header read only in part says where GitLab stops', () => {
    const r = parseCodeowners('[Doc] @a, @b\nx\n', { flavor: 'gitlab' });
    assert.deepEqual(r.rules[0].owners.map((o) => o.text), ['@a']);
    assert.deepEqual(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), ['1:9 invalid-section']);
  });

  it('`[codeowners]` first is the default section; `[CODEOWNERS]` after it is a section of its own', () => {
    const r = parseCodeowners('[codeowners]\na @x\n[CODEOWNERS]\nb @y\n[Docs]\nc @z\n[DOCS]\nd @w\n', { flavor: 'gitlab' });
    assert.deepEqual(r.sections.map((s) => s.name), ['codeowners', 'CODEOWNERS', 'Docs']);
    assert.deepEqual(r.rules.map((x) => x.section), ['codeowners', 'CODEOWNERS', 'Docs', 'Docs']);
  });
});
