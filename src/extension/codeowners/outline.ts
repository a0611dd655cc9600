// CODEOWNERS in the Outline, breadcrumbs, sticky scroll and Go to Symbol in Editor: GitLab's
// sections (one per header line) holding their rules, and every rule with its owners; and
// folding for sections and comment blocks. From the same parse as the diagnostics.
import vscode = require('vscode');
import { splitLines } from '../../core/codeowners/line-text';
import { commentBlocks, outlineOf } from '../../core/codeowners/outline';
import type { Rule, SectionHeader } from '../../core/codeowners/types';
import { showControls } from '../util/inertText';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

/**
 * Beyond this many rules the rules are left out of the outline (GitLab's sections stay): VS
 * Code asks for the symbols again after every edit (breadcrumbs, sticky scroll, the Outline),
 * and 5,000 of them took 5–8 ms to build and about 100 ms to reach the window and come back,
 * much of it serialising them in the extension host.
 */
export const MAX_RULE_SYMBOLS = 2000;

export class CodeownersOutlineProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const state = await this.analysis.parsedNow(doc, token);
    if (!state) return [];
    const outline = outlineOf(state.parsed);
    const withRules = state.parsed.rules.length <= MAX_RULE_SYMBOLS;
    const ruleSymbols = (rules: Rule[]) => (withRules ? rules.map((r) => ruleSymbol(doc, r)) : []);
    return [
      ...ruleSymbols(outline.rules),
      ...outline.sections.map((s) => {
        const symbol = sectionSymbol(doc, s.header, s.endLine);
        symbol.children = ruleSymbols(s.rules);
        return symbol;
      }),
    ];
  }

  async provideFoldingRanges(doc: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const state = await this.analysis.parsedNow(doc, token);
    if (!state) return [];
    const ranges: vscode.FoldingRange[] = [];
    for (const s of outlineOf(state.parsed).sections) if (s.endLine > s.startLine) ranges.push(new vscode.FoldingRange(s.startLine - 1, s.endLine - 1, vscode.FoldingRangeKind.Region));
    for (const c of commentBlocks(splitLines(state.text))) ranges.push(new vscode.FoldingRange(c.startLine - 1, c.endLine - 1, vscode.FoldingRangeKind.Comment));
    return ranges;
  }

}

function ruleSymbol(doc: vscode.TextDocument, rule: Rule): vscode.DocumentSymbol {
  const line = doc.lineAt(rule.line - 1).range;
  const start = rule.column - 1;
  const pattern = new vscode.Range(rule.line - 1, start, rule.line - 1, start + rule.pattern.length);
  const owners = rule.owners.map((o) => o.text).join(' ');
  const detail = rule.exclusion ? 'excluded from the section' : owners || 'no owners';
  return new vscode.DocumentSymbol(showControls(rule.pattern), showControls(detail), vscode.SymbolKind.Field, line, pattern);
}

function sectionSymbol(doc: vscode.TextDocument, header: SectionHeader, endLine: number): vscode.DocumentSymbol {
  const line = header.line - 1;
  const start = header.column - 1;
  const selection = new vscode.Range(line, start, line, start + header.text.length);
  const range = new vscode.Range(line, 0, endLine - 1, doc.lineAt(endLine - 1).text.length);
  // What follows the name on the header: optional marker, approvals, default owners.
  const detail = header.text.slice(header.text.indexOf(']') + 1).trim();
  const name = `${header.text.startsWith('^') ? '^' : ''}[${header.name}]`;
  return new vscode.DocumentSymbol(showControls(name), showControls(detail), vscode.SymbolKind.Namespace, range, selection);
}

export function registerCodeownersOutline(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): CodeownersOutlineProvider {
  const provider = new CodeownersOutlineProvider(analysis);
  context.subscriptions.push(vscode.languages.registerDocumentSymbolProvider(selector, provider, { label: 'CODEOWNERS' }), vscode.languages.registerFoldingRangeProvider(selector, provider));
  return provider;
}
