// Problems in the open CODEOWNERS, as typed: the parser's, unknown owners, and (trusted
// workspaces) rules that never apply or match no tracked file. Each carries its code, and
// links to the places its message names.
import nodePath = require('node:path');
import vscode = require('vscode');
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

/**
 * The range of a 1-based diagnostic in `doc`: its columns, or the whole line without them.
 * Without the document (a file not open), the range is left for VS Code to clamp to the line.
 */
export function rangeOf(doc: vscode.TextDocument | undefined, d: Diagnostic): vscode.Range {
  if (!doc) {
    const line = Math.max(d.line - 1, 0);
    return new vscode.Range(line, Math.max(d.column - 1, 0), line, d.endColumn === undefined ? Number.MAX_SAFE_INTEGER : d.endColumn - 1);
  }
  const line = Math.min(Math.max(d.line - 1, 0), doc.lineCount - 1);
  const text = doc.lineAt(line).text;
  if (d.endColumn === undefined) return new vscode.Range(line, 0, line, text.length);
  return new vscode.Range(line, Math.min(d.column - 1, text.length), line, Math.min(d.endColumn - 1, text.length));
}

/**
 * `d` for VS Code. `where` (the diagnostic's file and its repository root) turns the places it
 * links to (the earlier rule, the later rules that take its files, the file that is read) into
 * related information: the Problems panel lists them, each a link.
 */
export function toVscodeDiagnostic(doc: vscode.TextDocument | undefined, d: Diagnostic, where?: { uri: vscode.Uri; root: string }): vscode.Diagnostic {
  const out = new vscode.Diagnostic(rangeOf(doc, d), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  if (UNNECESSARY.has(d.code)) out.tags = [vscode.DiagnosticTag.Unnecessary];
  if (where && d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => {
      const uri = r.file === undefined ? where.uri : vscode.Uri.file(nodePath.resolve(where.root, ...r.file.split('/')));
      const start = new vscode.Position(r.line - 1, r.column - 1);
      const range = new vscode.Range(start, r.endColumn === undefined ? start : start.with({ character: r.endColumn - 1 }));
      return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), r.message);
    });
  }
  return out;
}

/** What a list of diagnostics looks like to the window: equal keys need not be sent again. */
export function diagnosticsKey(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => [
      d.code,
      d.message,
      d.severity,
      d.range.start.line,
      d.range.start.character,
      d.range.end.line,
      d.range.end.character,
      d.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message]),
    ]),
  );
}

export function registerCodeownersDiagnostics(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('codeowners');
  // What each document shows: a 5,000-rule file can have a thousand diagnostics, and sending
  // them to the window again after a keystroke that changed none of them costs the extension
  // host tens of milliseconds (the message is serialized and compressed there).
  const shown = new Map<string, string>();
  const show = (state: CodeownersState) => {
    const key = state.uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!doc || doc.version !== state.version) return;
    const diagnostics = state.diagnostics.map((d) => toVscodeDiagnostic(doc, d, state));
    const same = diagnosticsKey(diagnostics);
    if (shown.get(key) === same) return;
    shown.set(key, same);
    collection.set(state.uri, diagnostics);
  };
  const clear = (uri: vscode.Uri) => {
    shown.delete(uri.toString());
    collection.delete(uri);
  };
  context.subscriptions.push(collection, analysis.onDidUpdate(show), analysis.onDidClear(clear));
  return collection;
}
