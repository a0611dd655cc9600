// Problems in the open CODEOWNERS, as typed: the parser's, unknown owners, and (trusted
// workspaces) rules that never apply or match no tracked file. Each carries its code.
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/codeowners/types';
import type { CodeownersAnalysis, CodeownersState } from './documentAnalysis';

export const DIAGNOSTIC_SOURCE = 'Ownership Lens';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Rules that have no effect: drawn faded, as unused code is. */
const UNNECESSARY = new Set(['shadowed-rule', 'no-match', 'never-matches']);

/** The range of a 1-based diagnostic in `doc`: its columns, or the whole line without them. */
export function rangeOf(doc: vscode.TextDocument, d: Diagnostic): vscode.Range {
  const line = Math.min(Math.max(d.line - 1, 0), doc.lineCount - 1);
  const text = doc.lineAt(line).text;
  if (d.endColumn === undefined) return new vscode.Range(line, 0, line, text.length);
  return new vscode.Range(line, Math.min(d.column - 1, text.length), line, Math.min(d.endColumn - 1, text.length));
}

export function toVscodeDiagnostic(doc: vscode.TextDocument, d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(rangeOf(doc, d), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  if (UNNECESSARY.has(d.code)) out.tags = [vscode.DiagnosticTag.Unnecessary];
  return out;
}

export function registerCodeownersDiagnostics(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('codeowners');
  const show = (state: CodeownersState) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri.toString());
    if (!doc || doc.version !== state.version) return;
    collection.set(state.uri, state.diagnostics.map((d) => toVscodeDiagnostic(doc, d)));
  };
  context.subscriptions.push(collection, analysis.onDidUpdate(show), analysis.onDidClear((uri) => collection.delete(uri)));
  return collection;
}
