// The analysis behind every CODEOWNERS editor feature: each open CODEOWNERS document parsed as
// typed (unsaved text included), its owners checked against ownership.yml, and, in a trusted
// workspace, its rules analysed against the repository's tracked files (`git ls-files`,
// untracked but not ignored files included). Listing the files of a large repository takes a
// while: it runs in the background, once per repository, and is refreshed when files are
// created or deleted; typing only re-parses and re-paints (OwnershipAnalyzer caches by pattern).
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { Analysis, OwnershipAnalyzer } from '../../core/analysis';
import { unknownOwnerDiagnostics } from '../../core/analysis/owners-check';
import { parseCodeowners } from '../../core/codeowners/parse';
import type { Diagnostic, FlavorSetting, ParsedCodeowners } from '../../core/codeowners/types';
import type { OwnershipConfig } from '../../core/practices/types';
import { SETTINGS_SECTION, Settings } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import { Disposable } from '../util/dispose';
import { flavorOf } from './editing';

export const CODEOWNERS_LANGUAGE = 'codeowners';

/** Typing re-analyses at most this often. */
const EDIT_DEBOUNCE_MS = 150;
/** Files created or deleted: the tracked list is read again after this quiet time. */
const TREE_DEBOUNCE_MS = 1000;
const GIT_TIMEOUT_MS = 30_000;

export interface CodeownersState {
  uri: vscode.Uri;
  version: number;
  /** Absolute repository root. */
  root: string;
  text: string;
  parsed: ParsedCodeowners;
  config: OwnershipConfig;
  /** Parser and unknown-owner findings, then (with `analysis`) shadowed and unmatched rules. */
  diagnostics: Diagnostic[];
  /** Undefined until the tracked files are known, and always in an untrusted workspace. */
  analysis?: Analysis;
  /** True when no analysis is coming for this version: it is there, or cannot be had (no git, untrusted). */
  settled: boolean;
}

interface Tracked {
  analyzer: OwnershipAnalyzer;
}

export function isCodeownersDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === CODEOWNERS_LANGUAGE && doc.uri.scheme === 'file';
}

export class CodeownersAnalysis extends Disposable {
  private readonly states = new Map<string, CodeownersState>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per repository root: its analyzer, once the tracked files are listed (or why not). */
  private readonly trees = new Map<string, Promise<Tracked | undefined>>();
  /** The analyzers already listed: what typing uses, without waiting for git. */
  private readonly ready = new Map<string, OwnershipAnalyzer>();
  private readonly treeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document: the latest analysis run, so that a stale one does not publish. */
  private readonly runs = new Map<string, number>();
  /**
   * Files created or deleted change what a pattern matches. Every such event in the workspace
   * crosses to the extension host, so this watcher exists only while a CODEOWNERS is open.
   */
  private fileWatcher: vscode.Disposable | undefined;
  private readonly updated = this._register(new vscode.EventEmitter<CodeownersState>());
  /** Fires with a document's new state (diagnostics, and analysis when there is one). */
  readonly onDidUpdate = this.updated.event;
  private readonly cleared = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidClear = this.cleared.event;

  constructor(private readonly model: OwnershipModel) {
    super();
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, EDIT_DEBOUNCE_MS)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    // ownership.yml, settings and trust: every open CODEOWNERS is read again.
    this._register(model.onDidChange(() => this.rescheduleAll()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.rescheduleAll()));
    this._register({ dispose: () => this.clearTimers() });
    this._register({ dispose: () => this.fileWatcher?.dispose() });
  }

  /** The state of `doc` if it describes its current text. */
  current(doc: vscode.TextDocument): CodeownersState | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.version === doc.version ? s : undefined;
  }

  /**
   * The state of `doc` for its current text, analysis included when the workspace is
   * trusted: waits for it (or gives up on cancellation, or a newer version).
   */
  async whenAnalysed(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    const done = (s: CodeownersState | undefined) => s?.settled === true;
    const now = this.current(doc);
    if (done(now)) return now;
    if (!isCodeownersDocument(doc)) return undefined;
    if (!this.pending.has(doc.uri.toString())) this.schedule(doc, 0);
    return new Promise((resolve) => {
      const subs: vscode.Disposable[] = [];
      const finish = (s: CodeownersState | undefined) => {
        for (const d of subs) d.dispose();
        resolve(s);
      };
      subs.push(this.onDidUpdate((s) => s.uri.toString() === doc.uri.toString() && s.version === doc.version && done(s) && finish(s)));
      subs.push(this.onDidClear((uri) => uri.toString() === doc.uri.toString() && finish(undefined)));
      if (token) subs.push(token.onCancellationRequested(() => finish(undefined)));
    });
  }

  /** The analyzer of the repository at `root`, listing its tracked files if needed (trusted only). */
  analyzerFor(root: string): Promise<OwnershipAnalyzer | undefined> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(undefined);
    let tree = this.trees.get(root);
    if (!tree) {
      tree = this.listFiles(root);
      this.trees.set(root, tree);
    }
    return tree.then((t) => t?.analyzer);
  }

  private async listFiles(root: string): Promise<Tracked | undefined> {
    try {
      // Loaded on first use: simple-git and the analysis are not needed to start the editor.
      const [{ listTrackedFiles }, { FileTree, OwnershipAnalyzer }] = await Promise.all([import('../../git/gitClient.js'), import('../../core/analysis/index.js')]);
      const files = await listTrackedFiles(root, { untracked: true, timeoutMs: GIT_TIMEOUT_MS });
      const analyzer = new OwnershipAnalyzer(FileTree.from(files));
      if (!this.isDisposed) this.ready.set(root, analyzer);
      return { analyzer };
    } catch {
      // Not a git repository, or git is missing: the parser's findings are all there is.
      this.ready.delete(root);
      return undefined;
    }
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!isCodeownersDocument(doc)) return;
    this.watchFiles();
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.update(doc);
      }, delayMs),
    );
  }

  private rescheduleAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private async update(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed || this.isDisposed) return;
    const key = doc.uri.toString();
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    const stale = () => this.runs.get(key) !== run || doc.isClosed || this.isDisposed;

    const repo = await this.model.repositoryFor(doc.uri);
    if (stale()) return;
    if (!repo) return this.forget(doc.uri, false);
    const text = doc.getText();
    const version = doc.version;
    const rel = nodePath.relative(repo.root, doc.uri.fsPath).split(nodePath.sep).join('/');
    const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION, doc.uri).get<FlavorSetting>(Settings.flavor) ?? 'auto';
    const parsed = parseCodeowners(text, { flavor: flavorOf(rel, setting, text), byteLength: Buffer.byteLength(text, 'utf8') });
    const own = [...parsed.diagnostics, ...unknownOwnerDiagnostics(parsed, text, repo.config)];
    const trusted = vscode.workspace.isTrusted;
    const base: CodeownersState = { uri: doc.uri, version, root: repo.root, text, parsed, config: repo.config, diagnostics: own, settled: !trusted };

    const analyzer = trusted ? this.ready.get(repo.root) : undefined;
    if (analyzer) return this.publish(withAnalysis(base, analyzer));
    this.publish(base);
    if (!trusted) return;
    // The first listing of a repository's files: in the background, then analyse.
    const later = await this.analyzerFor(repo.root);
    if (stale()) return;
    // No git here: what the parser found is all there will be.
    this.publish(later ? withAnalysis(base, later) : { ...base, settled: true });
  }

  private publish(state: CodeownersState): void {
    this.states.set(state.uri.toString(), state);
    this.updated.fire(state);
  }

  private forget(uri: vscode.Uri, closed = true): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (closed) this.runs.delete(key);
    this.states.delete(key);
    this.cleared.fire(uri);
    if (closed && !vscode.workspace.textDocuments.some((d) => d.uri.toString() !== key && !d.isClosed && isCodeownersDocument(d))) {
      this.fileWatcher?.dispose();
      this.fileWatcher = undefined;
    }
  }

  private watchFiles(): void {
    if (this.fileWatcher !== undefined) return;
    const files = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const subs = [files.onDidCreate((uri) => this.filesChanged(uri)), files.onDidDelete((uri) => this.filesChanged(uri))];
    this.fileWatcher = vscode.Disposable.from(files, ...subs);
  }

  /** A file appeared or disappeared: its repository's tracked list is read again, soon. */
  private filesChanged(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const parts = uri.fsPath.split(nodePath.sep);
    if (parts.includes('.git')) return;
    for (const root of this.trees.keys()) {
      if (uri.fsPath !== root && !uri.fsPath.startsWith(root + nodePath.sep)) continue;
      clearTimeout(this.treeTimers.get(root));
      this.treeTimers.set(
        root,
        setTimeout(() => {
          this.treeTimers.delete(root);
          // Keep answering from the old list until the new one is ready.
          const next = this.listFiles(root);
          void next.then((t) => {
            if (this.isDisposed) return;
            this.trees.set(root, Promise.resolve(t));
            this.rescheduleAll();
          });
        }, TREE_DEBOUNCE_MS),
      );
    }
  }

  private clearTimers(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const t of this.treeTimers.values()) clearTimeout(t);
    this.pending.clear();
    this.treeTimers.clear();
  }
}

function withAnalysis(base: CodeownersState, analyzer: OwnershipAnalyzer): CodeownersState {
  const analysis = analyzer.analyze(base.parsed);
  const diagnostics = [...base.diagnostics, ...analysis.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...base, analysis, diagnostics, settled: true };
}
