// Moving the rules of a CODEOWNERS no host reads (in a subfolder) into the one that is read:
// each pattern rooted under its folder. Checked by meaning, not by spelling: on seven real
// repositories' files, each repository's own CODEOWNERS placed in one of its big folders must
// give every file under that folder, once rooted, the owners it gave the file's path from the
// folder, and nothing to any file elsewhere.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners, type Flavor } from '../../src/core';
import { relocatedRules, rootedPattern } from '../../src/core/codeowners/relocate';

/**
 * A CODEOWNERS written from `home` (its patterns relative to it), of every kind the hosts read:
 * a catch-all, folders anchored and not, paths with a middle slash, names, extensions, and the
 * folder forms with stars (direct children, any depth, all below); one owner per rule, so that
 * owners say which rule won.
 */
function rulesFrom(paths: string[], home: string, flavor: Flavor): string {
  const inside = paths.filter((p) => p.startsWith(`${home}/`)).map((p) => p.slice(home.length + 1));
  const lines = ['* @r0'];
  const add = (pattern: string) => lines.push(`${pattern} @r${lines.length}`);
  inside.forEach((p, i) => {
    if (i % 37 !== 0 || /[\\*?[\]!# ]/.test(p)) return;
    const parts = p.split('/');
    const name = parts[parts.length - 1];
    const dirs = parts.slice(0, -1);
    const dot = name.lastIndexOf('.');
    if (dot > 0) add(`*${name.slice(dot)}`);
    if (dirs.length > 0) {
      add(`/${dirs[0]}/`);
      add(`${dirs[dirs.length - 1]}/`);
      add(`${dirs.join('/')}/*`);
      add(`**/${dirs[dirs.length - 1]}/`);
      add(`${dirs[0]}/**`);
    }
    add(name);
    // Last, so that it decides: anchored to home it names no file (GitHub), found at any depth it names p (GitLab).
    if (dirs.length > 0) add(dirs.length > 1 ? `${dirs.slice(1).join('/')}/${name}` : `/${p}`);
    if (flavor === 'gitlab' && dirs.length > 0) add(`!/${dirs[0]}/${name}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Whether `text`, read from `home`, gives each file there what it gives rooted; the number of files compared. */
function sameRooted(paths: string[], home: string, flavor: Flavor, text: string): number {
  const nested = parseCodeowners(text, { flavor });
  const relocated = relocatedRules(text, nested, home, flavor);
  assert.ok(relocated);
  assert.equal(relocated.skipped, 0);
  const nestedMatcher = compileMatcher(nested);
  const rooted = compileMatcher(parseCodeowners(`${relocated.lines.join('\n')}\n`, { flavor }));
  let owned = 0;
  let compared = 0;
  for (const p of paths) {
    const got = rooted.match(p);
    if (!p.startsWith(`${home}/`)) {
      assert.deepEqual(got.owners, [], `${p} is outside ${home}/`);
      continue;
    }
    const want = nestedMatcher.match(p.slice(home.length + 1));
    assert.deepEqual(got.owners, want.owners, `${home}: ${p}`);
    compared++;
    if (want.owners.length > 0 && want.owners[0] !== '@r0') owned++;
  }
  assert.ok(owned > compared / 10, `${owned} of ${compared} files won by a rule other than the catch-all`);
  return compared;
}

describe('relocate: a subfolder CODEOWNERS rooted for the file the hosts read', () => {
  it('anchors a pattern with a slash under its folder, and finds one without at any depth below it', () => {
    const gh = (p: string) => rootedPattern(p, 'packages/app', 'github');
    assert.equal(gh('*.ts'), '/packages/app/**/*.ts');
    assert.equal(gh('*'), '/packages/app/**/*');
    assert.equal(gh('build/'), '/packages/app/**/build/');
    assert.equal(gh('/src/'), '/packages/app/src/');
    assert.equal(gh('src/lib'), '/packages/app/src/lib', 'a middle slash anchors, as in gitignore');
    assert.equal(gh('docs/*'), '/packages/app/docs/*');
    assert.equal(gh('**/fixtures/'), '/packages/app/**/fixtures/');
    assert.equal(gh('a\\ b.txt'), '/packages/app/**/a\\ b.txt');
    assert.equal(rootedPattern('*.md', 'my docs', 'github'), '/my\\ docs/**/*.md', 'a space in the folder is escaped');
  });

  it('GitLab: only a leading slash anchors; an exclusion stays one', () => {
    const gl = (p: string) => rootedPattern(p, 'apps/api', 'gitlab');
    assert.equal(gl('src/lib'), '/apps/api/**/src/lib');
    assert.equal(gl('/src/lib'), '/apps/api/src/lib');
    assert.equal(gl('!/vendor/'), '!/apps/api/vendor/');
    assert.equal(rootedPattern('!x', 'apps', 'github'), '/apps/**/!x', 'GitHub has no exclusions: a ! is part of the name there');
  });

  it('leaves out what cannot be rooted as written: escapes other than a space, a bare slash, a folder needing escapes', () => {
    assert.equal(rootedPattern('\\#notes', 'a', 'github'), null);
    assert.equal(rootedPattern('a\\*b', 'a', 'github'), null);
    assert.equal(rootedPattern('/', 'a', 'github'), null);
    assert.equal(rootedPattern('*.c', 'we[ird]', 'github'), null);
    assert.equal(rootedPattern('*.c', '', 'github'), null);
  });

  it('keeps each line after its pattern as written (owners, a comment) and counts the rules it leaves out', () => {
    const text = '# team rules\n*.c   @acme/c  # C\n\n!x @acme/x\n\\#y @acme/y\n/src/ @acme/src\n';
    const parsed = parseCodeowners(text, { flavor: 'github' });
    assert.deepEqual(relocatedRules(text, parsed, 'lib', 'github'), { lines: ['/lib/**/*.c   @acme/c  # C', '/lib/src/ @acme/src'], skipped: 2 });
  });

  it('refuses a GitLab file with sections: rooted under the default section they would mean something else', () => {
    const text = '[Docs] @d\n*.md\n';
    assert.equal(relocatedRules(text, parseCodeowners(text, { flavor: 'gitlab' }), 'x', 'gitlab'), null);
  });

  const root = path.join(__dirname, '..', 'fixtures', 'realworld');
  for (const name of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'meta.json')))) {
    it(`means the same rooted as nested: ${name}`, function () {
      this.timeout(60_000);
      const { flavor } = JSON.parse(fs.readFileSync(path.join(root, name, 'meta.json'), 'utf8')) as { flavor: Flavor };
      const text = fs.readFileSync(path.join(root, name, 'CODEOWNERS'), 'utf8');
      const paths = fs.readFileSync(path.join(root, name, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
      // The three folders holding the most files (at any depth), each as the nested file's home.
      const counts = new Map<string, number>();
      for (const p of paths) for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) counts.set(p.slice(0, i), (counts.get(p.slice(0, i)) ?? 0) + 1);
      const homes = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([d]) => d);
      for (const home of homes) sameRooted(paths, home, flavor, rulesFrom(paths, home, flavor));
      // And the repository's own CODEOWNERS, as if it sat in each of those folders.
      const nested = parseCodeowners(text, { flavor });
      if (nested.headers.length > 0) return assert.equal(relocatedRules(text, nested, homes[0], flavor), null, 'a file with sections is not moved');
      const nestedMatcher = compileMatcher(nested);
      // The rooted file holds the applied rules only, in order: its rule i is this original rule.
      const original = nested.rules.filter((r) => r.applied).map((r) => r.index);
      let compared = 0;
      let owned = 0;
      for (const home of homes) {
        const relocated = relocatedRules(text, nested, home, flavor);
        assert.ok(relocated, home);
        assert.equal(relocated.skipped, nested.rules.filter((r) => !r.applied).length, 'every rule the host applies is moved');
        const rooted = compileMatcher(parseCodeowners(`${relocated.lines.join('\n')}\n`, { flavor }));
        for (const p of paths) {
          const got = rooted.match(p);
          if (!p.startsWith(`${home}/`)) {
            assert.deepEqual([got.owners, got.rule], [[], null], `${p} is outside ${home}/`);
            continue;
          }
          const want = nestedMatcher.match(p.slice(home.length + 1));
          assert.deepEqual([got.owners, got.rule ? original[got.rule.index] : null], [want.owners, want.rule?.index ?? null], `${home}: ${p}`);
          compared++;
          if (want.owners.length > 0) owned++;
        }
      }
      assert.ok(compared > 100, `compared ${compared} files`);
      assert.ok(owned > 0 || flavor === 'github', 'some files are owned');
    });
  }
});
