// Quick fixes where the fix is clear: remove a rule that never applies, matches nothing or is
// repeated later (GitHub, Bitbucket), escape the space that split a path from its name, and
// write a GitLab owner word as the owners GitLab reads in it (`@a,@b` as `@a @b`). The two
// rewrites can also be made all at once: a "Fix all" beside them, and as `source.fixAll`
// (`editor.codeActionsOnSave`). Removals are never made in bulk: each one changes who owns what.
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/codeowners/types';
import { fixFor, type Fix } from './editing';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** The rewrites that may be made all at once, and what a "Fix all" of each says. */
const FIX_ALL: Record<string, (n: number) => string> = {
  'owner-read-as': (n) => `Write all ${n} owner words as the owners GitLab reads`,
  'invalid-owner': (n) => `Escape all ${n} spaces that split a path from its name`,
};
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('ownership-lens');

export class CodeownersQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly analysis: CodeownersAnalysis) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.analysis.current(doc);
    if (!state) return [];
    const lines = state.text.split(/\r?\n/);
    /** Every rewrite of the file (of one code, or of all that may be made at once). */
    const rewrites = (code?: string): Fix[] =>
      state.diagnostics.flatMap((d) => {
        if (FIX_ALL[d.code] === undefined || (code !== undefined && d.code !== code)) return [];
        const fix = fixFor(state.parsed, d, lines);
        return fix && fix.kind !== 'remove-line' ? [fix] : [];
      });
    if (context.only !== undefined && !context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      if (!context.only.intersects(FIX_ALL_KIND)) return [];
      const all = rewrites();
      return all.length === 0 ? [] : [bulk('Fix what Ownership Lens can rewrite in this CODEOWNERS', FIX_ALL_KIND, doc, all)];
    }
    const out: vscode.CodeAction[] = [];
    const offered = new Set<string>();
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
      const label = FIX_ALL[d.code];
      if (label !== undefined && fix.kind !== 'remove-line' && !offered.has(d.code)) {
        offered.add(d.code);
        const all = rewrites(d.code);
        if (all.length > 1) out.push(bulk(label(all.length), vscode.CodeActionKind.QuickFix, doc, all));
      }
    }
    return out;
  }
}

/** One action making all these fixes (they touch distinct words: they never overlap). */
function bulk(title: string, kind: vscode.CodeActionKind, doc: vscode.TextDocument, fixes: Fix[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) apply(action.edit, doc, fix);
  return action;
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
