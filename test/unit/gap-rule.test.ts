// A rule for a path no rule owns, placed first so that every existing rule still wins where it
// matches. Checked by meaning on seven real repositories' files: once the rule is in, the
// path and every other file no rule matched under its folder have the new owner, and every
// other file keeps its owners (GitLab: the sections' owners are united, so files under the
// folder that only named sections match gain the new owner beside theirs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, DEFAULT_SECTION, parseCodeowners, type Flavor } from '../../src/core';
import { gapRuleEdit, takeoverRuleEdit, withGapRule } from '../../src/core/codeowners/gap-rule';

const edited = (text: string, pattern: string, owners: string[], flavor: Flavor = 'github') => {
  const edit = gapRuleEdit(text, parseCodeowners(text, { flavor }), pattern, owners);
  return { edit, text: withGapRule(text, edit) };
};

describe('gap rule: a rule for what no rule owns', () => {
  it('goes before the first rule, after the comments that open the file, owners lined up with the first rule', () => {
    const { edit, text } = edited('# Owners\n# of all\n\n/src/        @a\n/docs/ @b\n', '/tools/', ['@t']);
    assert.deepEqual([edit.line, text], [3, '# Owners\n# of all\n\n/tools/      @t\n/src/        @a\n/docs/ @b\n']);
    assert.equal(edited('/src/ @a\n', '/a/very/long/folder/', ['@x', '@y']).text, '/a/very/long/folder/ @x @y\n/src/ @a\n', 'one space when the pattern is longer');
  });

  it('GitLab: before the first section header, where rules are no named section\'s', () => {
    const { edit, text } = edited('# GitLab\n[Backend] @be\n/api/ @api\n', '/tools/', ['@t'], 'gitlab');
    assert.deepEqual([edit.line, text], [1, '# GitLab\n/tools/ @t\n[Backend] @be\n/api/ @api\n']);
    assert.equal(edited('/x/ @x\n[Docs]\n*.md @d\n', '/y/', ['@y'], 'gitlab').edit.line, 0);
    // A rule without owners takes its section's, written on the header: the column is the first rule's that writes them.
    assert.equal(edited('[Backend] @be\n/api/\n/db/        @db\n', '/tools/', ['@t'], 'gitlab').text, '/tools/     @t\n[Backend] @be\n/api/\n/db/        @db\n');
  });

  it('at the end of a file with no rules; with a line break before it when the file lacks a last one; after a BOM', () => {
    assert.deepEqual(edited('', '/a/', ['@a']), { edit: { offset: 0, insert: '/a/ @a\n', line: 0 }, text: '/a/ @a\n' });
    assert.equal(edited('# nothing yet\n', '/a/', ['@a']).text, '# nothing yet\n/a/ @a\n');
    assert.deepEqual(edited('# nothing yet', '/a/', ['@a']).edit, { offset: 13, insert: '\n/a/ @a\n', line: 1 });
    assert.equal(edited('\uFEFF/src/ @s\n', '/a/', ['@a']).text, '\uFEFF/a/   @a\n/src/ @s\n');
  });

  it('takes over from the deciding rule right after it: later rules keep their files', () => {
    const text = '*            @leads\n/packages/   @pkgs\n/packages/ui/ @ui\n';
    const parsed = parseCodeowners(text, { flavor: 'github' });
    const edit = takeoverRuleEdit(text, parsed, 2, '/packages/new/', ['@new']);
    assert.deepEqual([edit.line, withGapRule(text, edit)], [2, '*            @leads\n/packages/   @pkgs\n/packages/new/ @new\n/packages/ui/ @ui\n']);
    assert.equal(withGapRule('* @a', takeoverRuleEdit('* @a', parseCodeowners('* @a', { flavor: 'github' }), 1, '/b/', ['@b'])), '* @a\n/b/ @b\n', 'a last line without its break');
  });

  const root = path.join(__dirname, '..', 'fixtures', 'realworld');
  for (const name of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'meta.json')))) {
    it(`changes no one else's files: ${name}`, function () {
      this.timeout(60_000);
      const { flavor } = JSON.parse(fs.readFileSync(path.join(root, name, 'meta.json'), 'utf8')) as { flavor: Flavor };
      const paths = fs.readFileSync(path.join(root, name, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
      // Without its catch-alls, so that a real repository has files no rule matches.
      const text = fs
        .readFileSync(path.join(root, name, 'CODEOWNERS'), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\*|\/\*|\*\*|\/\*\*)\s/.test(l))
        .join('\n');
      const parsed = parseCodeowners(text, { flavor });
      const before = compileMatcher(parsed);
      const old = paths.map((p) => before.match(p));
      // Files no rule matches: two, each with its own folder, and one with the top-level folder
      // where rules own the most files (what a rule appended last would have taken from them).
      const matched = (i: number) => old[i].rule !== null || (old[i].sections ?? []).length > 0;
      // GitLab: a path a `!` rule excludes from the part before the first section takes no owner
      // from any rule there, the new one included. A catch-all placed first tells which those are.
      const probe = compileMatcher(parseCodeowners(withGapRule(text, gapRuleEdit(text, parsed, '*', ['@probe'])), { flavor }));
      const takable = paths.map((p, i) => !matched(i) && probe.match(p).owners.includes('@probe'));
      const unmatched = paths.filter((p, i) => takable[i] && p.includes('/') && !/[\\*?[\]!# ]/.test(p));
      assert.ok(unmatched.length > 0, 'the repository has files no rule matches');
      const ownedIn = new Map<string, number>();
      paths.forEach((p, i) => matched(i) && ownedIn.set(p.split('/')[0], (ownedIn.get(p.split('/')[0]) ?? 0) + 1));
      const busiest = [...unmatched].sort((a, b) => (ownedIn.get(b.split('/')[0]) ?? 0) - (ownedIn.get(a.split('/')[0]) ?? 0))[0];
      const picks = [unmatched[0], unmatched[Math.floor(unmatched.length / 2)], busiest];
      let gained = 0;
      let kept = 0;
      for (const [k, target] of picks.entries()) {
        const dirs = target.split('/').slice(0, -1);
        const dir = k === 2 ? dirs[0] : dirs.join('/');
        const pattern = `/${dir}/`;
        const after = compileMatcher(parseCodeowners(withGapRule(text, gapRuleEdit(text, parsed, pattern, ['@new'])), { flavor }));
        assert.deepEqual(after.match(target).owners, ['@new'], `${pattern} owns ${target}`);
        paths.forEach((p, i) => {
          const got = after.match(p).owners;
          const inside = p.startsWith(`${dir}/`);
          const matchedBefore = matched(i);
          if (!inside) assert.deepEqual(got, old[i].owners, `${p} is outside ${pattern}`);
          else if (!matchedBefore) assert.deepEqual(got, takable[i] ? ['@new'] : [], `${p}: no rule matched it, the new one does (unless GitLab excludes it)`);
          else if (flavor === 'gitlab' && !defaultSectionMatched(old[i])) assert.deepEqual([...got].sort(), [...new Set([...old[i].owners, '@new'])].sort(), `${p}: GitLab adds the default section's owner`);
          else assert.deepEqual(got, old[i].owners, `${p}: a rule already matched it and still wins`);
          if (inside && takable[i]) gained++;
          else if (inside) kept++;
        });
      }
      assert.ok(gained >= picks.length, `${gained} files gained an owner`);
      if (flavor !== 'gitlab') assert.ok(paths.every((_, i) => matched(i) || takable[i]), 'only GitLab excludes');
      // Real folders hold files other rules already own: the point of placing it first.
      assert.ok(kept > 0, `${kept} files under the folders kept their owners`);
    });
  }
});

describe('takeover rule: a folder taken from the rule that decides it today', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'realworld');
  for (const name of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'meta.json')))) {
    const { flavor } = JSON.parse(fs.readFileSync(path.join(root, name, 'meta.json'), 'utf8')) as { flavor: Flavor };
    if (flavor === 'gitlab') continue;
    it(`takes what that rule and earlier ones decided under the folder, and nothing later rules decide: ${name}`, function () {
      this.timeout(60_000);
      const paths = fs.readFileSync(path.join(root, name, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
      const text = fs.readFileSync(path.join(root, name, 'CODEOWNERS'), 'utf8');
      const parsed = parseCodeowners(text, { flavor });
      const before = compileMatcher(parsed);
      const old = paths.map((p) => before.match(p));
      // Owned files in folders where later rules own other files: the deepest folder of one,
      // and the top-level folder of another.
      const owned = paths.filter((p, i) => old[i].rule !== null && old[i].owners.length > 0 && p.includes('/') && !/[\\*?[\]!# ]/.test(p));
      assert.ok(owned.length > 0);
      let taken = 0;
      let kept = 0;
      for (const [k, target] of [owned[Math.floor(owned.length / 3)], owned[Math.floor((2 * owned.length) / 3)]].entries()) {
        const deciding = before.match(target).rule?.line as number;
        const dirs = target.split('/').slice(0, -1);
        const dir = k === 1 ? dirs[0] : dirs.join('/');
        const after = compileMatcher(parseCodeowners(withGapRule(text, takeoverRuleEdit(text, parsed, deciding, `/${dir}/`, ['@new'])), { flavor }));
        assert.deepEqual(after.match(target).owners, ['@new'], target);
        paths.forEach((p, i) => {
          const got = after.match(p).owners;
          const later = (old[i].rule?.line ?? 0) > deciding;
          if (!p.startsWith(`${dir}/`) || later) {
            assert.deepEqual(got, old[i].owners, `${p}: ${later ? 'a later rule decides it' : 'outside the folder'}`);
            if (later && p.startsWith(`${dir}/`)) kept++;
          } else {
            assert.deepEqual(got, ['@new'], `${p}: decided by line ${old[i].rule?.line ?? 'none'}, not after line ${deciding}`);
            taken++;
          }
        });
      }
      assert.ok(taken >= 2, `${taken} taken`);
      assert.ok(kept > 0, `${kept} kept by later rules`);
    });
  }
});

/** Whether a GitLab result has a rule of the part before the first section (where the new rule goes). */
function defaultSectionMatched(result: { sections?: Array<{ section: string }> }): boolean {
  return (result.sections ?? []).some((s) => s.section === DEFAULT_SECTION);
}
