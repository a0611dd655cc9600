// The analysis behind every CODEOWNERS editor feature: each open CODEOWNERS document parsed as
// typed (unsaved text included), its owners checked against ownership.yml, and, in a trusted
// workspace, its rules analysed against the repository's tracked files (`git ls-files`,
// untracked but not ignored files included). Listing and analysing the files of a large
// repository takes hundreds of milliseconds: it runs in a worker thread (analysisWorker.ts),
// once per repository, refreshed when its index or files VS Code creates, deletes or renames
// change (fileListEvents.ts: no watcher over the tree); typing re-parses here in
// slices and re-paints there (OwnershipAnalyzer caches by pattern). The worker, and every file
// list it holds, lives only while a CODEOWNERS is open.
import nodePath = require('node:path');
import vscode = require('vscode');
import type { ReportParts, Taker } from '../../core/analysis';
import { unknownOwnerDiagnostics } from '../../core/analysis/owners-check';
import { locateCodeowners } from '../../core/codeowners/locate';
import { parseCodeownersSliced } from '../../core/codeowners/parse';
import { placementDiagnostic, type Placement } from '../../core/codeowners/placement';
import { nodeFileSystem } from '../../core/fs';
import type { Diagnostic, Flavor, FlavorSetting, ParsedCodeowners, Rule } from '../../core/codeowners/types';
import type { OwnershipConfig } from '../../core/practices/types';
import { timeSlices } from '../../core/slices';
import { SETTINGS_SECTION, Settings } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import type { RepositoryState } from '../model/repositoryCatalog';
import { Disposable } from '../util/dispose';
import { AnalysisWorkerClient } from './analysisClient';
import type { AnalysisSummary, RuleDetails } from './analysisProtocol';
import { flavorOf } from './editing';
import { FileListEvents } from './fileListEvents';

export const CODEOWNERS_LANGUAGE = 'codeowners';

/** Typing re-analyses at most this often. */
const EDIT_DEBOUNCE_MS = 150;
/** The index or the files changed: the tracked list is read again after this quiet time (git and refactors write in bursts). */
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
  analysis?: AnalysisSummary;
  /** The flavor the text was read with, and the setting it came from. */
  flavor: Flavor;
  flavorSetting: FlavorSetting;
  /** The repository's CODEOWNERS in use when this was made: whether this file is the one read depends on it. */
  inUse: string | null;
  /** True when no analysis is coming for this version: it is there, or cannot be had (no git, untrusted). */
  settled: boolean;
}

/** What the hover over a rule shows beyond its counts: a few of its files and the rules that take the rest. */
export interface RuleInsight {
  examples: string[];
  takers: Taker[];
}

export function isCodeownersDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === CODEOWNERS_LANGUAGE && doc.uri.scheme === 'file';
}

export class CodeownersAnalysis extends Disposable {
  private readonly states = new Map<string, CodeownersState>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per repository root: whether the worker has its tracked files listed (false: no git there). */
  private readonly trees = new Map<string, Promise<boolean>>();
  /** The repositories already listed: what typing uses, without waiting for git. */
  private readonly ready = new Set<string>();
  /** The worker thread that holds the file lists and analyses (see analysisWorker.ts). */
  readonly worker = new AnalysisWorkerClient();
  private readonly treeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document: the latest analysis run, so that a stale one does not publish. */
  private readonly runs = new Map<string, number>();
  /** What says a listed repository's files changed; it follows a repository from its first listing until no CODEOWNERS is open. */
  readonly fileEvents = this._register(new FileListEvents());
  /** Re-listings asked for (each coalesced into the next one for its repository; the integration tests read it). */
  relistsAsked = 0;
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
    // ownership.yml, settings: an open CODEOWNERS is read again when they change its findings.
    this._register(model.onDidChange(() => void this.modelChanged()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.rescheduleAll()));
    this._register({ dispose: () => this.clearTimers() });
    this._register(this.fileEvents.onDidChange((root) => this.filesChanged(root)));
    this._register({ dispose: () => this.worker.stop() });
  }

  /**
   * The last state of `doc`, even a keystroke or two behind its text (what completions need:
   * waiting for the text just typed to be parsed would hold the suggestions back); the first
   * parse is waited for.
   */
  async latest(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    const state = this.states.get(doc.uri.toString()) ?? (await this.whenParsed(doc, token));
    return token?.isCancellationRequested ? undefined : state;
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
  whenAnalysed(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    return this.whenState(doc, (s) => s.settled, token);
  }

  /** The state of `doc` for its current text, parsed (the analysis may still be coming): waits for it as whenAnalysed does. */
  whenParsed(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    return this.whenState(doc, () => true, token);
  }

  /**
   * whenParsed() for a provider's answer: undefined once the request is cancelled or the text
   * has moved on while it was parsed (VS Code asks again for the new version).
   */
  async parsedNow(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    const state = await this.whenParsed(doc, token);
    return state && state.version === doc.version && !token.isCancellationRequested ? state : undefined;
  }

  private async whenState(doc: vscode.TextDocument, ready: (s: CodeownersState) => boolean, token?: vscode.CancellationToken): Promise<CodeownersState | undefined> {
    const done = (s: CodeownersState | undefined) => s !== undefined && ready(s);
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

  /** Whether the worker has the tracked files of the repository at `root`, listing them if needed (trusted only). */
  listed(root: string): Promise<boolean> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(false);
    let tree = this.trees.get(root);
    if (!tree) {
      tree = this.listFiles(root);
      this.trees.set(root, tree);
      this.fileEvents.follow(root);
    }
    return tree;
  }

  /** A few files of `rule` and the rules that take the rest, from the analysis of `state` (undefined when it is gone). */
  async insight(state: CodeownersState, rule: Rule, examples: number): Promise<RuleInsight | undefined> {
    if (!state.analysis) return undefined;
    const details = await this.worker.request<RuleDetails | undefined>({ kind: 'details', doc: state.uri.toString(), version: state.version, rule: rule.index, examples }).catch(() => undefined);
    if (!details) return undefined;
    return { examples: details.examples, takers: details.takers.map((t) => ({ rule: state.parsed.rules[t.rule], files: t.files, exclusion: t.exclusion })) };
  }

  /** The ownership report and map of the repository at `root` (trusted only; undefined without git). */
  async report(root: string, parts: { parsed: ParsedCodeowners; file: string | null; config: OwnershipConfig; hasMap: boolean }): Promise<ReportParts | undefined> {
    if (!(await this.listed(root))) return undefined;
    try {
      return await this.worker.request<ReportParts>({ kind: 'report', root, ...parts });
    } finally {
      this.stopWhenIdle();
    }
  }

  private async listFiles(root: string): Promise<boolean> {
    try {
      await this.worker.request<number>({ kind: 'list', root, timeoutMs: GIT_TIMEOUT_MS });
      if (!this.isDisposed) this.ready.add(root);
      return true;
    } catch {
      // Not a git repository, or git is missing: the parser's findings are all there is.
      this.ready.delete(root);
      return false;
    }
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!isCodeownersDocument(doc)) return;
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

  /** Model changes handled so far, and documents they scheduled again (the integration tests read both). */
  modelChangesHandled = 0;
  rescheduledForModel = 0;

  /**
   * The model changed. An open CODEOWNERS is read again only when what its findings depend on
   * besides its own text did: its repository, that repository's ownership.yml (unknown owners;
   * the catalog keeps the same config object across CODEOWNERS edits), the flavor setting, or
   * which CODEOWNERS the repository is read from (whether this one takes effect).
   * Typing in it changes the model too (its unsaved buffer is the map), and the text change
   * has already scheduled it, debounced: rescheduling it here at once cancelled the debounce,
   * and every keystroke was analysed.
   */
  private async modelChanged(): Promise<void> {
    try {
      for (const doc of vscode.workspace.textDocuments) {
        if (!isCodeownersDocument(doc)) continue;
        const state = this.states.get(doc.uri.toString());
        const repo = state && (await this.model.repositoryFor(doc.uri).catch(() => undefined));
        const same = state !== undefined && repo !== undefined && repo.root === state.root && repo.config === state.config && flavorSettingOf(doc) === state.flavorSetting && repo.ownership.file === state.inUse;
        if (same) continue;
        this.rescheduledForModel++;
        this.schedule(doc, 0);
      }
    } finally {
      this.modelChangesHandled++;
    }
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
    const setting = flavorSettingOf(doc);
    const flavor = flavorOf(rel, setting, text);
    const byteLength = Buffer.byteLength(text, 'utf8');
    // In slices: a 5,000-rule file takes tens of milliseconds to parse.
    const parsed = await parseCodeownersSliced(text, { flavor, byteLength }, timeSlices());
    if (stale()) return;
    const placement = placementDiagnostic(placementOf(repo, rel, setting, flavor));
    const own = [...(placement ? [placement] : []), ...parsed.diagnostics, ...unknownOwnerDiagnostics(parsed, text, repo.config)];
    const trusted = vscode.workspace.isTrusted;
    const base: CodeownersState = { uri: doc.uri, version, root: repo.root, text, parsed, flavor, flavorSetting: setting, inUse: repo.ownership.file, config: repo.config, diagnostics: own, settled: !trusted };
    const analyse = async () => {
      const summary = await this.worker.request<AnalysisSummary>({ kind: 'analyze', root: repo.root, doc: key, version, text, flavor, byteLength }).catch(() => undefined);
      return summary ? withAnalysis(base, summary) : { ...base, settled: true };
    };

    if (trusted && this.ready.has(repo.root)) {
      const state = await analyse();
      if (!stale()) this.publish(state);
      return;
    }
    this.publish(base);
    if (!trusted) return;
    // The first listing of a repository's files: in the background, then analyse.
    const listed = await this.listed(repo.root);
    if (stale()) return;
    // No git here: what the parser found is all there will be.
    const state = listed ? await analyse() : { ...base, settled: true };
    if (!stale()) this.publish(state);
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
    if (!closed) return;
    if (this.worker.running) void this.worker.request({ kind: 'forget', doc: key }).catch(() => undefined);
    this.stopWhenIdle(key);
  }

  /**
   * With no CODEOWNERS open, nothing needs the file lists: the index watchers go, and so
   * does the worker with everything it holds (memory stays bounded).
   */
  private stopWhenIdle(closing?: string): void {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() !== closing && !d.isClosed && isCodeownersDocument(d))) return;
    this.fileEvents.unfollowAll();
    this.worker.stop();
    this.trees.clear();
    this.ready.clear();
    for (const t of this.treeTimers.values()) clearTimeout(t);
    this.treeTimers.clear();
  }

  /** The files of the repository at `root` may have changed: they are listed again, soon. */
  private filesChanged(root: string): void {
    if (!this.trees.has(root)) return;
    this.relistsAsked++;
    clearTimeout(this.treeTimers.get(root));
    this.treeTimers.set(
      root,
      setTimeout(() => {
        this.treeTimers.delete(root);
        const next = this.listFiles(root);
        this.trees.set(root, next);
        void next.then(() => {
          if (!this.isDisposed) this.rescheduleAll();
        });
      }, TREE_DEBOUNCE_MS),
    );
  }

  private clearTimers(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const t of this.treeTimers.values()) clearTimeout(t);
    this.pending.clear();
    this.treeTimers.clear();
  }
}

function withAnalysis(base: CodeownersState, analysis: AnalysisSummary): CodeownersState {
  const diagnostics = [...base.diagnostics, ...analysis.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...base, analysis, diagnostics, settled: true };
}

/** Where the CODEOWNERS at `rel` stands: what the search finds, and what the settings name instead. */
function placementOf(repo: RepositoryState, rel: string, setting: FlavorSetting, flavor: Flavor): Placement {
  const kindOf = (relative: string) => nodeFileSystem.kind(nodePath.join(repo.root, relative));
  const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(repo.root)).get<string>(Settings.codeownersPath)?.trim();
  const { file, flavor: inUse } = repo.ownership;
  if (!configured) return { relative: rel, searched: file !== null ? { file, flavor: inUse } : null, named: null, setting, kindOf };
  // The settings name a file: what the hosts read is found apart (this file's flavor when it is that one).
  const located = locateCodeowners(kindOf, setting).located;
  const searched = located ? { file: located.file, flavor: located.file === rel ? flavor : located.flavor } : null;
  return { relative: rel, searched, named: file, setting, kindOf };
}

function flavorSettingOf(doc: vscode.TextDocument): FlavorSetting {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, doc.uri).get<FlavorSetting>(Settings.flavor) ?? 'auto';
}
