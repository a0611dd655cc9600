// Problems in a team's own rubric file (YAML or schema errors) on its lines and in the Problems
// panel: the Rubric view says that the bundled rubric stands in, this says where to fix it.
import vscode = require('vscode');
import { diagnosticsKey, toVscodeDiagnostic } from './codeowners/diagnostics';
import type { OwnershipModel, RubricState } from './model/ownershipModel';

export function registerRubricDiagnostics(context: vscode.ExtensionContext, model: OwnershipModel): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('ownershipLens.rubric');
  let generation = 0;
  // The model fires on every CODEOWNERS keystroke: the collection is sent to the window only when it changes.
  let shown = '';
  const update = async () => {
    const mine = ++generation;
    const folders = vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
    const states = await Promise.all((folders.length > 0 ? folders : [undefined]).map((uri) => model.rubricFor(uri).catch(() => undefined)));
    if (mine !== generation) return;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const state of states) if (state?.customFile) byFile.set(state.customFile, diagnosticsOf(state));
    const next = JSON.stringify([...byFile].map(([file, ds]) => [file, diagnosticsKey(ds)]));
    if (next === shown) return;
    shown = next;
    collection.clear();
    for (const [file, ds] of byFile) if (ds.length > 0) collection.set(vscode.Uri.file(file), ds);
  };
  const first = setTimeout(() => void update(), 0);
  context.subscriptions.push(collection, model.onDidChange(() => void update()), { dispose: () => clearTimeout(first) });
  return collection;
}

function diagnosticsOf(state: RubricState): vscode.Diagnostic[] {
  // The file need not be open: VS Code clamps each range to its line.
  return state.diagnostics.map((d) => toVscodeDiagnostic(undefined, d));
}
