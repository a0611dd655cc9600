// Editing CODEOWNERS in the real VS Code: the language, diagnostics as you type (the parser's,
// unknown owners, and the analysis against the tracked files), quick fixes, the rule hover,
// CodeLens counts, go to definition on an owner, and the ownership map webview. The fixture
// is test/integration/fixtures/editing (a GitHub CODEOWNERS with one case per line).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { folders, lens, uriIn, unescapeMarkdown, withSetting } from './ownership';
import { git } from './gitCli';
import { waitFor } from './waitFor';


const codeownersUri = () => uriIn(folders.editing(), '.github/CODEOWNERS');

type Seen = [code: string, line: number, start: number, end: number];

function ours(uri: vscode.Uri): Seen[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Ownership Lens')
    .map((d): Seen => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

/** What the fixture's CODEOWNERS gets, once the tracked files are analysed (0-based lines). */
const EXPECTED: Seen[] = [
  ['shadowed-rule', 2, 0, 5],
  ['duplicate-pattern', 4, 0, 12],
  ['no-match', 5, 0, 8],
  ['unknown-owner', 6, 24, 35],
  ['no-match', 7, 0, 14],
  ['invalid-owner', 7, 15, 23],
  ['shadowed-rule', 8, 0, 6],
];

async function openCodeowners(): Promise<vscode.TextEditor> {
  await lens();
  return vscode.window.showTextDocument(codeownersUri(), { preview: false });
}

async function diagnosticsSettle(expected: Seen[]): Promise<void> {
  const uri = codeownersUri();
  await waitFor('the CODEOWNERS diagnostics', () => JSON.stringify(ours(uri)) === JSON.stringify(expected), { describe: () => ours(uri) });
}

/** The fixture's CODEOWNERS, its diagnostics settled, with `text` typed on its last (empty) line, and that line. */
async function typedAtEnd(text: string): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; line: number }> {
  const editor = await openCodeowners();
  await diagnosticsSettle(EXPECTED);
  const line = editor.document.lineCount - 1;
  await editor.edit((b) => b.insert(new vscode.Position(line, 0), text));
  return { editor, uri: codeownersUri(), line };
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

describe('Editing CODEOWNERS', () => {
  // A failed test must not leave its edits to the next one.
  afterEach(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === codeownersUri().toString());
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('is the codeowners language wherever a host looks for it', async () => {
    const editor = await openCodeowners();
    assert.equal(editor.document.languageId, 'codeowners');
    for (const uri of [uriIn(folders.main(), '.github/CODEOWNERS'), uriIn(folders.gitlab(), 'CODEOWNERS')]) {
      assert.equal((await vscode.workspace.openTextDocument(uri)).languageId, 'codeowners', uri.fsPath);
    }
  });

  it('reports each problem with its code and range: syntax, owners, duplicates, shadowed and unmatched rules', async () => {
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    const byCode = new Map(vscode.languages.getDiagnostics(codeownersUri()).map((d) => [`${d.code}@${d.range.start.line}`, d]));
    assert.match(byCode.get('shadowed-rule@2')?.message ?? '', /taken by later rules \(line 5 "\/src\/legacy\/", line 7 "\/src\/app\.ts"\)/);
    assert.equal(byCode.get('shadowed-rule@2')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(byCode.get('no-match@5')?.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(byCode.get('invalid-owner@7')?.severity, vscode.DiagnosticSeverity.Error);
    // The places a message names are related information: links in the Problems panel.
    const related = (key: string) => byCode.get(key)?.relatedInformation?.map((r) => [path.relative(folders.editing().uri.fsPath, r.location.uri.fsPath), r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message]);
    assert.deepEqual(related('shadowed-rule@2'), [
      [path.join('.github', 'CODEOWNERS'), 4, 0, 12, 'takes 1 of its 2 files'],
      [path.join('.github', 'CODEOWNERS'), 6, 0, 11, 'takes 1 of its 2 files'],
    ]);
    assert.deepEqual(related('duplicate-pattern@4'), [[path.join('.github', 'CODEOWNERS'), 3, 0, 12, 'the earlier rule with this pattern']]);
    assert.equal(byCode.get('no-match@5')?.relatedInformation, undefined, 'nothing to link to');
  });

  it('re-diagnoses the unsaved buffer as you type, and forgets the edit when it is reverted', async () => {
    const editor = await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    // Fix the unknown owner in the buffer only.
    const line = editor.document.lineAt(6);
    await editor.edit((b) => b.replace(new vscode.Range(6, 24, 6, line.text.length), '@acme/core'));
    await diagnosticsSettle(EXPECTED.filter(([code]) => code !== 'unknown-owner'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);
  });

  it("analyses typing once the burst is over, not again at once for the model's change it causes; an ownership.yml edit does read it again", async () => {
    const { analysis } = (await lens()).codeowners;
    const editor = await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    // Typing in CODEOWNERS changes the model (its buffer is the map), but nothing the
    // document's findings depend on besides its own text, which the text change schedules.
    const handled = analysis.modelChangesHandled;
    const rescheduled = analysis.rescheduledForModel;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '# a note\n'));
    await analysis.whenAnalysed(editor.document);
    await waitFor("the model's change for the edit to be handled", () => analysis.modelChangesHandled > handled);
    assert.equal(analysis.rescheduledForModel, rescheduled, 'the model change did not schedule the CODEOWNERS again');
    await diagnosticsSettle(EXPECTED);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);

    // ownership.yml decides which owners are unknown: an edit to it (unsaved) does.
    const yml = await vscode.window.showTextDocument(uriIn(folders.editing(), '.github/ownership.yml'), { preview: false });
    const before = analysis.rescheduledForModel;
    try {
      await yml.edit((b) => b.insert(new vscode.Position(yml.document.lineCount, 0), '\n# edited\n'));
      await waitFor('the ownership.yml edit to schedule the CODEOWNERS again', () => analysis.rescheduledForModel > before, { describe: () => analysis.rescheduledForModel - before });
    } finally {
      await vscode.window.showTextDocument(yml.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  /** What EXPECTED becomes once a file under assets/ is listed: the /assets/ rule matches. */
  const ASSETS_MATCHED = EXPECTED.filter(([code, line]) => !(code === 'no-match' && line === 5));

  async function applyEdit(build: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    build(edit);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  it('follows files created, deleted and renamed through VS Code: a file where a rule matched nothing clears its no-match', async () => {
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    const logo = uriIn(folders.editing(), 'assets/logo.svg');
    const elsewhere = uriIn(folders.editing(), 'art/logo.svg');
    const dirs = ['assets', 'art'].map((d) => uriIn(folders.editing(), d));
    try {
      // VS Code reports these operations itself (onDidCreateFiles and the like): no file watcher is involved.
      await applyEdit((e) => e.createFile(logo, { contents: Buffer.from('<svg/>') }));
      await diagnosticsSettle(ASSETS_MATCHED);
      await applyEdit((e) => e.deleteFile(logo));
      await diagnosticsSettle(EXPECTED);
      await applyEdit((e) => e.createFile(elsewhere, { contents: Buffer.from('<svg/>') }));
      await applyEdit((e) => e.renameFile(elsewhere, logo));
      await diagnosticsSettle(ASSETS_MATCHED);
    } finally {
      await applyEdit((e) => dirs.forEach((d) => e.deleteFile(d, { recursive: true, ignoreIfNotExists: true })));
    }
    await diagnosticsSettle(EXPECTED);
  });

  it('follows the index: a file git ignores counts once git add -f puts it in the index, and stops once git rm --cached takes it out', async () => {
    const { analysis } = (await lens()).codeowners;
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    const root = folders.editing().uri.fsPath;
    const exclude = path.join(root, '.git', 'info', 'exclude');
    const excludeBefore = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : undefined;
    const dir = path.join(root, 'assets');
    try {
      // Ignored, the file is never untracked in the Git extension's status: only the git
      // directory's watcher can see it come and go.
      const asked = analysis.relistsAsked;
      fs.mkdirSync(path.dirname(exclude), { recursive: true });
      fs.appendFileSync(exclude, '\n/assets/\n');
      await waitFor('info/exclude to ask for a re-listing', () => analysis.relistsAsked > asked);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg/>');
      git(root, 'add', '-f', '--', 'assets/logo.svg');
      await diagnosticsSettle(ASSETS_MATCHED);
      git(root, 'rm', '-q', '--cached', '--', 'assets/logo.svg');
      await diagnosticsSettle(EXPECTED);
    } finally {
      git(root, 'rm', '-q', '--cached', '--ignore-unmatch', '--', 'assets/logo.svg');
      fs.rmSync(dir, { recursive: true, force: true });
      if (excludeBefore === undefined) fs.rmSync(exclude, { force: true });
      else fs.writeFileSync(exclude, excludeBefore);
    }
  });

  it('never lists the files again for files created under node_modules or .git', async () => {
    const { analysis } = (await lens()).codeowners;
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    // Counted apart from the git directory's watcher, whose events for the previous test's
    // clean-up (it rewrites info/exclude) can still be on their way.
    const fromOperations = analysis.fileEvents.fromFileOperations;
    const skipped = analysis.fileEvents.skipped;
    const created = ['node_modules/left-pad/index.js', '.git/ownership-lens-probe'].map((p) => uriIn(folders.editing(), p));
    try {
      await applyEdit((e) => created.forEach((uri) => e.createFile(uri, { contents: Buffer.from('x') })));
      // A re-listing is asked for while the event is handled: once both are set aside, none can follow.
      await waitFor('both creations to be set aside', () => analysis.fileEvents.skipped >= skipped + 2, { describe: () => analysis.fileEvents.skipped - skipped });
      assert.equal(analysis.fileEvents.fromFileOperations, fromOperations, 'no re-listing was asked for');
    } finally {
      fs.rmSync(uriIn(folders.editing(), 'node_modules').fsPath, { recursive: true, force: true });
      fs.rmSync(created[1].fsPath, { force: true });
    }
  });

  it('offers quick fixes and applies them: remove a dead rule, remove the earlier duplicate, escape a space', async () => {
    const editor = await openCodeowners();
    const uri = codeownersUri();
    await diagnosticsSettle(EXPECTED);
    const pick = async (line: number, start: number, title: RegExp) => {
      const actions = await actionsAt(uri, new vscode.Range(line, start, line, start + 1));
      const found = actions.find((a) => title.test(a.title));
      assert.ok(found?.edit, `no quick fix ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(found.kind?.value, vscode.CodeActionKind.QuickFix.value);
      return found;
    };
    const escape = await pick(7, 15, /^Escape the space: "\/notes\/meeting\\ notes\.md"$/);
    const dead = await pick(5, 0, /^Remove the rule "\/assets\/" \(it matches no tracked file\)$/);
    const duplicate = await pick(4, 0, /^Remove the earlier "\/src\/legacy\/" on line 4 \(it has no effect\)$/);
    const shadowed = await pick(8, 0, /^Remove the rule "\/docs\/" \(it never applies\)$/);
    assert.equal((await actionsAt(uri, new vscode.Range(1, 0, 1, 1))).filter((a) => a.title.startsWith('Remove')).length, 0, 'a rule that applies has no fix');

    assert.ok(await vscode.workspace.applyEdit(escape.edit as vscode.WorkspaceEdit));
    assert.equal(editor.document.lineAt(7).text, '/notes/meeting\\ notes.md @acme/docs');
    // The escaped pattern now names the file: no more no-match or invalid owner on that line.
    await waitFor('the escaped line to be clean', () => !ours(uri).some(([, l]) => l === 7), { describe: () => ours(uri) });

    assert.ok(await vscode.workspace.applyEdit(dead.edit as vscode.WorkspaceEdit));
    assert.ok(!editor.document.getText().includes('/assets/'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);

    // Bottom up: each edit was computed on the unedited text.
    for (const action of [shadowed, duplicate]) {
      assert.ok(await vscode.workspace.applyEdit(action.edit as vscode.WorkspaceEdit));
    }
    const lines = editor.document.getText().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('/src/legacy/')).length, 1);
    assert.ok(lines.some((l) => l.startsWith('/src/legacy/            @acme/legacy')), 'the later duplicate stays');
    assert.ok(!lines.some((l) => l.startsWith('/docs/ ')), 'the shadowed /docs/ is gone');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);
  });

  it('offers to respell a path that matches nothing as the one that is there, before removing the rule', async () => {
    const { editor, uri, line } = await typedAtEnd('/docs/guid.md @acme/docs\n');
    await waitFor('the no-match on the typed rule', () => ours(uri).some(([code, l]) => code === 'no-match' && l === line), { describe: () => ours(uri) });
    const actions = await actionsAt(uri, new vscode.Range(line, 0, line, 1));
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Change the pattern') || a.title.startsWith('Remove the rule')).map((a) => [a.title, a.isPreferred === true]),
      [
        ['Change the pattern to "/docs/guide.md", which is there', true],
        ['Remove the rule "/docs/guid.md" (it matches no tracked file)', false],
      ],
    );
    const respell = actions.find((a) => a.title.startsWith('Change the pattern'));
    assert.ok(await vscode.workspace.applyEdit(respell?.edit as vscode.WorkspaceEdit));
    assert.equal(editor.document.lineAt(line).text, '/docs/guide.md @acme/docs');
    await waitFor('the respelled rule to match', () => !ours(uri).some(([code, l]) => code === 'no-match' && l === line), { describe: () => ours(uri) });
  });

  it('offers to write a `folder/*` that leaves its subfolders without owner as `folder/`', async () => {
    // The first line un-owns src/legacy/; the second covers only the files directly in src/.
    const { editor, uri, line } = await typedAtEnd('/src/legacy/\n/src/* @acme/core\n');
    const warned = () => ours(uri).some(([code, l]) => code === 'direct-children-only' && l === line + 1);
    await waitFor('the direct-children-only warning on the typed rule', warned, { describe: () => ours(uri) });
    const actions = await actionsAt(uri, new vscode.Range(line + 1, 0, line + 1, 1));
    const fix = actions.find((a) => a.title === 'Write "/src/" (the whole folder)');
    assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(line + 1).text, '/src/ @acme/core');
    await waitFor('the warning to go', () => !warned(), { describe: () => ours(uri) });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);
  });

  it('separates owners written together (`@a@b`) and removes repeated owners, one at a time or all at once', async () => {
    const { editor, uri, line } = await typedAtEnd('/docs/ @acme/docs@acme/core @acme/docs @ACME/docs\n');
    const found = () => ours(uri).filter(([code, l]) => l === line && (code === 'invalid-owner' || code === 'repeated-owner'));
    await waitFor('the invalid and repeated owners on the typed line', () => found().length === 2, { describe: () => ours(uri) });
    assert.deepEqual(found(), [['invalid-owner', line, 7, 27], ['repeated-owner', line, 39, 49]]);
    const separate = (await actionsAt(uri, new vscode.Range(line, 7, line, 8))).find((a) => a.title === 'Separate the owners: "@acme/docs @acme/core"');
    assert.ok(separate?.edit, 'no "Separate the owners" fix');
    assert.ok(await vscode.workspace.applyEdit(separate.edit));
    assert.equal(editor.document.lineAt(line).text, '/docs/ @acme/docs @acme/core @acme/docs @ACME/docs');
    // Separated, the first @acme/docs counts: both later ones are repeats, and go at once.
    await waitFor('two repeats', () => JSON.stringify(found()) === JSON.stringify([['repeated-owner', line, 29, 39], ['repeated-owner', line, 40, 50]]), { describe: () => ours(uri) });
    const all = (await actionsAt(uri, new vscode.Range(line, 29, line, 30))).find((a) => a.title === 'Remove all 2 repeated owners');
    assert.ok(all?.edit, JSON.stringify((await actionsAt(uri, new vscode.Range(line, 29, line, 30))).map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(editor.document.lineAt(line).text, '/docs/ @acme/docs @acme/core');
    await waitFor('the line to be clean of owner findings', () => found().length === 0, { describe: () => ours(uri) });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsSettle(EXPECTED);
  });

  it('GitLab: flags an owner word GitLab reads otherwise (`@a,@b`) and rewrites it as the owners GitLab reads', async () => {
    const uri = uriIn(folders.gitlab(), 'CODEOWNERS');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    try {
      // The file ends with a line break: its last line is empty, and the new rule goes there.
      const line = editor.document.lineCount - 1;
      assert.equal(editor.document.lineAt(line).text, '');
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '/apps/api/notes.txt @acme/a,@acme/b\n'));
      const flagged = () => ours(uri).find(([code, l]) => code === 'owner-read-as' && l === line);
      await waitFor('the owner-read-as warning on the typed line', () => flagged() !== undefined, { describe: () => ours(uri) });
      assert.deepEqual(flagged(), ['owner-read-as', line, 20, 35]);
      const actions = await actionsAt(uri, new vscode.Range(line, 20, line, 21));
      const fix = actions.find((a) => a.title === 'Write "@acme/a,@acme/b" as "@acme/a @acme/b"');
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(await vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));
      assert.equal(editor.document.lineAt(line).text, '/apps/api/notes.txt @acme/a @acme/b');
      await waitFor('the rewritten line to be clean of owner findings', () => !ours(uri).some(([code, l]) => l === line && (code === 'owner-read-as' || code === 'invalid-owner')), { describe: () => ours(uri) });
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('GitLab: rewrites every such owner word at once, as a "Fix all" and as source.fixAll (on save)', async () => {
    const uri = uriIn(folders.gitlab(), 'CODEOWNERS');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    try {
      const line = editor.document.lineCount - 1;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '/apps/api/a.txt @acme/a,@acme/b\n/apps/api/b.txt (@acme/c)\n'));
      const flagged = () => ours(uri).filter(([code, l]) => code === 'owner-read-as' && l >= line);
      await waitFor('the owner-read-as warnings on both typed lines', () => flagged().length === 2, { describe: () => ours(uri) });
      const actions = await actionsAt(uri, new vscode.Range(line, 16, line, 17));
      const all = actions.find((a) => a.title === 'Write all 2 owner words as the owners GitLab reads');
      assert.ok(all?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(all.kind?.value, vscode.CodeActionKind.QuickFix.value);
      // Asked for the fix-all kind, as codeActionsOnSave asks: one action, the same rewrites.
      const onSave = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value)) ?? [];
      const ownFixAll = onSave.filter((a) => a.kind?.value === 'source.fixAll.ownership-lens');
      assert.equal(ownFixAll.length, 1, JSON.stringify(onSave.map((a) => [a.title, a.kind?.value])));
      assert.ok(await vscode.workspace.applyEdit(ownFixAll[0].edit as vscode.WorkspaceEdit));
      assert.equal(editor.document.lineAt(line).text, '/apps/api/a.txt @acme/a @acme/b');
      assert.equal(editor.document.lineAt(line + 1).text, '/apps/api/b.txt @acme/c');
      await waitFor('both lines clean of owner findings', () => !ours(uri).some(([code, l]) => l >= line && (code === 'owner-read-as' || code === 'invalid-owner')), { describe: () => ours(uri) });
      // Nothing left to rewrite: no fix-all action at all.
      const after = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value)) ?? [];
      assert.deepEqual(after.filter((a) => a.kind?.value === 'source.fixAll.ownership-lens'), []);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('GitLab: the outline holds a symbol per section header with its rules and their owners; sections fold', async () => {
    const uri = uriIn(folders.gitlab(), 'CODEOWNERS');
    await vscode.window.showTextDocument(uri, { preview: false });
    type Shown = [name: string, detail: string, start: number, end: number, children?: Shown[]];
    const shown = (s: vscode.DocumentSymbol): Shown => {
      const row: Shown = [s.name, s.detail, s.range.start.line, s.range.end.line];
      if (s.children.length > 0) row.push(s.children.map(shown));
      return row;
    };
    const symbols = () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const got = await waitFor('the CODEOWNERS symbols', async () => {
      const s = (await symbols()) ?? [];
      return s.length > 0 ? s : undefined;
    });
    assert.deepEqual(got.map(shown), [
      ['[Backend]', '@acme/backend', 1, 4, [
        ['/apps/api/', '@acme/backend', 2, 2],
        ['*.sql', '@acme/dba', 3, 3],
        ['/vendor/', '@acme/vendoring', 4, 4],
      ]],
      ['^[Docs]', '@acme/docs', 6, 7, [['*.md', '@acme/docs', 7, 7]]],
      ['[Web]', '[2] @acme/web', 9, 11, [
        ['/apps/web\\ app/', '@acme/web', 10, 10],
        ['/apps/web\\ app/src/', 'maria@acme.example @acme/web', 11, 11],
      ]],
    ]);
    // Go to Symbol selects the pattern itself.
    const api = got[0].children[0].selectionRange;
    assert.deepEqual([api.start.line, api.start.character, api.end.character], [2, 0, 10]);
    const folds = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
    assert.deepEqual(
      folds.map((f) => [f.start, f.end]).sort((a, b) => a[0] - b[0]),
      [
        [1, 4],
        [6, 7],
        [9, 11],
      ],
    );
  });

  it('GitHub: the outline lists every rule with its owners, and a block of comments folds', async () => {
    const editor = await openCodeowners();
    const uri = codeownersUri();
    const got = await waitFor('the CODEOWNERS symbols', async () => {
      const s = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      return s.length > 0 ? s : undefined;
    });
    assert.deepEqual(
      got.slice(0, 3).map((s) => [s.name, s.detail, s.range.start.line, s.children.length]),
      [
        ['*.md', '@acme/docs', 1, 0],
        ['/src/', '@acme/core', 2, 0],
        ['/src/legacy/', '@acme/core', 3, 0],
      ],
    );
    assert.equal(got.length, 9, 'one per rule');
    // A second comment line under the first: the two fold together.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '# (one case per line)\n'));
    const folds = await waitFor('a comment block to fold', async () => {
      const f = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
      return f.length > 0 ? f : undefined;
    });
    assert.deepEqual(
      folds.map((f) => [f.start, f.end, f.kind]),
      [[0, 1, vscode.FoldingRangeKind.Comment]],
    );
  });

  it('offers owners as one is typed: the teams of ownership.yml with their names first, then the others the file names; none on a pattern', async () => {
    const editor = await openCodeowners();
    const uri = codeownersUri();
    const line = editor.document.lineCount - 1;
    assert.equal(editor.document.lineAt(line).text, '');
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '/newdir/ @'));
    const ours = async (character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character), '@');
      // VS Code adds the words of the document (kind Text); ours are owners.
      return list.items
        .filter((i) => i.kind !== vscode.CompletionItemKind.Text)
        .sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))
        .map((i) => (typeof i.label === 'string' ? [i.label] : [i.label.label, i.label.description ?? '']));
    };
    assert.deepEqual(await ours(10), [
      ['@acme/docs', 'Docs'],
      ['@acme/core', 'Core'],
      ['@acme/legacy', 'Legacy'],
      ['@acme/design', 'Design'],
      // Not in ownership.yml (unknown-owner flags it), but the file names it.
      ['@acme/ghost', ''],
    ]);
    assert.deepEqual(await ours(3), [], 'the cursor is on the pattern');
  });

  it('offers the folders and files of the repository as a pattern is typed; a name with a space comes escaped', async () => {
    const editor = await openCodeowners();
    const uri = codeownersUri();
    const line = editor.document.lineCount - 1;
    const offered = async (text: string) => {
      await editor.edit((b) => b.replace(editor.document.lineAt(line).range, text));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, text.length), '/');
      return list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Folder || i.kind === vscode.CompletionItemKind.File)
        .sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))
        .map((i) => [typeof i.label === 'string' ? i.label : i.label.label, String(i.insertText)]);
    };
    // Folders first, and no .git.
    assert.deepEqual(await offered('/'), [
      ['.github/', '.github/'],
      ['docs/', 'docs/'],
      ['notes/', 'notes/'],
      ['src/', 'src/'],
      ['README.md', 'README.md'],
    ]);
    assert.deepEqual(await offered('/notes/'), [['meeting notes.md', 'meeting\\ notes.md']]);
    assert.deepEqual(await offered('/src/le'), [['legacy/', 'legacy/']]);
    assert.deepEqual(await offered('/src/*/'), [], 'a glob is not a path');
  });

  it('hovers a pattern: files matched and won, examples, and the later rules that take the rest', async () => {
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', codeownersUri(), new vscode.Position(1, 2))) ?? [];
    const values = hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : c.value)));
    const rule = values.find((v) => v.startsWith('$(list-filter)'));
    assert.ok(rule, JSON.stringify(values));
    const text = unescapeMarkdown(rule);
    assert.match(text, /^\$\(list-filter\) \*\*\*\.md\*\* · line 2\n\nMatches 3 tracked files; its owners decide 2 of them\.\n\n/);
    assert.ok(text.includes('README.md') && text.includes('notes/meeting notes.md'), text);
    assert.ok(text.endsWith('Later rules take the rest: line 10 "/docs/guide.md" takes 1'), text);
  });

  it('shows a CodeLens per rule with its counts', async () => {
    await openCodeowners();
    await diagnosticsSettle(EXPECTED);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', codeownersUri(), 100)) ?? [];
    const titles = new Map(lenses.filter((l) => l.command).map((l) => [l.range.start.line, l.command?.title]));
    assert.equal(titles.get(1), 'matches 3 tracked files · wins 2');
    assert.equal(titles.get(2), 'matches 2 tracked files · wins 0');
    assert.equal(titles.get(5), 'matches no tracked file');
    assert.equal(titles.get(9), 'matches 1 tracked file · wins 1');
    assert.equal(lenses.length, 9, 'one per rule');
  });

  it('goes from an owner to its ownership.yml entry', async () => {
    await openCodeowners();
    const locations = (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', codeownersUri(), new vscode.Position(2, 28))) ?? [];
    assert.equal(locations.length, 1, JSON.stringify(locations));
    const loc = locations[0];
    const uri = 'uri' in loc ? loc.uri : loc.targetUri;
    const range = 'range' in loc ? loc.range : loc.targetRange;
    assert.equal(uri.toString(), uriIn(folders.editing(), '.github/ownership.yml').toString());
    assert.deepEqual([range.start.line, range.start.character], [4, 2]);
    const none = (await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', codeownersUri(), new vscode.Position(6, 28))) ?? [];
    assert.equal(none.length, 0, 'an owner ownership.yml does not describe has no definition');
  });

  it("finds all references of an owner: the rules that name it and its ownership.yml entry", async () => {
    await openCodeowners();
    const refs = async (line: number, character: number) =>
      ((await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', codeownersUri(), new vscode.Position(line, character))) ?? [])
        .map((l) => [path.basename(l.uri.fsPath), l.range.start.line, l.range.start.character])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    // @acme/docs, on `*.md`: lines 1, 7, 8 and 9 name it; ownership.yml describes it.
    assert.deepEqual(await refs(1, 26), [
      ['CODEOWNERS', 1, 24],
      ['CODEOWNERS', 7, 24],
      ['CODEOWNERS', 8, 24],
      ['CODEOWNERS', 9, 24],
      ['ownership.yml', 2, 2],
    ]);
    // @acme/ghost: one rule, and no entry to declare it.
    assert.deepEqual(await refs(6, 26), [['CODEOWNERS', 6, 24]]);
    assert.deepEqual(await refs(1, 2), [], 'on a pattern, no owner');
  });

  it('renames an owner (F2) in every rule that names it and in ownership.yml; refuses what is not an owner', async () => {
    await openCodeowners();
    const uri = codeownersUri();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, new vscode.Position(1, 26), '@acme/documentation');
    const changes = edit
      .entries()
      .flatMap(([u, edits]) => edits.map((e) => [path.basename(u.fsPath), e.range.start.line, e.range.start.character, e.range.end.character, e.newText]))
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    assert.deepEqual(changes, [
      ['CODEOWNERS', 1, 24, 34, '@acme/documentation'],
      ['CODEOWNERS', 7, 24, 34, '@acme/documentation'],
      ['CODEOWNERS', 8, 24, 34, '@acme/documentation'],
      ['CODEOWNERS', 9, 24, 34, '@acme/documentation'],
      ['ownership.yml', 2, 3, 13, '@acme/documentation'],
    ]);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, new vscode.Position(1, 26), 'not an owner')),
      /is not an owner here/,
    );
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, new vscode.Position(1, 2), '@x')), /Only an owner can be renamed/);
  });

  it('makes a pattern that names one path a link: the file opens, a folder shows in the Explorer, a missing path shows the nearest folder that is there', async () => {
    await openCodeowners();
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', codeownersUri(), 20)) ?? [];
    const seen = links
      .map((l) => {
        const t = l.target;
        const revealed = t?.scheme === 'command' ? (JSON.parse(decodeURIComponent(t.query)) as Array<{ path: string }>)[0].path : '';
        const what = t === undefined ? 'none' : t.scheme === 'file' ? `file ${path.basename(t.fsPath)}` : `${t.scheme}:${t.path} ${path.basename(revealed)}`;
        if (l.tooltip?.includes('not in the working tree')) return [l.range.start.line, l.range.start.character, l.range.end.character, what, l.tooltip];
        return [l.range.start.line, l.range.start.character, l.range.end.character, what];
      })
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    const root = path.basename(folders.editing().uri.fsPath);
    assert.deepEqual(seen, [
      [2, 0, 5, 'command:revealInExplorer src'],
      [3, 0, 12, 'command:revealInExplorer legacy'],
      [4, 0, 12, 'command:revealInExplorer legacy'],
      [5, 0, 8, `command:revealInExplorer ${root}`, 'assets is not in the working tree: show the repository root in the Explorer'],
      [6, 0, 11, 'file app.ts'],
      // `/notes/meeting notes.md` unescaped: the pattern is `/notes/meeting`, which is not there.
      [7, 0, 14, 'command:revealInExplorer notes', 'notes/meeting is not in the working tree: show notes in the Explorer'],
      [8, 0, 6, 'command:revealInExplorer docs'],
      [9, 0, 14, 'file guide.md'],
    ]);
  });

  it('shows the ownership map in a webview under a strict Content Security Policy', async () => {
    const api = await lens();
    await openCodeowners();
    await vscode.commands.executeCommand('ownershipLens.showOwnershipMap');
    const panel = await waitFor('the ownership map panel', () => api.codeowners.map.panel?.webview.html !== '' && api.codeowners.map.panel);
    const { html, options } = panel.webview;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, csp);
    assert.match(csp, /^default-src 'none';/);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`), csp);
    assert.ok(html.includes(`<script nonce="${nonce}">`));
    assert.ok(html.includes('<b>7</b>tracked files'), 'the editing fixture has seven files, untracked but not ignored');
    assert.deepEqual(options.localResourceRoots?.map((u) => u.path.split('/').pop()), ['media']);
    // A new load draws a new nonce.
    await vscode.commands.executeCommand('ownershipLens.showOwnershipMap');
    await waitFor('a new nonce', () => !panel.webview.html.includes(nonce));
    panel.dispose();
  });

  it("says in the language status which host's syntax the file is read with and why, follows the active editor, and opens the flavor setting", async () => {
    const api = await lens();
    const item = api.codeowners.flavor.item;
    const status = () => [item.text, item.detail];
    const shows = async (uri: vscode.Uri, expected: [string, string]) => {
      await vscode.window.showTextDocument(uri, { preview: false });
      await waitFor(`the language status of ${path.basename(path.dirname(uri.fsPath))}/${path.basename(uri.fsPath)}`, () => JSON.stringify(status()) === JSON.stringify(expected), { describe: status });
    };
    await shows(uriIn(folders.gitlab(), 'CODEOWNERS'), ['GitLab syntax', 'line 2 is a GitLab section header']);
    assert.equal(item.name, 'CODEOWNERS syntax');
    assert.deepEqual([item.command?.command, item.command?.arguments], ['workbench.action.openSettings', ['ownershipLens.flavor']]);
    assert.deepEqual(item.selector, { language: 'codeowners' });
    await shows(codeownersUri(), ['GitHub syntax', 'only GitHub reads a CODEOWNERS in .github/']);

    // A docs/ file (either host's) with no GitLab sign is GitHub's; a role owner typed into it makes it GitLab's.
    const docs = path.join(folders.noMap().uri.fsPath, 'docs');
    const file = path.join(docs, 'CODEOWNERS');
    fs.mkdirSync(docs);
    fs.writeFileSync(file, '# Docs\n*.md @acme/docs\n');
    try {
      await shows(vscode.Uri.file(file), ['GitHub syntax', 'no line is a GitLab section header or names a role']);
      const editor = vscode.window.activeTextEditor as vscode.TextEditor;
      await editor.edit((b) => b.insert(new vscode.Position(2, 0), '/db/ @@maintainer\n'));
      await shows(vscode.Uri.file(file), ['GitLab syntax', 'line 3 names a GitLab role (@@)']);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      const restore = await withSetting('ownershipLens.flavor', 'bitbucket');
      try {
        await shows(vscode.Uri.file(file), ['Bitbucket syntax', 'the ownershipLens.flavor setting says bitbucket']);
      } finally {
        await restore();
      }
      await shows(vscode.Uri.file(file), ['GitHub syntax', 'no line is a GitLab section header or names a role']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(docs, { recursive: true, force: true });
    }
  });
});
