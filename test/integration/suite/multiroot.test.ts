// Multi-root: each folder's files use their own repository's CODEOWNERS, with paths relative
// to that repository: GitLab sections, a nested repository inside another, a folder opened
// below its repository root, and a repository without any CODEOWNERS.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { find, folders, hoverAt, labels, lens, open, snapshot, statusOwners, thisFile, uriIn } from './ownership';
import { waitFor } from './waitFor';
import { manifest } from './workspace';

describe('Multi-root workspace', () => {
  it('opens five folders', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 5);
  });

  it('GitLab: a file of mine through git user.email, in a folder whose name has a space', async () => {
    const rel = 'apps/web app/src/main.ts';
    const tree = await thisFile(uriIn(folders.gitlab(), rel), rel);
    assert.equal(find(tree, 'Yours').description, 'You own this, as maria@acme.example (your git user.email).');
    const rules = find(tree, 'Rule');
    assert.deepEqual(rules.children.map((r) => [r.label, r.description]), [['[Web] /apps/web\\ app/src/', 'CODEOWNERS:12 · 2 approvals']]);
  });

  it('GitLab: every matching section is listed with its rule, optional sections and approvals', async () => {
    const rel = 'apps/web app/README.md';
    const tree = await thisFile(uriIn(folders.gitlab(), rel), rel);
    assert.equal(find(tree, 'Rules').description, '2 sections');
    assert.deepEqual(
      find(tree, 'Rules').children.map((r) => [r.label, r.description]),
      [
        ['[Docs] *.md', 'CODEOWNERS:8 · optional'],
        ['[Web] /apps/web\\ app/', 'CODEOWNERS:11 · 2 approvals'],
      ],
    );
    assert.deepEqual(labels(find(tree, 'Owners').children), ['@acme/docs', '@acme/web']);
  });

  it('GitLab: a unicode file name, in the status bar', async () => {
    const api = await lens();
    await open(uriIn(folders.gitlab(), 'docs/résumé.md'));
    await waitFor('the status bar to show the docs owners', () => statusOwners(api.statusBar.item.text) === '$(organization) @acme/docs', { describe: () => api.statusBar.item.text });
  });

  it('a nested repository uses its own CODEOWNERS, with paths relative to its root', async () => {
    const gitlab = folders.gitlab();
    const tree = await thisFile(uriIn(gitlab, 'vendor/widget/lib/widget.js'), 'lib/widget.js');
    assert.equal(find(tree, 'Owner', '@widget/lib-team').label, '@widget/lib-team');
    const rule = find(tree, 'Rule');
    assert.equal(rule.description, '/lib/  ·  .github/CODEOWNERS:3');
    assert.deepEqual(rule.command?.arguments, [{ file: path.join(gitlab.uri.fsPath, 'vendor', 'widget', '.github', 'CODEOWNERS'), line: 3 }]);
  });

  it('a nested Bitbucket repository: a group owner says how its reviewers are picked', async () => {
    const gitlab = folders.gitlab();
    const tree = await thisFile(uriIn(gitlab, 'vendor/reviewers/src/pick.ts'), 'src/pick.ts');
    const group = find(tree, 'Owners', '@acme-ws/backend');
    assert.equal(group.description, 'reviewers: the 2 least busy');
    assert.match(String(group.tooltip), /\(reviewers: the 2 least busy\)$/);
    // A person has no selection: nothing is said of one.
    assert.equal(find(tree, 'Owners', '@dana').description, undefined);
    assert.equal(find(tree, 'Rule').description, '/src/  ·  .bitbucket/CODEOWNERS:3');
    // And the hover over a path to it says the same.
    const hover = await hoverAt(uriIn(gitlab, 'vendor/reviewers/README.md'), '(src/pick.ts)', 2);
    assert.match(hover?.text ?? '', /\n\n\$\(organization\) Reviewers from @acme-ws\/backend: the 2 least busy\n\n/);
  });

  it('a folder opened below its repository root: CODEOWNERS paths are relative to the root', async () => {
    const tree = await thisFile(uriIn(folders.app(), 'src/index.ts'), 'packages/app/src/index.ts');
    assert.equal(find(tree, 'Rule').description, '/packages/app/  ·  .github/CODEOWNERS:2');
    assert.equal(find(tree, 'Owner', '@acme/app').label, '@acme/app');
    const unowned = await thisFile(uriIn(folders.app(), 'legacy/old.ts'), 'packages/app/legacy/old.ts');
    assert.equal(find(unowned, 'Unowned').description, 'Nobody owns this: the rule at .github/CODEOWNERS:3 names no owners.');
  });

  it('a repository without CODEOWNERS: This File offers the starter files (welcome content), the status bar says so', async () => {
    const api = await lens();
    await open(uriIn(folders.noMap(), 'notes.md'));
    await waitFor('This File to report no map', async () => (await snapshot(api.views.thisFile.provider)).length === 0 && api.views.thisFile.state === 'noMap', {
      describe: () => api.views.thisFile.state,
    });
    await waitFor('the status bar to say there is no CODEOWNERS', () => statusOwners(api.statusBar.item.text) === '$(circle-slash) no CODEOWNERS', { describe: () => api.statusBar.item.text });
    // The welcome content that offers the command is declared for exactly this state.
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.when === 'ownershipLens.thisFileState == noMap && isWorkspaceTrusted');
    assert.ok(welcome?.contents.includes('(command:ownershipLens.createStarterFiles)'));
  });

  it('hovers resolve relative to the document in another folder', async () => {
    const hover = await hoverAt(uriIn(folders.gitlab(), 'apps/web app/src/main.ts'), '../../api/schema');
    assert.match(hover?.text ?? '', / · apps\/api\/schema\.ts\n\nSomeone else owns this: @acme\/backend\.\n/);
  });
});
