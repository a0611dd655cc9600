// "Add a CODEOWNERS Rule…" in the real VS Code: a file no rule matches gets a rule placed
// first (GitHub and GitLab), a file whose rule names no owners gets the owner on that rule, a
// folder someone owns is taken over right after the deciding rule, every surface follows the
// unsaved CODEOWNERS at once, and nothing is edited for a GitLab file already owned, in a
// repository without CODEOWNERS, or for what is not an owner.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { folders, lens, thisFile, uriIn } from './ownership';
import { waitFor } from './waitFor';

interface AddedRule {
  file: string;
  line: number;
  text: string;
}

const addRule = (uri: vscode.Uri, choice: { pattern?: string; owner?: string }) => vscode.commands.executeCommand<AddedRule | undefined>('ownershipLens.addOwnerRule', uri, choice);

async function ownersOf(uri: vscode.Uri, expected: string[], why = ''): Promise<void> {
  const api = await lens();
  let seen: string[] | undefined;
  await waitFor(`the owners of ${path.basename(uri.fsPath)} to be ${expected.join(' ') || 'none'}${why ? ` (${why})` : ''}`, async () => {
    seen = (await api.model.lookup(uri))?.owners;
    return JSON.stringify(seen) === JSON.stringify(expected);
  }, { describe: () => seen });
}

/** Puts the CODEOWNERS at `uri` back as it is on disk and closes the editors. */
async function revert(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
  if (doc?.isDirty) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Add a CODEOWNERS rule', () => {
  it('GitHub: a file no rule matches gets a rule placed first, owners lined up, shown unsaved; This File follows, other files keep their owners', async () => {
    const api = await lens();
    const editing = folders.editing();
    const codeowners = uriIn(editing, '.github/CODEOWNERS');
    const script = path.join(editing.uri.fsPath, 'scripts', 'run.sh');
    fs.mkdirSync(path.dirname(script), { recursive: true });
    fs.writeFileSync(script, 'echo hi\n');
    try {
      const tree = await thisFile(vscode.Uri.file(script), 'scripts/run.sh', (t) => t[0]?.label === 'Unowned');
      assert.equal(tree[0].contextValue, 'situation.unowned', 'the inline "Add" action shows on the situation');
      const added = await addRule(vscode.Uri.file(script), { pattern: '/scripts/', owner: '@acme/core' });
      assert.deepEqual(added, { file: codeowners.fsPath, line: 1, text: '/scripts/               @acme/core' });
      const doc = vscode.window.activeTextEditor?.document;
      assert.equal(doc?.uri.fsPath, codeowners.fsPath, 'CODEOWNERS is shown');
      assert.ok(doc.isDirty, 'left unsaved, to review');
      assert.deepEqual(doc.getText().split('\n').slice(0, 3), ['# Fixture for editing CODEOWNERS: most lines below are a case the editor reports.', '/scripts/               @acme/core', '*.md                    @acme/docs']);
      assert.deepEqual([vscode.window.activeTextEditor?.selection.start.line, vscode.window.activeTextEditor?.selection.end.line], [1, 1]);
      await ownersOf(vscode.Uri.file(script), ['@acme/core']);
      assert.deepEqual((await api.model.lookup(uriIn(editing, 'src/app.ts')))?.owners, ['@acme/ghost'], 'a file a rule owned keeps its owner');
      assert.equal(fs.readFileSync(codeowners.fsPath, 'utf8').includes('/scripts/'), false, 'nothing written to disk');
    } finally {
      await revert(codeowners);
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
    }
    await ownersOf(vscode.Uri.file(script), []);
  });

  it('a file whose rule names no owners gets the owner on that rule, not a new one', async () => {
    const main = folders.main();
    const codeowners = uriIn(main, '.github/CODEOWNERS');
    const old = uriIn(main, 'services/payments/legacy/old.go');
    try {
      await ownersOf(old, []);
      const added = await addRule(old, { pattern: '/ignored/', owner: '@acme/legacy' });
      assert.deepEqual(added, { file: codeowners.fsPath, line: 4, text: '/services/payments/legacy/ @acme/legacy' });
      const doc = await vscode.workspace.openTextDocument(codeowners);
      assert.equal(doc.lineCount, fs.readFileSync(codeowners.fsPath, 'utf8').split('\n').length, 'no line added');
      await ownersOf(old, ['@acme/legacy']);
      await ownersOf(uriIn(main, 'services/payments/client.ts'), ['@acme/payments', '@alice']);
    } finally {
      await revert(codeowners);
    }
    await ownersOf(old, []);
  });

  it('GitLab: the rule goes before the first section, where it is no named section\'s', async () => {
    const gitlab = folders.gitlab();
    const codeowners = uriIn(gitlab, 'CODEOWNERS');
    const tool = path.join(gitlab.uri.fsPath, 'tools', 'build.sh');
    fs.mkdirSync(path.dirname(tool), { recursive: true });
    fs.writeFileSync(tool, '');
    try {
      await ownersOf(vscode.Uri.file(tool), []);
      // As Before You Commit's inline action calls it: with the file's tree node, which holds its uri.
      const node = { item: new vscode.TreeItem(vscode.Uri.file(tool)) };
      const added = await vscode.commands.executeCommand<AddedRule | undefined>('ownershipLens.addOwnerRule', node, { pattern: '/tools/', owner: 'build@acme.example' });
      assert.deepEqual(added, { file: codeowners.fsPath, line: 1, text: `${'/tools/'.padEnd(32)}build@acme.example` }, 'lined up with the owners of *.sql');
      const doc = await vscode.workspace.openTextDocument(codeowners);
      assert.equal(doc.lineAt(2).text, '[Backend] @acme/backend');
      await ownersOf(vscode.Uri.file(tool), ['build@acme.example']);
      await ownersOf(uriIn(gitlab, 'apps/api/schema.ts'), ['@acme/backend']);
    } finally {
      await revert(codeowners);
      fs.rmSync(path.dirname(tool), { recursive: true, force: true });
    }
  });

  it('a folder someone owns is taken over right after the rule that decides it; the deciding rule\'s own pattern gets its owners replaced', async () => {
    const main = folders.main();
    const codeowners = uriIn(main, '.github/CODEOWNERS');
    try {
      const added = await addRule(uriIn(main, 'web'), { pattern: '/web/', owner: '@acme/web' });
      assert.deepEqual(added, { file: codeowners.fsPath, line: 2, text: '/web/                   @acme/web' }, 'after line 2, the catch-all that owns web/ today');
      await ownersOf(uriIn(main, 'web/checkout.ts'), ['@acme/web']);
      await ownersOf(uriIn(main, 'services/payments/client.ts'), ['@acme/payments', '@alice']);
      await revert(codeowners);
      await ownersOf(uriIn(main, 'web/checkout.ts'), ['@acme/platform']);

      const replaced = await addRule(uriIn(main, 'services/payments/charge.go'), { pattern: '/services/payments/', owner: '@acme/pay' });
      assert.deepEqual(replaced, { file: codeowners.fsPath, line: 2, text: '/services/payments/     @acme/pay' });
      const doc = await vscode.workspace.openTextDocument(codeowners);
      assert.equal(doc.lineCount, fs.readFileSync(codeowners.fsPath, 'utf8').split('\n').length, 'no line added');
      await ownersOf(uriIn(main, 'services/payments/client.ts'), ['@acme/pay']);
      await ownersOf(uriIn(main, 'services/payments/legacy/old.go'), [], 'the later rule that names no owners still decides');
    } finally {
      await revert(codeowners);
    }
  });

  it('edits nothing for a GitLab file already owned, in a repository without CODEOWNERS, or for what is not an owner', async () => {
    const main = folders.main();
    const codeowners = uriIn(main, '.github/CODEOWNERS');
    assert.equal(await addRule(uriIn(folders.gitlab(), 'apps/api/schema.ts'), { pattern: '/apps/', owner: '@acme/x' }), undefined, 'owned, on GitLab');
    assert.equal(await addRule(uriIn(folders.noMap(), 'notes.md'), { pattern: '/', owner: '@acme/x' }), undefined, 'no CODEOWNERS');
    assert.equal(await addRule(uriIn(main, 'services/payments/legacy/old.go'), { owner: 'not an owner' }), undefined, 'not an owner');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.fsPath === codeowners.fsPath)?.isDirty ?? false, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
