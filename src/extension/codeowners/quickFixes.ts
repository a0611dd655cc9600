// Quick fixes where the fix is clear: remove a rule that never applies, matches nothing or is
// repeated later (GitHub, Bitbucket), respell a path that matches nothing as the one that is
// there (`/docs/guid.md` → `/docs/guide.md`), escape the space that split a path from its
// name, separate owners written together (`@a@b` as `@a @b`), remove a repeated owner, and
// write a GitLab owner word as the owners GitLab reads in it (`@a,@b` as `@a @b`). The
// rewrites and the repeats can also be made all at once: a "Fix all" beside them, and as
// `source.fixAll` (`editor.codeActionsOnSave`). Rules are never removed in bulk: each removal
// changes who owns what.
import nodePath = require('node:path');
import vscode = require('vscode');
import type { Diagnostic } from '../../core/codeowners/types';
import { fixFor, literalPathOf, patternName, type Fix } from './editing';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis, type CodeownersState } from './documentAnalysis';
import { nearestPath } from './nearestPath';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { eachEntry } from '../util/folderEntries';

/** The rewrites that may be made all at once, and what a "Fix all" of each says. */
const FIX_ALL: Record<string, (fixes: readonly Fix[]) => string> = {
  'owner-read-as': (fixes) => `Write all ${fixes.length} owner words as the owners GitLab reads`,
  'invalid-owner': (fixes) => {
    // Two rewrites share the code: a space escaped, and owners written together separated.
    const escapes = fixes.filter((f) => f.kind === 'insert').length;
    if (escapes === fixes.length) return `Escape all ${escapes} spaces that split a path from its name`;
    if (escapes === 0) return `Separate the owners in all ${fixes.length} words that run them together`;
    return `Fix all ${fixes.length} invalid owners that can be rewritten`;
  },
  // Removing a repeat changes no one's ownership, unlike removing a rule.
  'repeated-owner': (fixes) => `Remove all ${fixes.length} repeated owners`,
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
      // A path that is there, spelled a little differently: offered first, and preferred over removing the rule.
      const respelled = d.code === 'no-match' ? respell(state, d) : undefined;
      if (respelled) {
        const action = new vscode.CodeAction(respelled.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [vd];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        apply(action.edit, doc, respelled);
        out.push(action);
      }
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [vd];
      action.isPreferred = !respelled;
      action.edit = new vscode.WorkspaceEdit();
      apply(action.edit, doc, fix);
      out.push(action);
      const label = FIX_ALL[d.code];
      if (label !== undefined && fix.kind !== 'remove-line' && !offered.has(d.code)) {
        offered.add(d.code);
        const all = rewrites(d.code);
        if (all.length > 1) out.push(bulk(label(all), vscode.CodeActionKind.QuickFix, doc, all));
      }
    }
    return out;
  }
}

/** Folders with more entries than this are not read for a "did you mean" (a code action must come at once). */
const MAX_LISTED = 10_000;

/**
 * For a `no-match` rule whose pattern is one literal path, the same pattern naming the path
 * that is there with one name spelled a little differently (nearestPath.ts).
 */
function respell(state: CodeownersState, d: Diagnostic): Fix | undefined {
  const rule = state.parsed.rules.find((r) => r.line === d.line && r.column === d.column);
  const literal = rule && literalPathOf(rule, state.flavor);
  if (!rule || !literal) return undefined;
  const fixed = nearestPath(literal.names, (dir) => listFolder(nodePath.join(state.root, ...dir)));
  const written = fixed?.map(patternName);
  if (!written || written.some((n) => n === null)) return undefined;
  const pattern = `${rule.pattern.startsWith('/') ? '/' : ''}${written.join('/')}${literal.dirOnly ? '/' : ''}`;
  const start = rule.column - 1;
  return { kind: 'replace', line: d.line - 1, start, end: start + rule.pattern.length, text: pattern, title: `Change the pattern to "${pattern}", which is there` };
}

/** The folder's entry names; null when it cannot be read or holds more than MAX_LISTED. */
function listFolder(dir: string): string[] | null {
  const names: string[] = [];
  let whole = true;
  const read = eachEntry(dir, (e) => {
    whole = names.length < MAX_LISTED;
    if (whole) names.push(e.name);
    return whole;
  });
  return read && whole ? names : null;
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
