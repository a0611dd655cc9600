// What each rule does to the tracked files: a hover on its pattern (matched, won, examples,
// the later rules that take the rest), a CodeLens with the counts, and go to definition from
// an owner to where ownership.yml describes it. Counts come from the document's analysis,
// computed off the typing path; a CodeLens resolves once it is ready, or not at all when
// VS Code cancels it.
import nodePath = require('node:path');
import vscode = require('vscode');
import { markdown } from '../util/markdownString';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { HOVER_EXAMPLES, lensTitle, ownerAt, ownerEntryIn, ruleAt, ruleHoverMarkdown } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

export class RuleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const state = await this.analysis.whenAnalysed(doc, token);
    if (!state?.analysis || token.isCancellationRequested) return undefined;
    const rule = ruleAt(state.parsed, position.line, position.character);
    if (!rule) return undefined;
    // The files themselves stay in the analysis worker: it sends the few the hover names.
    const insight = await this.analysis.insight(state, rule, HOVER_EXAMPLES);
    if (!insight || token.isCancellationRequested) return undefined;
    const range = new vscode.Range(position.line, rule.column - 1, position.line, rule.column - 1 + rule.pattern.length);
    return new vscode.Hover(markdown(ruleHoverMarkdown(rule, state.analysis.stats[rule.index], insight.examples, insight.takers)), range);
  }
}

class RuleLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly ruleIndex: number,
    readonly doc: vscode.TextDocument,
    readonly version: number,
  ) {
    super(range);
  }
}

/** A file with more rules than this gets lenses only around what its editors show (see provideCodeLenses). */
export const ALL_LENSES_UP_TO = 500;
/** Lines either side of the visible ranges that get lenses too, so that scrolling a little finds them there. */
const LENS_MARGIN = 300;

export class RuleCodeLensProvider implements vscode.CodeLensProvider<RuleLens> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Per document with many rules: the lines the last lenses covered. */
  private readonly covered = new Map<string, { from: number; to: number }>();
  private readonly visibleChange: vscode.Disposable;
  private scrolled: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analysis: CodeownersAnalysis) {
    // Scrolled beyond the lines covered: ask VS Code for lenses again.
    this.visibleChange = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const covered = this.covered.get(e.textEditor.document.uri.toString());
      if (!covered || e.visibleRanges.every((r) => r.start.line >= covered.from && r.end.line <= covered.to)) return;
      clearTimeout(this.scrolled);
      this.scrolled = setTimeout(() => this.changed.fire(), 100);
    });
  }

  /**
   * Cheap: one lens per rule, from the parse alone; the counts come in resolveCodeLens. VS Code
   * asks for the lenses of the whole file and sends them to the window in one message: for a
   * file of thousands of rules that message alone holds the extension host for a long time,
   * so such a file gets the lenses of the rules near what its editors show.
   */
  provideCodeLenses(doc: vscode.TextDocument): RuleLens[] {
    const state = this.analysis.current(doc);
    if (!state || !vscode.workspace.isTrusted) return [];
    let rules = state.parsed.rules;
    const key = doc.uri.toString();
    if (rules.length > ALL_LENSES_UP_TO) {
      const shown = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key).flatMap((e) => e.visibleRanges);
      // No editor says what it shows (not laid out yet): the top of the file.
      const from = shown.length === 0 ? 0 : Math.max(0, Math.min(...shown.map((r) => r.start.line)) - LENS_MARGIN);
      const to = shown.length === 0 ? 2 * LENS_MARGIN : Math.max(...shown.map((r) => r.end.line)) + LENS_MARGIN;
      this.covered.set(key, { from, to });
      rules = rules.filter((r) => r.line - 1 >= from && r.line - 1 <= to);
    } else this.covered.delete(key);
    return rules.map((r) => new RuleLens(new vscode.Range(r.line - 1, r.column - 1, r.line - 1, r.column - 1 + r.pattern.length), r.index, doc, state.version));
  }

  async resolveCodeLens(lens: RuleLens, token: vscode.CancellationToken): Promise<RuleLens | undefined> {
    if (lens.doc.version !== lens.version) return undefined;
    const state = await this.analysis.whenAnalysed(lens.doc, token);
    if (!state?.analysis || token.isCancellationRequested || state.version !== lens.version) return undefined;
    const rule = state.parsed.rules[lens.ruleIndex];
    lens.command = { title: lensTitle(rule, state.analysis.stats[rule.index]), command: '' };
    return lens;
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.scrolled);
    this.visibleChange.dispose();
    this.changed.dispose();
  }
}

export class OwnerDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideDefinition(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const state = this.analysis.current(doc) ?? (await this.analysis.whenAnalysed(doc, token));
    if (!state || token.isCancellationRequested || state.config.file === null) return undefined;
    const owner = ownerAt(state.parsed, position.line, doc.lineAt(position.line).text, position.character);
    if (!owner) return undefined;
    const file = vscode.Uri.file(nodePath.resolve(state.root, state.config.file));
    const yaml = await vscode.workspace.openTextDocument(file);
    const at = ownerEntryIn(yaml.getText(), owner.text);
    return at ? new vscode.Location(file, new vscode.Position(at.line, at.character)) : undefined;
  }
}

export function registerRuleInsights(context: vscode.ExtensionContext, analysis: CodeownersAnalysis) {
  const hover = new RuleHoverProvider(analysis);
  const lenses = new RuleCodeLensProvider(analysis);
  const definition = new OwnerDefinitionProvider(analysis);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerHoverProvider(selector, hover),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerDefinitionProvider(selector, definition),
    // New counts: VS Code asks again (and cancels the resolutions still waiting).
    analysis.onDidUpdate((s) => s.analysis && lenses.refresh()),
  );
  return { hover, lenses, definition };
}
