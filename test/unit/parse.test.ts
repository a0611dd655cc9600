// The parser: every diagnostic with its line, column and code; the file shapes real
// repositories have (CRLF, BOM, tabs, escaped spaces); GitLab sections; limits.
import * as assert from 'node:assert/strict';
import { compileMatcher, detectFlavor, detectFlavorEvidence, parseCodeowners, GITHUB_SIZE_LIMIT, type Diagnostic, type Flavor } from '../../src/core';

const parse = (text: string, flavor: Flavor = 'github') => parseCodeowners(text, { flavor });
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.code}`);
const owners = (text: string, p: string, flavor: Flavor = 'github') => compileMatcher(parse(text, flavor)).match(p).owners;

describe('parse: GitHub syntax', () => {
  it('reads rules with line, column, pattern and owners of each kind', () => {
    const r = parse('# comment\n\n  /src/ @org/team dev@example.com @user\n');
    assert.equal(r.rules.length, 1);
    const rule = r.rules[0];
    assert.deepEqual([rule.line, rule.column, rule.pattern], [3, 3, '/src/']);
    assert.deepEqual(rule.owners.map((o) => [o.text, o.kind, o.column]), [['@org/team', 'team', 9], ['dev@example.com', 'email', 19], ['@user', 'user', 35]]);
    assert.deepEqual(r.diagnostics, []);
  });
  it('treats a token starting with # as an inline comment', () => {
    assert.deepEqual(owners('*.js @a #comment @b\n', 'x.js'), ['@a']);
  });
  it('reports negation, escaped hash and brackets as errors and does not apply those rules', () => {
    const r = parse('* @all\n!foo @a\n\\#bar @b\n*.[ch] @c\n');
    assert.deepEqual(codes(r.diagnostics), ['2:1 unsupported-negation', '3:1 unsupported-escaped-hash', '4:1 unsupported-brackets']);
    assert.deepEqual(r.rules.map((x) => x.applied), [true, false, false, false]);
    const m = compileMatcher(r);
    assert.deepEqual(m.match('a.c').owners, ['@all']);
    assert.deepEqual(m.match('#bar').owners, ['@all']);
  });
  it('reports malformed owners with their column and keeps the valid ones', () => {
    const r = parse('src/ Lok @good junk@ @bad/team/deep\n');
    assert.deepEqual(codes(r.diagnostics), ['1:6 invalid-owner', '1:16 invalid-owner', '1:22 invalid-owner']);
    assert.deepEqual(r.rules[0].owners.map((o) => o.text), ['@good']);
  });
  it('handles CRLF, a BOM and tabs', () => {
    const r = parse('\uFEFF*\t@a\r\n/x/\t\t@b @c\r\n');
    assert.deepEqual(r.rules.map((x) => [x.line, x.column, x.pattern, x.owners.map((o) => o.text).join(',')]), [[1, 1, '*', '@a'], [2, 1, '/x/', '@b,@c']]);
    assert.deepEqual(r.diagnostics, []);
  });
  it('keeps escaped spaces inside the pattern', () => {
    const r = parse('my\\ dir/ @a\n');
    assert.equal(r.rules[0].pattern, 'my\\ dir/');
    assert.deepEqual(owners('my\\ dir/ @a\n', 'my dir/file'), ['@a']);
  });
  it('a rule without owners un-owns what it matches', () => {
    assert.deepEqual(owners('* @a\n/vendor/\n', 'vendor/x.c'), []);
    assert.equal(compileMatcher(parse('* @a\n/vendor/\n')).match('vendor/x.c').rule?.line, 2);
  });
  it('warns about a pattern that never matches and about a duplicate pattern', () => {
    const r = parse('/ @a\n*.md @a\n*.md @b\n');
    assert.deepEqual(codes(r.diagnostics), ['1:1 never-matches', '3:1 duplicate-pattern']);
    assert.match(r.diagnostics[1].message, /line 2/);
    assert.deepEqual(r.diagnostics[1].related, [{ line: 2, column: 1, endColumn: 5, message: 'the earlier rule with this pattern' }]);
  });
  it('warns that "***" is read as "*", which the hosts and tools do not agree on; the rule still applies so', () => {
    const r = parse('***/foo @a\nsrc/**/x @b\n');
    assert.deepEqual(codes(r.diagnostics), ['1:1 ambiguous-asterisks']);
    assert.equal(r.diagnostics[0].severity, 'warning');
    assert.equal(r.diagnostics[0].endColumn, 8);
    assert.deepEqual([owners('***/foo @a\n', 'x/foo'), owners('***/foo @a\n', 'x/y/foo')], [['@a'], []]);
  });
  it('an unescaped # anywhere starts a comment (with a warning when it touches the pattern)', () => {
    const r = parse('docs/#index.rst# @a\nlib/ @b#note @c\n');
    assert.deepEqual(codes(r.diagnostics), ['1:6 hash-in-pattern']);
    assert.deepEqual(r.rules.map((x) => [x.pattern, x.owners.map((o) => o.text).join(',')]), [['docs/', ''], ['lib/', '@b']]);
    assert.deepEqual(owners('docs/\\#index.rst @a\n', 'docs/#index.rst'), ['@a']);
  });
  it('reports a file over 3 MB and, like GitHub, applies none of it', () => {
    const line = '/some/long/path/to/a/component/ @org/team\n';
    const text = `* @a\n${line.repeat(Math.ceil(GITHUB_SIZE_LIMIT / line.length) + 1)}`;
    const r = parse(text);
    assert.equal(r.applied, false);
    assert.equal(r.diagnostics[0].code, 'file-too-large');
    assert.deepEqual(compileMatcher(r).match('README.md').owners, []);
  });
  it('reports binary content where its first NUL is, and applies none of it', () => {
    const r = parse('* @a\n\0\0\0');
    assert.equal(r.applied, false);
    assert.equal(r.diagnostics[0].code, 'binary-file');
    // The first NUL of a file whose lines would each be an error: one diagnostic, at the NUL.
    const noisy = parse('* @a\r\n!x @b\n[ab] @c\nfoo bar\0baz\n\0 @@@\n');
    assert.deepEqual(noisy.diagnostics.map((d) => [d.line, d.column, d.code]), [[4, 8, 'binary-file']]);
    assert.equal(noisy.rules.length, 0);
    assert.deepEqual(compileMatcher(noisy).match('foo').owners, []);
  });
  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['*', '/', '\\', '[', ']', '!', '#', '^', '@', ' ', '\t', '\n', '\r', 'a', '.', '?', '\u202e', '\uFEFF'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const n = Math.floor(rnd() * 60);
      for (let k = 0; k < n; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      for (const flavor of ['github', 'gitlab', 'bitbucket'] as const) {
        const r = parse(text, flavor);
        const m = compileMatcher(r);
        m.match('a/b.c');
        m.match('[/x');
        for (const d of r.diagnostics) assert.ok(d.line >= 1 && d.column >= 1);
      }
    }
  });
});

describe('parse: GitLab syntax', () => {
  it('reads sections with optional marker, approvals and default owners', () => {
    const r = parse('* @all\n[Docs][2] @docs @@maintainer\ndocs/\n^[DB] @db\nmodel/db/ @x\n', 'gitlab');
    assert.deepEqual(r.sections.map((s) => [s.name, s.optional, s.approvals, s.defaultOwners.map((o) => o.text).join(',')]), [
      ['codeowners', false, 0, ''],
      ['Docs', false, 2, '@docs,@@maintainer'],
      ['DB', true, 0, '@db'],
    ]);
    assert.deepEqual(r.rules.map((x) => [x.pattern, x.section, x.owners.map((o) => o.text).join(',')]), [
      ['*', 'codeowners', '@all'],
      ['docs/', 'Docs', '@docs,@@maintainer'],
      ['model/db/', 'DB', '@x'],
    ]);
    assert.deepEqual(r.diagnostics, []);
  });
  it('merges sections case-insensitively under the first spelling', () => {
    const r = parse('[Docs]\na @x\n[DOCS]\nb @y\n', 'gitlab');
    assert.deepEqual(r.sections.map((s) => s.name), ['codeowners', 'Docs']);
    assert.deepEqual(r.rules.map((x) => x.section), ['Docs', 'Docs']);
  });
  it('a GitLab pattern that repeats an earlier one once normalised names the earlier spelling', () => {
    const r = parse('* @a\n/**/* @b\n/doc/ @c\n!/doc/\n/doc/ @d\n', 'gitlab');
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.message.split(';')[0]]), [
      [2, 'duplicate-pattern', 'The pattern "/**/*" already appears on line 1 as "*"'],
      [4, 'duplicate-pattern', 'The pattern "!/doc/" already appears on line 3 as "/doc/"'],
      [5, 'duplicate-pattern', 'The pattern "/doc/" already appears on line 4 as "!/doc/"'],
    ]);
  });
  it('reports GitLab section errors', () => {
    const r = parse('[] @a\n^[Opt][2] @b\n[Broken @c\n', 'gitlab');
    assert.deepEqual(codes(r.diagnostics), ['1:1 missing-section-name', '2:1 invalid-approval-requirement', '3:1 invalid-section']);
    // GitLab skips a header without its "]" (it used to read it as a rule).
    assert.deepEqual(r.rules, []);
  });
  it('warns of an exclusion without a pattern (GitLab reads it as excluding everything) and reports section owners that are not owners', () => {
    const r = parse('! @a\n[S] not-an-owner\n', 'gitlab');
    assert.deepEqual(codes(r.diagnostics), ['1:1 empty-exclusion', '2:5 invalid-section-owner']);
    assert.equal(r.diagnostics[0].severity, 'warning');
    assert.match(r.diagnostics[0].message, /excludes every path from the section "codeowners"/);
    assert.equal(r.rules[0].applied, true);
    assert.equal(r.rules[0].exclusion, true);
  });
  it('GitLab: owners that are only Unicode white space are no owners, so the section default owners apply (Rails blank?), with a warning', () => {
    const text = '[S] @d\n/a/ \u00a0\n/c/ \u3000 \u2003\n/f/ \ufeff\n[T]\n/e/ \u00a0\n';
    const r = parse(text, 'gitlab');
    assert.deepEqual(r.rules.map((x) => [x.pattern, x.owners.map((o) => o.text)]), [['/a/', ['@d']], ['/c/', ['@d']], ['/f/', []], ['/e/', []]]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.column, d.endColumn, d.code]), [
      [2, 5, 6, 'invisible-owners'],
      [3, 5, 8, 'invisible-owners'],
      // U+FEFF is no white space to Rails: a malformed owner, as any other character.
      [4, 5, 6, 'invalid-owner'],
      [4, 1, undefined, 'invalid-owner-format'],
      [6, 5, 6, 'invisible-owners'],
      [6, 1, undefined, 'missing-owner'],
    ]);
    assert.equal(r.diagnostics[0].message, 'Only invisible space follows the pattern, which GitLab reads as no owners: this rule takes the default owners of its section "S".');
    assert.equal(r.diagnostics[4].message, 'Only invisible space follows the pattern, which GitLab reads as no owners.');
    assert.deepEqual(owners(text, 'a/x.c', 'gitlab'), ['@d']);
    assert.deepEqual(owners(text, 'c/x.c', 'gitlab'), ['@d']);
  });
  it('reports rules without any owner and malformed owners', () => {
    const r = parse('a\nb user_without_at @ok\nc nope\n', 'gitlab');
    assert.deepEqual(codes(r.diagnostics), ['1:1 missing-owner', '2:3 invalid-owner', '3:3 invalid-owner', '3:1 invalid-owner-format']);
  });
  it('accepts ! exclusions, [ ] classes and roles that GitHub rejects', () => {
    const text = '* @a\n!*.lock\n*.[ch] @@developers\n';
    const r = parse(text, 'gitlab');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(owners(text, 'x.lock', 'gitlab'), []);
    assert.deepEqual(owners(text, 'x.c', 'gitlab'), ['@@developers']);
  });
  it('owners after # still count on GitLab (no inline comments), with a warning', () => {
    const r = parse('*.js @a # cc @b\n', 'gitlab');
    assert.deepEqual(codes(r.diagnostics), ['1:9 gitlab-inline-comment', '1:11 invalid-owner']);
    assert.deepEqual(owners('*.js @a # cc @b\n', 'x.js', 'gitlab'), ['@a', '@b']);
  });
  it('a repeated pattern keeps its first position but takes the later owners', () => {
    const text = '*.md @a\nREADME.md @b\n*.md @c\n';
    assert.deepEqual(owners(text, 'README.md', 'gitlab'), ['@b']);
    assert.deepEqual(owners(text, 'x.md', 'gitlab'), ['@c']);
  });
});

describe('flavor detection', () => {
  it('detects GitLab by section headers or roles, GitHub otherwise', () => {
    assert.equal(detectFlavor('* @a\n[Docs]\ndocs/ @b\n'), 'gitlab');
    assert.equal(detectFlavor('^[Docs] @b\n'), 'gitlab');
    assert.equal(detectFlavor('/config/ @@maintainer\n'), 'gitlab');
    assert.equal(detectFlavor('* @a\n# [not a section]\n'), 'github');
    assert.equal(parseCodeowners('[S]\na @b\n', { flavor: 'auto' }).flavor, 'gitlab');
  });

  it('names the first line that made it GitLab, counting blank and comment lines (CRLF too)', () => {
    assert.deepEqual(detectFlavorEvidence('* @a\r\n\r\n# c\r\n  [Docs]\r\n/x @@developer\r\n'), { flavor: 'gitlab', line: 4, sign: 'section' });
    assert.deepEqual(detectFlavorEvidence('* @a\n/x @a @@developer\n[Docs]\n'), { flavor: 'gitlab', line: 2, sign: 'role' });
    assert.deepEqual(detectFlavorEvidence('* @a\n[Docs @b\n# [S]\n'), { flavor: 'github', line: null, sign: null });
  });
});

describe('parse: Bitbucket reviewer selection', () => {
  it('a group or team with :all, :random(N) or :least_busy(N) is that group, with how reviewers are picked', () => {
    const r = parseCodeowners('*.py @ws/backenders:least_busy(2) @bob\n*.tf @teams/sre-leads:random(2)\n*.js @ws/fe:all\n', { flavor: 'bitbucket' });
    assert.deepEqual(
      r.rules.map((x) => x.owners.map((o) => [o.text, o.kind, o.selection ?? null])),
      [
        [['@ws/backenders', 'team', 'least_busy(2)'], ['@bob', 'user', null]],
        [['@teams/sre-leads', 'team', 'random(2)']],
        [['@ws/fe', 'team', 'all']],
      ],
    );
    assert.deepEqual(r.diagnostics, []);
    const m = compileMatcher(r);
    assert.deepEqual(m.match('app/main.py').owners, ['@ws/backenders', '@bob']);
  });

  it('anything else after a colon is an invalid owner, and GitHub has no selection at all', () => {
    const r = parseCodeowners('x @ws/g:random(0) @ws/g:ALL @solo:all @ws/g:random(2\n', { flavor: 'bitbucket' });
    assert.deepEqual(r.diagnostics.map((d) => `${d.column} ${d.code}`), ['3 invalid-owner', '19 invalid-owner', '29 invalid-owner', '39 invalid-owner']);
    assert.match(r.diagnostics[0].message, /:least_busy\(N\)/);
    const g = parseCodeowners('x @ws/g:all\n', { flavor: 'github' });
    assert.deepEqual(g.diagnostics.map((d) => d.code), ['invalid-owner']);
    assert.deepEqual(g.rules[0].owners, []);
  });
});
