// Owners offered as you type them in CODEOWNERS (after a pattern, or on a GitLab section
// header): the teams and people ownership.yml describes, with their names, then the owners the
// file already names, then GitLab's roles (core/analysis/owner-suggestions.ts).
import vscode = require('vscode');
import { ownerSuggestions, type OwnerSuggestion } from '../../core/analysis/owner-suggestions';
import type { ParsedCodeowners } from '../../core/codeowners/types';
import type { OwnershipConfig } from '../../core/practices/types';
import { showControls } from '../util/inertText';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { ownerWordAt } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

export class OwnerCompletionProvider implements vscode.CompletionItemProvider {
  /** The list for the last parse and ownership.yml asked about: typing asks again and again for the same one. */
  private last: { parsed: ParsedCodeowners; config: OwnershipConfig; list: OwnerSuggestion[] } | undefined;

  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const state = await this.analysis.latest(doc, token);
    if (!state) return [];
    const word = ownerWordAt(doc.lineAt(position.line).text, position.character, state.flavor);
    if (!word) return [];
    const range = new vscode.Range(position.line, word.start, position.line, word.end);
    return this.suggestions(state.parsed, state.config).map((s, i) => item(s, i, range));
  }

  private suggestions(parsed: ParsedCodeowners, config: OwnershipConfig): OwnerSuggestion[] {
    const last = this.last;
    if (last !== undefined && last.parsed === parsed && last.config === config) return last.list;
    const list = ownerSuggestions(parsed, config);
    this.last = { parsed, config, list };
    return list;
  }
}

function item(s: OwnerSuggestion, rank: number, range: vscode.Range): vscode.CompletionItem {
  const label = showControls(s.text);
  const item = new vscode.CompletionItem({ label, description: s.name === undefined ? undefined : showControls(s.name) }, kindOf(s));
  item.insertText = s.text;
  item.filterText = s.text;
  item.range = range;
  // The order above, not VS Code's alphabetical one, among equally good matches.
  item.sortText = String(rank).padStart(5, '0');
  const where = s.listed ? 'described in ownership.yml' : 'not in ownership.yml';
  const used = s.uses === 0 ? 'not named in this file yet' : `named by ${s.uses} rule${s.uses === 1 ? '' : 's'} here`;
  item.detail = `${where}; ${used}`;
  if (s.description) item.documentation = showControls(s.description);
  return item;
}

function kindOf(s: OwnerSuggestion): vscode.CompletionItemKind {
  switch (s.kind) {
    case 'team':
      return vscode.CompletionItemKind.Module;
    case 'role':
      return vscode.CompletionItemKind.Keyword;
    default:
      return vscode.CompletionItemKind.User;
  }
}

export function registerOwnerCompletion(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): OwnerCompletionProvider {
  const provider = new OwnerCompletionProvider(analysis);
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(selector, provider, '@'));
  return provider;
}
