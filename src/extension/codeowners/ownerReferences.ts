// Find All References on an owner in CODEOWNERS: every rule and GitLab section header that
// names it (case aside), and, with the declaration, its entry in ownership.yml.
import nodePath = require('node:path');
import vscode = require('vscode');
import { splitLines } from '../../core/codeowners/line-text';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { ownerAt, ownerEntryIn, ownerOccurrences } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

export class OwnerReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[]> {
    const state = await this.analysis.parsedNow(doc, token);
    if (!state) return [];
    const owner = ownerAt(state.parsed, position.line, doc.lineAt(position.line).text, position.character);
    if (!owner) return [];
    const out = ownerOccurrences(state.parsed, splitLines(state.text), owner.text).map((o) => new vscode.Location(doc.uri, new vscode.Range(o.line, o.character, o.line, o.character + o.length)));
    if (context.includeDeclaration && state.config.file !== null) {
      const file = vscode.Uri.file(nodePath.resolve(state.root, state.config.file));
      const yaml = await vscode.workspace.openTextDocument(file);
      const at = ownerEntryIn(yaml.getText(), owner.text);
      if (at) out.unshift(new vscode.Location(file, new vscode.Position(at.line, at.character)));
    }
    return out;
  }
}

export function registerOwnerReferences(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): OwnerReferenceProvider {
  const provider = new OwnerReferenceProvider(analysis);
  context.subscriptions.push(vscode.languages.registerReferenceProvider(selector, provider));
  return provider;
}
