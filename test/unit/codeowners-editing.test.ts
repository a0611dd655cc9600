// The CODEOWNERS editor's text logic, without VS Code (src/extension/codeowners/editing.ts):
// the flavor of a file by location, the rule and owner under the cursor, the ownership.yml
// entry of an owner, each quick fix with the position it edits, and the hover and lens texts.
import assert from 'node:assert/strict';
import { FileTree, OwnershipAnalyzer } from '../../src/core/analysis';
import { parseCodeowners } from '../../src/core/codeowners/parse';
import type { Flavor } from '../../src/core/codeowners/types';
import { fixFor, flavorOf, handleMentions, lensTitle, ownerAt, ownerEntryIn, ownerOccurrences, ruleAt, ruleHoverMarkdown } from '../../src/extension/codeowners/editing';

const TEXT = [
  '*.md                    @acme/docs', // 1
  '/src/                   @acme/core', // 2
  '/src/legacy/            @acme/core', // 3
  '/src/legacy/            @acme/legacy', // 4
  '/assets/                @acme/design', // 5
  '/src/app.ts             @acme/ghost', // 6
  '/notes/meeting notes.md @acme/docs', // 7
].join('\n');
const FILES = ['README.md', 'src/app.ts', 'src/legacy/old.ts', 'notes/meeting notes.md'];

function analyse(text: string, flavor: Flavor = 'github') {
  const parsed = parseCodeowners(text, { flavor });
  const analysis = new OwnershipAnalyzer(FileTree.from(FILES)).analyze(parsed);
  return { parsed, analysis, diagnostics: [...parsed.diagnostics, ...analysis.diagnostics] };
}

describe('CODEOWNERS editing (no VS Code)', () => {
  it('reads the flavor from the setting, then the location, then the content', () => {
    assert.equal(flavorOf('.github/CODEOWNERS', 'auto', '[Docs]\n'), 'github');
    assert.equal(flavorOf('.gitlab/CODEOWNERS', 'auto', ''), 'gitlab');
    assert.equal(flavorOf('.bitbucket/CODEOWNERS', 'auto', ''), 'bitbucket');
    assert.equal(flavorOf('CODEOWNERS', 'auto', '[Docs]\n*.md @docs\n'), 'gitlab');
    assert.equal(flavorOf('docs/CODEOWNERS', 'auto', '*.md @docs\n'), 'github');
    assert.equal(flavorOf('.github/CODEOWNERS', 'gitlab', ''), 'gitlab');
  });

  it('finds the rule under the cursor by its pattern, and the owner written there', () => {
    const parsed = parseCodeowners('[Docs] @@maintainer\n*.md @docs\n/api/\n', { flavor: 'gitlab' });
    assert.equal(ruleAt(parsed, 1, 0)?.pattern, '*.md');
    assert.equal(ruleAt(parsed, 1, 4)?.pattern, '*.md', 'just after the pattern still counts');
    assert.equal(ruleAt(parsed, 1, 6), undefined, 'on an owner');
    assert.equal(ownerAt(parsed, 1, '*.md @docs', 7)?.text, '@docs');
    assert.equal(ownerAt(parsed, 0, '[Docs] @@maintainer', 10)?.text, '@@maintainer', 'a default owner on its header');
    // `/api/` takes the section's default owners, which are written on the header, not here.
    assert.equal(ownerAt(parsed, 2, '/api/', 1), undefined);
  });

  it('finds every place an owner is written, case aside: rules and headers, not a rule that only takes the defaults', () => {
    const text = '[Docs] @acme/docs\n*.md\n/guide/ @ACME/Docs @bob\n[docs] @x @acme/docs\n/api/ @bob\n';
    const parsed = parseCodeowners(text, { flavor: 'gitlab' });
    const at = (owner: string) => ownerOccurrences(parsed, text.split('\n'), owner).map((o) => [o.line, o.character, o.length]);
    assert.deepEqual(at('@acme/docs'), [
      [0, 7, 10],
      [2, 8, 10],
      [3, 10, 10],
    ]);
    assert.deepEqual(at('@bob'), [
      [2, 19, 4],
      [4, 6, 4],
    ]);
    assert.deepEqual(at('@nobody'), []);
  });

  it("finds a handle where ownership.yml names it as a whole word: keys, member lists and prose, case aside", () => {
    const yml = ['teams:', '  "@acme/docs":', '    members: [@acme/docs-team, "@ACME/Docs"]', '    practices: [Ask @acme/docs., not x@acme/docs or @acme/docs.io]'].join('\n');
    assert.deepEqual(
      handleMentions(yml, '@acme/docs').map((m) => [m.line, m.character, yml.split('\n')[m.line].slice(m.character, m.character + m.length)]),
      [
        [1, 3, '@acme/docs'],
        [2, 32, '@ACME/Docs'],
        [3, 20, '@acme/docs'],
      ],
    );
    assert.deepEqual(handleMentions(yml, ''), []);
  });

  it('finds a default owner on a later header of a section whose name is merged with an earlier one', () => {
    const parsed = parseCodeowners('[Docs] @docs\n*.md\n[docs] @acme/writers\n/guide/\n', { flavor: 'gitlab' });
    assert.equal(parsed.sections.length, 2, 'the default section and Docs');
    assert.equal(ownerAt(parsed, 2, '[docs] @acme/writers', 9)?.text, '@acme/writers');
    assert.equal(ownerAt(parsed, 0, '[Docs] @docs', 8)?.text, '@docs');
  });

  it("finds an owner's ownership.yml entry: a team key, quoted or not, or a person's handle", () => {
    const yaml = ['teams:', '  "@acme/Docs":', '    name: Docs', '  @acme/core:', '    name: Core', 'people:', '  - handle: "@alice"', '    name: Alice'].join('\n');
    assert.deepEqual(ownerEntryIn(yaml, '@acme/docs'), { line: 1, character: 2 });
    assert.deepEqual(ownerEntryIn(yaml, '@acme/core'), { line: 3, character: 2 });
    assert.deepEqual(ownerEntryIn(yaml, '@alice'), { line: 6, character: 4 });
    assert.equal(ownerEntryIn(yaml, '@acme/ghost'), undefined);
    assert.equal(ownerEntryIn(yaml, 'name'), undefined, 'not an owner: never one of the file\'s own keys');
  });

  it('offers a fix for dead, duplicate and space-split rules, each at the line it edits', () => {
    const { parsed, diagnostics } = analyse(TEXT);
    const lines = TEXT.split('\n');
    const fixes = diagnostics.map((d) => [d.code, d.line, fixFor(parsed, d, lines)] as const);
    const by = (code: string, line: number) => fixes.find(([c, l]) => c === code && l === line)?.[2];
    assert.deepEqual(by('shadowed-rule', 2), { kind: 'remove-line', line: 1, title: 'Remove the rule "/src/" (it never applies)' });
    assert.deepEqual(by('duplicate-pattern', 4), { kind: 'remove-line', line: 2, title: 'Remove the earlier "/src/legacy/" on line 3 (it has no effect)' });
    assert.deepEqual(by('no-match', 5), { kind: 'remove-line', line: 4, title: 'Remove the rule "/assets/" (it matches no tracked file)' });
    assert.deepEqual(by('invalid-owner', 7), { kind: 'insert', line: 6, character: 14, text: '\\', title: 'Escape the space: "/notes/meeting\\ notes.md"' });
    // Escaped, the pattern names the file: the line is clean.
    const fixed = lines.map((l, i) => (i === 6 ? `${l.slice(0, 14)}\\${l.slice(14)}` : l)).join('\n');
    assert.deepEqual(analyse(fixed).diagnostics.filter((d) => d.line === 7), []);
  });

  it('writes a `folder/*` that leaves the subfolders without owner as `folder/`, and the warning is gone after', () => {
    const text = '/src/*   @acme/core\n';
    const { parsed, diagnostics } = analyse(text);
    const d = diagnostics.find((x) => x.code === 'direct-children-only');
    assert.ok(d, JSON.stringify(diagnostics));
    const fix = fixFor(parsed, d, text.split('\n'));
    assert.deepEqual(fix, { kind: 'replace', line: 0, start: 5, end: 6, text: '', title: 'Write "/src/" (the whole folder)' });
    const fixed = `${text.slice(0, 5)}${text.slice(6)}`;
    assert.equal(fixed, '/src/   @acme/core\n');
    assert.deepEqual(analyse(fixed).diagnostics, []);
  });

  it('GitLab: writes a word as the owners GitLab reads in it, and the line is clean after', () => {
    const gitlab = '[A]\n/x/ @a,@b (@carol) @team.\n';
    const g = analyse(gitlab, 'gitlab');
    const lines = gitlab.split('\n');
    const fixes = g.diagnostics.filter((d) => d.code === 'owner-read-as').map((d) => fixFor(g.parsed, d, lines));
    assert.deepEqual(fixes, [
      { kind: 'replace', line: 1, start: 4, end: 9, text: '@a @b', title: 'Write "@a,@b" as "@a @b"' },
      { kind: 'replace', line: 1, start: 10, end: 18, text: '@carol', title: 'Write "(@carol)" as "@carol"' },
      { kind: 'replace', line: 1, start: 19, end: 25, text: '@team', title: 'Write "@team." as "@team"' },
    ]);
    let line = lines[1];
    for (const f of [...fixes].reverse()) if (f?.kind === 'replace') line = line.slice(0, f.start) + f.text + line.slice(f.end);
    assert.equal(line, '/x/ @a @b @carol @team');
    const fixed = analyse(`[A]\n${line}\n`, 'gitlab');
    assert.deepEqual(fixed.diagnostics.filter((d) => d.code !== 'no-match'), []);
    assert.deepEqual(fixed.parsed.rules[0].owners.map((o) => o.text), g.parsed.rules[0].owners.map((o) => o.text));
  });

  it('separates owners written together and removes a repeated owner, and the line is clean after', () => {
    const text = '/ci/ @dwtza @ChrisCoxArt@colourbill-ctrl @a,@b @xsscx @Dwtza';
    const { parsed, diagnostics } = analyse(text);
    const fixes = diagnostics.filter((d) => d.code !== 'no-match').map((d) => fixFor(parsed, d, [text]));
    assert.deepEqual(fixes, [
      { kind: 'replace', line: 0, start: 12, end: 40, text: '@ChrisCoxArt @colourbill-ctrl', title: 'Separate the owners: "@ChrisCoxArt @colourbill-ctrl"' },
      { kind: 'replace', line: 0, start: 41, end: 46, text: '@a @b', title: 'Separate the owners: "@a @b"' },
      { kind: 'replace', line: 0, start: 53, end: 60, text: '', title: 'Remove the repeated "@Dwtza"' },
    ], JSON.stringify(diagnostics));
    let line = text;
    for (const f of [...fixes].reverse()) if (f?.kind === 'replace') line = line.slice(0, f.start) + f.text + line.slice(f.end);
    assert.equal(line, '/ci/ @dwtza @ChrisCoxArt @colourbill-ctrl @a @b @xsscx');
    const fixed = analyse(line);
    assert.deepEqual(fixed.diagnostics.filter((d) => d.code !== 'no-match'), []);
    assert.deepEqual(fixed.parsed.rules[0].owners.map((o) => o.text), ['@dwtza', '@ChrisCoxArt', '@colourbill-ctrl', '@a', '@b', '@xsscx']);
  });

  it('has no fix where it is not clear: a GitLab duplicate, an invalid owner among owners', () => {
    const gitlab = '[A]\n/x/ @a\n/x/ @b\n';
    const g = analyse(gitlab, 'gitlab');
    const dup = g.diagnostics.find((d) => d.code === 'duplicate-pattern');
    assert.ok(dup);
    assert.equal(fixFor(g.parsed, dup, gitlab.split('\n')), undefined);
    const text = '/src/ @a bad';
    const p = analyse(text);
    const invalid = p.diagnostics.find((d) => d.code === 'invalid-owner');
    assert.ok(invalid);
    assert.equal(fixFor(p.parsed, invalid, [text]), undefined);
  });

  it('says in a hover and a lens what a rule matches and wins, and who takes the rest, escaped', () => {
    const { parsed, analysis } = analyse(TEXT);
    const src = parsed.rules[1];
    assert.equal(lensTitle(src, analysis.stats[src.index]), 'matches 2 tracked files · wins 0');
    assert.equal(lensTitle(parsed.rules[4], analysis.stats[4]), 'matches no tracked file');
    const md = ruleHoverMarkdown(src, analysis.stats[src.index], analysis.wonFiles(src, 5), analysis.takers(src));
    // As read: the Markdown source with its escapes undone (every repository text is escaped).
    assert.equal(
      md.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
      ['$(list-filter) **/src/** · line 2', 'Matches 2 tracked files; its owners decide 0 of them.', 'Later rules take the rest: line 4 "/src/legacy/" takes 1 · line 6 "/src/app.ts" takes 1'].join('\n\n'),
    );
    assert.ok(!/[^\\]"/.test(md), 'quotes are escaped');
    const md2 = ruleHoverMarkdown(parsed.rules[0], analysis.stats[0], analysis.wonFiles(parsed.rules[0], 1), []);
    assert.match(md2, /\nREADME\\\.md and 1 more$/);
  });
});
