// Quick fixes where the fix is clear: remove a rule that never applies, matches nothing or is
// repeated later (GitHub, Bitbucket), escape the space that split a path from its name, and
// write a GitLab owner word as the owners GitLab reads in it (`@a,@b` as `@a @b`).
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/codeowners/types';
import { fixFor, type Fix } from './editing';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export class CodeownersQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analysis: CodeownersAnalysis) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.analysis.current(doc);
    if (!state) return [];
    const lines = state.text.split(/\r?\n/);
    const out: vscode.CodeAction[] = [];
    for (const vd of context.diagnostics) {
      if (vd.source !== DIAGNOSTIC_SOURCE) continue;
      // The diagnostic as the analysis produced it (positions 1-based).
      const d = state.diagnostics.find((x: Diagnostic) => x.code === vd.code && x.line === vd.range.start.line + 1 && x.column - 1 === vd.range.start.character);
      const fix = d && fixFor(state.parsed, d, lines);
      if (!fix) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [vd];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      apply(action.edit, doc, fix);
      out.push(action);
    }
    return out;
  }
}

function apply(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, fix: Fix): void {
  if (fix.kind === 'insert') {
    edit.insert(doc.uri, new vscode.Position(fix.line, fix.character), fix.text);
    return;
  }
  if (fix.kind === 'replace') {
    edit.replace(doc.uri, new vscode.Range(fix.line, fix.start, fix.line, fix.end), fix.text);
    return;
  }
  // The whole line with its line break (the previous one's, on the last line).
  const range =
    fix.line + 1 < doc.lineCount
      ? new vscode.Range(fix.line, 0, fix.line + 1, 0)
      : new vscode.Range(Math.max(fix.line - 1, 0), fix.line > 0 ? doc.lineAt(fix.line - 1).text.length : 0, fix.line, doc.lineAt(fix.line).text.length);
  edit.delete(doc.uri, range);
}

export function registerCodeownersQuickFixes(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): CodeownersQuickFixes {
  const provider = new CodeownersQuickFixes(analysis);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: CODEOWNERS_LANGUAGE, scheme: 'file' }, provider, { providedCodeActionKinds: CodeownersQuickFixes.kinds }),
  );
  return provider;
}
