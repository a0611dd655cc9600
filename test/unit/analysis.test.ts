// CODEOWNERS analysis against tracked files: the fixture table (shadowed rules, patterns
// matching nothing, match and win counts, which rules take a rule's files), unknown owners,
// coverage, agreement with the matcher on real repositories, and incremental re-analysis
// agreeing with analysis from scratch after random edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { compileMatcher, parseCodeowners, type Flavor, type ParsedCodeowners } from '../../src/core';
import { coverage, FileTree, OwnershipAnalyzer, unknownOwnerDiagnostics, type Analysis } from '../../src/core/analysis';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { githubRegex, gitlabRegex } from '../support/reference-matcher';

interface Case {
  name: string;
  flavor: Flavor;
  codeowners: string;
  files: string[];
  diagnostics: Array<[number, number, number, string]>;
  stats?: Record<string, [number, number]>;
  takers?: Record<string, Array<[number, number]>>;
  messageIncludes?: Record<string, string[]>;
}

const fixtures = path.join(__dirname, '..', 'fixtures');
const table = JSON.parse(fs.readFileSync(path.join(fixtures, 'analysis', 'cases.json'), 'utf8')) as { cases: Case[] };

function analyse(text: string, files: string[], flavor: Flavor): { parsed: ParsedCodeowners; analysis: Analysis } {
  const parsed = parseCodeowners(text, { flavor });
  return { parsed, analysis: new OwnershipAnalyzer(FileTree.from(files)).analyze(parsed) };
}

function ruleAt(parsed: ParsedCodeowners, line: number) {
  const rule = parsed.rules.find((r) => r.line === line);
  if (!rule) throw new Error(`no rule on line ${line}`);
  return rule;
}

describe('analysis: the fixture table (test/fixtures/analysis/cases.json)', () => {
  it('has cases', () => assert.ok(table.cases.length >= 10));
  for (const c of table.cases) {
    it(c.name, () => {
      const { parsed, analysis } = analyse(c.codeowners, c.files, c.flavor);
      assert.deepEqual(analysis.diagnostics.map((d) => [d.line, d.column, d.endColumn, d.code]), c.diagnostics);
      for (const d of analysis.diagnostics) assert.equal(d.severity, 'warning');
      for (const [line, [matched, won]] of Object.entries(c.stats ?? {})) {
        assert.deepEqual(analysis.stats[ruleAt(parsed, Number(line)).index], { matched, won }, `stats of line ${line}`);
      }
      for (const [line, takers] of Object.entries(c.takers ?? {})) {
        assert.deepEqual(analysis.takers(ruleAt(parsed, Number(line))).map((t) => [t.rule.line, t.files]), takers, `takers of line ${line}`);
      }
      for (const [line, parts] of Object.entries(c.messageIncludes ?? {})) {
        const d = analysis.diagnostics.find((x) => x.line === Number(line));
        for (const part of parts) assert.ok(d?.message.includes(part), `line ${line}: ${JSON.stringify(d?.message)} should include ${JSON.stringify(part)}`);
      }
    });
  }
});

describe('analysis: the places a shadowed rule links to', () => {
  it('each later rule that takes its files, with how many, the biggest first; GitLab exclusions too', () => {
    const { analysis } = analyse('/src/ @a\n/src/x/ @b\n/src/*.ts @c\n/src/y.md @d\n', ['src/x/1', 'src/x/2', 'src/a.ts', 'src/y.md'], 'github');
    const shadowed = analysis.diagnostics.find((d) => d.code === 'shadowed-rule');
    assert.deepEqual(shadowed?.related, [
      { line: 2, column: 1, endColumn: 8, message: 'takes 2 of its 4 files' },
      { line: 3, column: 1, endColumn: 10, message: 'takes 1 of its 4 files' },
      { line: 4, column: 1, endColumn: 10, message: 'takes 1 of its 4 files' },
    ]);
    const one = analyse('*.md @a\n/docs/ @b\n', ['docs/a.md'], 'github').analysis.diagnostics[0];
    assert.deepEqual([one.code, one.related], ['shadowed-rule', [{ line: 2, column: 1, endColumn: 7, message: 'takes its file' }]]);
    const gitlab = analyse('[Docs]\ndocs/ @a\n!docs/*.md\n', ['docs/a.md', 'docs/b.md'], 'gitlab').analysis.diagnostics.find((d) => d.code === 'shadowed-rule');
    assert.deepEqual(gitlab?.related?.map((r) => [r.line, r.message]), [[3, 'excludes all 2 of its files']]);
  });

  it('names at most ten', () => {
    const later = Array.from({ length: 12 }, (_, i) => `/src/f${i} @t${i}`).join('\n');
    const files = Array.from({ length: 12 }, (_, i) => `src/f${i}`);
    const shadowed = analyse(`/src/ @a\n${later}\n`, files, 'github').analysis.diagnostics.find((d) => d.code === 'shadowed-rule');
    assert.equal(shadowed?.related?.length, 10);
    assert.match(shadowed?.message ?? '', /and 9 more\)\.$/);
  });
});

describe('analysis: files per rule', () => {
  const { parsed, analysis } = analyse('* @all\n/src/ @src\n/src/gen/ @gen\n', ['README.md', 'src/a.c', 'src/b.c', 'src/gen/x.c', 'src/gen/y.c'], 'github');
  it('lists the files a rule matches and those it wins, in path order, with a limit', () => {
    const src = ruleAt(parsed, 2);
    assert.deepEqual(analysis.matchedFiles(src), ['src/a.c', 'src/b.c', 'src/gen/x.c', 'src/gen/y.c']);
    assert.deepEqual(analysis.matchedFiles(src, 2), ['src/a.c', 'src/b.c']);
    assert.deepEqual(analysis.wonFiles(src), ['src/a.c', 'src/b.c']);
    assert.deepEqual(analysis.wonFiles(ruleAt(parsed, 1)), ['README.md']);
    assert.deepEqual(analysis.takers(src).map((t) => [t.rule.pattern, t.files, t.exclusion]), [['/src/gen/', 2, false]]);
  });
  it('orders files depth-first whatever the input order', () => {
    const tree = FileTree.from(['b/x', 'a', 'b/a/y', 'c', 'b/z', 'a']);
    assert.deepEqual(tree.paths, ['a', 'b/a/y', 'b/x', 'b/z', 'c']);
    const b = tree.dir('b');
    assert.ok(b);
    assert.deepEqual([b.start, b.end], [1, 4]);
    assert.equal(tree.dir('nope'), undefined);
  });
});

describe('analysis: a GitLab pattern naming a folder without its slash', () => {
  // GitLab normalises `/docs/ja` to itself, and fnmatch with FNM_PATHNAME matches it against
  // the file `/docs/ja` only: the folder's files need `/docs/ja/`.
  it('no-match says it is a folder and how to write the pattern; not for a missing path or a GitHub file', () => {
    const files = ['docs/ja/index.md', 'docs/fr/index.md', 'src/a.rb'];
    const text = '* @all\n[Locales]\n/docs/ja @ja\ndocs/fr @fr\n/docs/de @de\n!/docs/ja\n/docs/* @x\n';
    const { analysis } = analyse(text, files, 'gitlab');
    const noMatch = analysis.diagnostics.filter((d) => d.code === 'no-match');
    // Line 7's `*` stays in docs/ (FNM_PATHNAME): it matches nothing too, and names no folder.
    assert.deepEqual(noMatch.map((d) => d.line), [3, 4, 5, 6, 7]);
    assert.match(noMatch[0].message, /"docs\/ja" is a folder: GitLab applies a rule to a folder's files only when the pattern ends in "\/" \("\/docs\/ja\/"\)\.$/);
    assert.match(noMatch[1].message, /"docs\/fr" is a folder: .*\("docs\/fr\/"\)\.$/);
    assert.equal(noMatch[2].message, 'This pattern matches no tracked file.');
    assert.match(noMatch[3].message, /^This exclusion matches no tracked file\. .*\("!\/docs\/ja\/"\)\.$/);
    assert.equal(noMatch[4].message, 'This pattern matches no tracked file.');
    // GitHub matches a folder's files without the slash: such a rule matches, nothing to say.
    const gh = analyse('/docs/ja @ja\n', files, 'github').analysis.diagnostics;
    assert.deepEqual(gh, []);
  });
});

describe('analysis: a GitHub `folder/*` rule that leaves the folder\'s subfolders to others', () => {
  const files = ['comp/a/x.py', 'comp/a/sub/y.py', 'comp/a/sub/z.py', 'comp/b/x.py', 'comp/b/sub/y.py', 'comp/c/x.py', 'comp/c/sub/y.py', 'comp/d/x.py'];
  const text = 'comp/a/* @a\n/comp/b/* @b\n/comp/b/sub/ @b-sub\ncomp/c/ @c\ncomp/d/* @d\n/comp/c/* @c-top\n';

  it('direct-children-only names how many files in subfolders are left with no owner, the first, and the pattern that covers them', () => {
    for (const flavor of ['github', 'bitbucket'] as const) {
      const { analysis } = analyse(text, files, flavor);
      const found = analysis.diagnostics.filter((d) => d.code === 'direct-children-only');
      // Line 2's subfolder is owned by a later, deeper rule, line 6's by an earlier one (on
      // purpose, maybe); line 4 is the folder; line 5's folder has no subfolder.
      assert.deepEqual(found.map((d) => [d.line, d.column, d.endColumn, d.severity]), [[1, 1, 9, 'warning']], flavor);
      assert.equal(found[0].message, '"comp/a/*" covers only the files directly in comp/a/: 2 tracked files in its subfolders (comp/a/sub/y.py, ...) have no owner. Write "comp/a/" to cover the whole folder.');
    }
  });

  it('one file, a leading slash, and files an earlier rule un-owns are said the same way; GitLab is not concerned', () => {
    const one = analyse('/comp/ @all\n/comp/b/sub/\n/comp/b/* @b\n', files, 'github').analysis.diagnostics.filter((d) => d.code === 'direct-children-only');
    assert.equal(one[0].message, '"/comp/b/*" covers only the files directly in comp/b/: the tracked file comp/b/sub/y.py in a subfolder has no owner. Write "/comp/b/" to cover the whole folder.');
    assert.deepEqual(analyse(text, files, 'gitlab').analysis.diagnostics.filter((d) => d.code === 'direct-children-only'), []);
  });
});

describe('analysis: owners unknown to ownership.yml', () => {
  const config = (yaml: string) => parseOwnershipConfig(yaml, '.github/ownership.yml').config;
  const teamsOnly = config('teams:\n  "@acme/web": { name: Web }\n  "@acme/api": { name: API }\n');

  it('flags teams that are not listed, with the position of the owner and a suggestion', () => {
    const text = '* @acme/web\n/api/ @acme/apx @jane\n/docs/ @ACME/Web docs@acme.example\n';
    const diags = unknownOwnerDiagnostics(parseCodeowners(text, { flavor: 'github' }), text, teamsOnly);
    assert.deepEqual(diags.map((d) => [d.line, d.column, d.endColumn, d.severity, d.code]), [[2, 7, 16, 'warning', 'unknown-owner']]);
    assert.match(diags[0].message, /"@acme\/apx" is not a team listed in \.github\/ownership\.yml\. Did you mean "@acme\/api"\?$/);
  });

  it('checks people only when the file describes individuals', () => {
    const withPeople = config('teams:\n  "@acme/web": { members: ["@bob", "carol@acme.example"] }\npeople:\n  "@jane": { emails: [jane@acme.example] }\n');
    const text = '* @acme/web @jane @bob @janet carol@acme.example jane@acme.example eve@acme.example\n';
    const diags = unknownOwnerDiagnostics(parseCodeowners(text, { flavor: 'github' }), text, withPeople);
    assert.deepEqual(diags.map((d) => text.slice(d.column - 1, (d.endColumn as number) - 1)), ['@janet', 'eve@acme.example']);
    assert.match(diags[0].message, /nor a member of a team listed there\. Did you mean "@jane"\?$/);
  });

  it('says nothing when ownership.yml lists no team, or is absent', () => {
    const text = '* @nobody/known\n';
    assert.deepEqual(unknownOwnerDiagnostics(parseCodeowners(text, { flavor: 'github' }), text, config('etiquette: [Be kind]\n')), []);
  });

  it('GitLab: reports the default owners of a later header of a merged section, rules under it or not', () => {
    const text = '[Docs] @acme/web\n*.md\n[docs] @acme/ghost\n';
    const diags = unknownOwnerDiagnostics(parseCodeowners(text, { flavor: 'gitlab' }), text, teamsOnly);
    assert.deepEqual(diags.map((d) => [d.line, d.column, d.code]), [[3, 8, 'unknown-owner']]);
  });

  it('GitLab: reports section default owners once, on their header; roles are always known', () => {
    const text = '[Docs] @acme/dcos\n*.md\n/guides/\n[Docs]\n*.txt @acme/web @@maintainer\n';
    const diags = unknownOwnerDiagnostics(parseCodeowners(text, { flavor: 'gitlab' }), text, teamsOnly);
    assert.deepEqual(diags.map((d) => [d.line, d.column]), [[1, 8]]);
  });
});

describe('analysis: coverage', () => {
  it('counts owned and unowned files, per owner, per top-level directory', () => {
    const text = '* @all\n/src/ @src @ALL\n/src/vendor/\n/docs/ @docs\n';
    const files = ['README.md', 'src/a.c', 'src/vendor/v.c', 'src/vendor/w.c', 'docs/x.md', 'Makefile'];
    const { analysis } = analyse(text, files, 'github');
    const c = coverage(analysis);
    assert.deepEqual([c.files, c.owned, c.unowned], [6, 4, 2]);
    // `@ALL` is `@all`: handles compare case-insensitively; the first spelling is shown.
    assert.deepEqual(c.owners, [
      { owner: '@all', files: 3 },
      { owner: '@docs', files: 1 },
      { owner: '@src', files: 1 },
    ]);
    assert.deepEqual(c.directories, [
      { directory: '', files: 2, owned: 2, unowned: 0 },
      { directory: 'docs', files: 1, owned: 1, unowned: 0 },
      { directory: 'src', files: 3, owned: 1, unowned: 2 },
    ]);
    assert.deepEqual(c.unownedFiles, ['src/vendor/v.c', 'src/vendor/w.c']);
  });

  it('GitLab: a file owned in two sections counts for both owners once', () => {
    const text = '[A]\n* @a\n[B]\n*.md @b @a\n!/private/\n';
    const { analysis } = analyse(text, ['x.md', 'y.c', 'private/z.md'], 'gitlab');
    const c = coverage(analysis);
    assert.deepEqual(c.owners, [
      { owner: '@a', files: 3 },
      { owner: '@b', files: 1 },
    ]);
    assert.equal(c.unowned, 0);
  });

  it('a file too large for the host owns nothing and gets no analysis diagnostics', () => {
    const big = `* @a\n${'#'.repeat(3 * 1024 * 1024)}\n`;
    const { analysis } = analyse(big, ['a'], 'github');
    assert.deepEqual(analysis.diagnostics, []);
    assert.equal(coverage(analysis).unowned, 1);
  });
});

describe('analysis: real repositories agree with the matcher and the reference', () => {
  const root = path.join(fixtures, 'realworld');
  const datasets = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'meta.json')));
  for (const name of datasets) {
    it(name, function () {
      this.timeout(120_000);
      const { flavor } = JSON.parse(fs.readFileSync(path.join(root, name, 'meta.json'), 'utf8')) as { flavor: Flavor };
      const text = fs.readFileSync(path.join(root, name, 'CODEOWNERS'), 'utf8');
      const files = fs.readFileSync(path.join(root, name, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
      const { parsed, analysis } = analyse(text, files, flavor);
      const tree = analysis.tree;
      const matcher = compileMatcher(parsed);
      // Who wins each file: the same rule (and the same owners) as the matcher says.
      const owners = coverage(analysis);
      const unowned = new Set(owners.unownedFiles);
      for (let i = 0; i < tree.size; i++) {
        const p = tree.paths[i];
        const m = matcher.match(p);
        assert.equal(unowned.has(p), m.owners.length === 0, `${p}: owned?`);
        if (flavor !== 'gitlab') {
          const w = analysis.winnerOf(0, i);
          assert.equal(w < 0 ? null : analysis.entries[w].rule, m.rule, p);
        } else {
          const sections = analysis.sections.flatMap((s, k) => (analysis.winnerOf(k, i) >= 0 ? [s] : []));
          assert.deepEqual(sections, (m.sections ?? []).map((s) => s.section), p);
        }
      }
      // What each rule matches: the regex reference, on a sample of rules.
      const applied = parsed.rules.filter((r) => r.applied);
      const step = Math.max(1, Math.ceil((applied.length * files.length) / 4_000_000));
      for (let k = 0; k < applied.length; k += step) {
        const r = applied[k];
        const pattern = r.exclusion ? r.pattern.slice(1) : r.pattern;
        const re = flavor === 'gitlab' ? gitlabRegex(pattern) : githubRegex(pattern);
        const expected = re === null ? 0 : tree.paths.filter((p) => re.test(flavor === 'gitlab' ? `/${p}` : p)).length;
        assert.equal(analysis.stats[r.index].matched, expected, `line ${r.line} ${r.pattern}`);
      }
    });
  }
});

describe('analysis: re-analysis after edits equals analysis from scratch', () => {
  const files = [
    'README.md', 'Makefile', 'docs/a.md', 'docs/img/b.png', 'src/main.c', 'src/util/x.c', 'src/util/x.h',
    'src/test/t.c', 'src/test/test/deep.c', 'lib/test/u.py', 'lib/a/b/c.py', 'vendor/z/z.c', 'docs/docs', '.github/workflows/ci.yml',
  ];
  const patterns = [
    '*', '*.c', '*.md', '/src/', 'src/', '/src/*', '/src/**/*.c', 'docs', '/docs/img/', 'test/', '**/test/**',
    'util', '/lib/a/', 'x.*', '/nothing/', 'Makefile', '/vendor/', '.github/', '*.py', 'b', '/lib/**/c.py',
  ];
  const owners = ['@a', '@b', '@org/c', '', '@d @e'];
  const line = fc.tuple(fc.constantFrom(...patterns), fc.constantFrom(...owners)).map(([p, o]) => (o ? `${p} ${o}` : p));
  const gitlabLine = fc.oneof(line, fc.constantFrom('[One] @one', '^[Two] @two', '!/src/util/', '!*.md'));
  const edit = fc.tuple(fc.nat(), line, fc.constantFrom('replace', 'insert', 'delete'));

  for (const flavor of ['github', 'gitlab'] as const) {
    it(`${flavor}: stats, diagnostics and winners match a fresh analysis`, () => {
      const tree = FileTree.from(files);
      fc.assert(
        fc.property(fc.array(flavor === 'gitlab' ? gitlabLine : line, { minLength: 1, maxLength: 12 }), fc.array(edit, { maxLength: 6 }), (start, edits) => {
          const analyzer = new OwnershipAnalyzer(tree);
          const lines = start.slice();
          analyzer.analyze(parseCodeowners(lines.join('\n'), { flavor }));
          for (const [at, text, kind] of edits) {
            const k = lines.length === 0 ? 0 : at % lines.length;
            if (kind === 'replace' && lines.length > 0) lines[k] = text;
            else if (kind === 'insert' || lines.length === 0) lines.splice(k, 0, text);
            else lines.splice(k, 1);
            const parsed = parseCodeowners(lines.join('\n'), { flavor });
            const again = analyzer.analyze(parsed);
            const fresh = new OwnershipAnalyzer(tree).analyze(parsed);
            assert.deepEqual(again.stats, fresh.stats);
            assert.deepEqual(again.diagnostics, fresh.diagnostics);
            assert.deepEqual(coverage(again), coverage(fresh));
            // And the winners are the matcher's.
            const matcher = compileMatcher(parsed);
            const unowned = new Set(coverage(fresh).unownedFiles);
            for (const p of tree.paths) assert.equal(unowned.has(p), matcher.match(p).owners.length === 0, p);
            // And the match counts are the regex reference's.
            for (const r of parsed.rules.filter((x) => x.applied)) {
              const pattern = r.exclusion ? r.pattern.slice(1) : r.pattern;
              const re = flavor === 'gitlab' ? gitlabRegex(pattern) : githubRegex(pattern);
              const expected = re === null ? 0 : tree.paths.filter((p) => re.test(flavor === 'gitlab' ? `/${p}` : p)).length;
              assert.equal(again.stats[r.index].matched, expected, r.pattern);
            }
          }
        }),
        { numRuns: 150, seed: 6 },
      );
    });
  }

  it('only new patterns are matched against the tree again', () => {
    const analyzer = new OwnershipAnalyzer(FileTree.from(files));
    analyzer.analyze(parseCodeowners('* @a\n/src/ @b\n*.md @c\n', { flavor: 'github' }));
    assert.equal(analyzer.lastComputed, 3);
    analyzer.analyze(parseCodeowners('* @a\n/src/ @x\n# moved\n*.md @c\n/docs/ @d\n', { flavor: 'github' }));
    assert.equal(analyzer.lastComputed, 1);
  });
});
