// Rename Symbol (F2) on an owner in CODEOWNERS: a team renamed on the host is renamed in every
// rule and GitLab section header that names it (case aside), and wherever ownership.yml names
// it as a whole word (its key, member lists, prose). VS Code shows the edit before applying it.
import nodePath = require('node:path');
import vscode = require('vscode');
import { splitLines } from '../../core/codeowners/line-text';
import { classifyOwner } from '../../core/codeowners/owners';
import { showControls } from '../util/inertText';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { handleMentions, ownerAt, ownerOccurrences } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

export class OwnerRenameProvider implements vscode.RenameProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async prepareRename(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<{ range: vscode.Range; placeholder: string }> {
    const { owner } = await this.ownerAt(doc, position, token);
    return { range: new vscode.Range(position.line, owner.column - 1, position.line, owner.column - 1 + owner.text.length), placeholder: owner.text };
  }

  async provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit> {
    const { state, owner } = await this.ownerAt(doc, position, token);
    const name = newName.trim();
    if (classifyOwner(name, state.flavor) === null) throw new Error(`"${showControls(name)}" is not an owner here: use @user, @org/team or an email address${state.flavor === 'gitlab' ? ' (or @group/subgroup, @@role)' : ''}.`);
    const edit = new vscode.WorkspaceEdit();
    for (const o of ownerOccurrences(state.parsed, splitLines(state.text), owner.text)) edit.replace(doc.uri, new vscode.Range(o.line, o.character, o.line, o.character + o.length), name);
    if (state.config.file !== null) {
      const file = vscode.Uri.file(nodePath.resolve(state.root, state.config.file));
      const yaml = await vscode.workspace.openTextDocument(file);
      for (const m of handleMentions(yaml.getText(), owner.text)) edit.replace(file, new vscode.Range(m.line, m.character, m.line, m.character + m.length), name);
    }
    return edit;
  }

  private async ownerAt(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    const state = await this.analysis.parsedNow(doc, token);
    const owner = state && ownerAt(state.parsed, position.line, doc.lineAt(position.line).text, position.character);
    if (!state || !owner) throw new Error('Only an owner can be renamed here: put the cursor on one.');
    return { state, owner };
  }
}

export function registerOwnerRename(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): OwnerRenameProvider {
  const provider = new OwnerRenameProvider(analysis);
  context.subscriptions.push(vscode.languages.registerRenameProvider(selector, provider));
  return provider;
}
