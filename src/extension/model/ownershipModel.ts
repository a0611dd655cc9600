// The model every surface reads: the repository catalog and the rubrics, kept current by the
// editor's events (file watchers, unsaved buffers, settings, workspace trust). Surfaces ask
// `lookup`/`guidance` and listen to `onDidChange`; nothing here renders anything.
import nodePath = require('node:path');
import vscode = require('vscode');
import { LOCATIONS, type FlavorSetting } from '../../core';
import type { GitUser } from '../../core/identity/identity';
import type { Membership } from '../../core/membership/types';
import { OWNERSHIP_CONFIG_LOCATIONS } from '../../core/practices/configLocations';
import { CONTRIBUTING_NAMES } from '../../core/practices/contributing';
import type { Guidance } from '../../core/situation/guidance';
import { timeSlices } from '../../core/slices';
import { SETTINGS_SECTION, Settings } from '../constants';
import { lazyBundle, type LazyBundles } from '../lazy';
import { Disposable } from '../util/dispose';
import { OverlayFileSystem } from './overlayFileSystem';
import { RepositoryCatalog, type PathLookup, type RepositorySettings, type RepositoryState } from './repositoryCatalog';
import { RubricCatalog, type RubricState } from './rubricCatalog';
import type { BundledRubricName } from '../../core/rubric/compiledRubrics';
import type { Rubric } from '../../core/rubric/types';

export type { PathLookup, RepositoryState, RubricState };

export interface FileGuidance {
  lookup: PathLookup;
  guidance: Guidance;
  rubric: RubricState;
}

/** The names of the files the model is built from, wherever the settings do not say otherwise. */
const MODEL_FILE_NAMES = new Set(['CODEOWNERS', ...OWNERSHIP_CONFIG_LOCATIONS.map((p) => nodePath.basename(p))]);
/** Directories (relative to a repository root) where those files are looked for. */
const MODEL_DIRS = [...new Set([...Object.values(LOCATIONS).flat(), ...OWNERSHIP_CONFIG_LOCATIONS].map((p) => nodePath.dirname(p)))];

const GIT_TIMEOUT_MS = 5000;
/** Typing in CODEOWNERS re-parses at most this often. */
const BUFFER_DEBOUNCE_MS = 120;

export class OwnershipModel extends Disposable {
  private readonly fs = new OverlayFileSystem();
  private readonly catalog: RepositoryCatalog;
  private readonly rubrics: RubricCatalog;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when anything a surface shows may have changed. */
  readonly onDidChange = this.changed.event;
  /** Absolute paths of files read by a loaded repository or rubric (beyond the usual names). */
  private readonly knownFiles = new Set<string>();
  /** Watchers for repositories and rubrics outside the workspace folders, by directory. */
  private readonly outsideWatchers = new Map<string, vscode.Disposable>();
  private readonly pendingBuffers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly noted = new WeakSet<RepositoryState>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many times loading a CODEOWNERS gave the event loop back between slices (read by the integration tests). */
  loadYields = 0;

  /** `memberships`: what GitHub and GitLab say about me (see membership/); call refresh() when it changes. */
  constructor(options: { memberships?: () => readonly Membership[] } = {}) {
    super();
    this.catalog = new RepositoryCatalog({
      fs: this.fs,
      settings: (root) => readRepositorySettings(root),
      gitUser: (root) => this.gitUser(root),
      memberships: options.memberships,
      slicer: () => {
        const slices = timeSlices();
        return {
          due: slices.due,
          next: () => {
            this.loadYields++;
            return slices.next();
          },
        };
      },
    });
    this.rubrics = new RubricCatalog(this.fs);

    // Inside the workspace folders VS Code already watches everything: one glob is enough.
    const names = [...MODEL_FILE_NAMES].join(',');
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/{${names}}`));
    this.watch(watcher);
    // Deleting a folder that held them (`rm -r .github`) may arrive as one event for the folder,
    // which the glob above does not match: watch those folders' deletions too.
    const folders = MODEL_DIRS.filter((d) => d !== '.').join(',');
    const folderWatcher = this._register(vscode.workspace.createFileSystemWatcher(`**/{${folders}}`, true, true, false));
    this._register(folderWatcher.onDidDelete((uri) => this.fileChanged(uri.fsPath)));
    // Where the CONTRIBUTING guides are is remembered (see RepositoryCatalog): a guide created
    // or deleted is news.
    const guides = this._register(vscode.workspace.createFileSystemWatcher(`**/{${CONTRIBUTING_NAMES.join(',')}}`, true, true, false));
    const guideChanged = () => {
      this.catalog.contributingChanged();
      this.scheduleFire(0);
    };
    this._register(guides.onDidCreate(guideChanged));
    this._register(guides.onDidDelete(guideChanged));

    for (const doc of vscode.workspace.textDocuments) this.trackBuffer(doc);
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.trackBuffer(e.document)));
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => this.bufferSettled(doc)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.bufferSettled(doc)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.refresh();
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()));
    // Back from another application (a branch switched, files edited there): compare every
    // loaded repository's files with the disk at once, in case a watcher missed it.
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && this.catalog.recheckAll().length > 0) this.scheduleFire(0);
      }),
    );
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()));
    this._register({ dispose: () => this.disposeTimers() });
    // Every surface that describes a file needs the rubric: read it soon after activation,
    // rather than in the same task as the first CODEOWNERS when the first file is shown. A
    // bundled rubric is compiled JSON (core/rubric/compiledRubrics.ts); the YAML parser loads
    // only for a custom rubric or an ownership.yml.
    this.warmTimer = setTimeout(() => {
      void this.rubricFor().catch(() => undefined);
      // Who I am comes from git (trusted workspaces only): simple-git's bundle is required in a
      // task of its own, not in the one that also reads the first CODEOWNERS and starts git.
      if (vscode.workspace.isTrusted && typeof __LAZY_BUNDLES__ !== 'undefined') this.warmTimer = setTimeout(() => lazyBundle('git'), 0);
    }, 0);
  }

  private warmTimer: ReturnType<typeof setTimeout> | undefined;

  /** Who owns the file or folder at `uri`. Undefined for anything not on disk in a folder or repository. */
  async lookup(uri: vscode.Uri, options: { isDirectory?: boolean } = {}): Promise<PathLookup | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const lookup = await this.catalog.lookup(uri.fsPath, { isDirectory: options.isDirectory, fallbackRoot: folder?.uri.fsPath });
    if (lookup) {
      this.noteRepository(lookup.repo);
      this.recheck(lookup.repo.root);
    }
    return lookup;
  }

  /**
   * Compares the repository's files with the disk now and then (RepositoryCatalog.recheck):
   * a change no watcher reported is then news for every surface, which asks again.
   */
  private recheck(root: string): void {
    if (this.catalog.recheck(root)) this.scheduleFire(0);
  }

  /**
   * Everything the product says about `uri`: owners, situation, team, practices, rubric.
   * `contributing: false` (the hover, which does not show it) skips looking for the nearest
   * CONTRIBUTING guide on disk: `guidance.contributing` is then only what is already known.
   */
  async guidance(uri: vscode.Uri, options: { isDirectory?: boolean; contributing?: boolean } = {}): Promise<FileGuidance | undefined> {
    const lookup = await this.lookup(uri, options);
    return lookup ? this.guidanceOf(lookup, await this.rubricFor(uri), options.contributing !== false) : undefined;
  }

  private guidanceOf(lookup: PathLookup, rubric: RubricState, contributing: boolean): FileGuidance {
    if (contributing) this.catalog.prepareGuidance(lookup);
    return { lookup, rubric, guidance: this.catalog.guidance(lookup, rubric.rubric) };
  }

  /**
   * guidance() answered at once, from what is already loaded (the repository and the rubric):
   * a surface that follows the active editor can then redraw within VS Code's event, instead of
   * after the other extensions' work on the same event. Undefined when that is not possible:
   * then await guidance().
   */
  guidanceNow(uri: vscode.Uri, options: { isDirectory?: boolean } = {}): FileGuidance | undefined {
    if (uri.scheme !== 'file') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rubric = this.rubrics.getNow(this.rubricChoice(folder), folder?.uri.fsPath);
    if (!rubric) return undefined;
    const lookup = this.catalog.lookupNow(uri.fsPath, { isDirectory: options.isDirectory, fallbackRoot: folder?.uri.fsPath });
    if (!lookup) return undefined;
    this.noteRepository(lookup.repo);
    this.recheck(lookup.repo.root);
    return this.guidanceOf(lookup, rubric, true);
  }

  /**
   * The rubric setting by folder ('' for none), read once: every switch of editor asks for
   * it, and getConfiguration builds the merged settings object each time (about 6% of This
   * File's work on a switch). Forgotten by refresh(), which a change of our settings calls.
   */
  private readonly rubricChoices = new Map<string, string | undefined>();

  private rubricChoice(folder: vscode.WorkspaceFolder | undefined): string | undefined {
    const key = folder?.uri.toString() ?? '';
    if (this.rubricChoices.has(key)) return this.rubricChoices.get(key);
    const choice = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri).get<string>(Settings.rubric);
    this.rubricChoices.set(key, choice);
    return choice;
  }

  /** The repository (root, CODEOWNERS, ownership.yml, me) that holds `uri`, if any. */
  async repositoryFor(uri: vscode.Uri): Promise<RepositoryState | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = this.catalog.rootOf(uri.fsPath, folder?.uri.fsPath);
    if (root === undefined) return undefined;
    const repo = await this.catalog.repository(root);
    this.noteRepository(repo);
    this.recheck(root);
    return repo;
  }

  /** A bundled rubric by name, from its compiled form (no YAML parser) when the build left one. */
  async bundledRubric(name: BundledRubricName): Promise<Rubric> {
    return (await this.rubrics.get(name, undefined)).rubric;
  }

  /** The rubric chosen for the folder of `uri` (or the window, with no file). */
  async rubricFor(uri?: vscode.Uri): Promise<RubricState> {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const state = await this.rubrics.get(this.rubricChoice(folder), folder?.uri.fsPath);
    if (state.customFile && !this.knownFiles.has(state.customFile)) {
      this.knownFiles.add(state.customFile);
      this.watchOutside(nodePath.dirname(state.customFile), nodePath.basename(state.customFile));
    }
    return state;
  }

  /** Forgets everything read so far; the next question reads it again. */
  refresh(): void {
    this.rubricChoices.clear();
    this.catalog.invalidateAll();
    this.rubrics.invalidateAll();
    this.scheduleFire(0);
  }

  // --- what changed ---------------------------------------------------------------------

  private watch(watcher: vscode.FileSystemWatcher): void {
    const onFile = (uri: vscode.Uri) => this.fileChanged(uri.fsPath);
    this._register(watcher.onDidChange(onFile));
    this._register(watcher.onDidCreate(onFile));
    this._register(watcher.onDidDelete(onFile));
  }

  private isModelFile(absPath: string): boolean {
    return MODEL_FILE_NAMES.has(nodePath.basename(absPath)) || this.knownFiles.has(absPath);
  }

  private fileChanged(absPath: string): void {
    const repos = this.catalog.invalidateFile(absPath);
    const rubric = this.rubrics.invalidateFile(absPath);
    if (repos.length > 0 || rubric) this.scheduleFire(0);
  }

  /** An open CODEOWNERS, ownership.yml or rubric is read as its buffer, unsaved edits included. */
  private trackBuffer(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !this.isModelFile(doc.uri.fsPath)) return;
    const path = doc.uri.fsPath;
    clearTimeout(this.pendingBuffers.get(path));
    this.pendingBuffers.set(
      path,
      setTimeout(() => {
        this.pendingBuffers.delete(path);
        if (this.fs.set(path, doc.isDirty && !doc.isClosed ? doc.getText() : undefined)) this.fileChanged(path);
      }, BUFFER_DEBOUNCE_MS),
    );
  }

  /** Saved or closed: the disk is the truth again. */
  private bufferSettled(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !this.isModelFile(doc.uri.fsPath)) return;
    clearTimeout(this.pendingBuffers.get(doc.uri.fsPath));
    this.pendingBuffers.delete(doc.uri.fsPath);
    this.fs.set(doc.uri.fsPath, undefined);
    // Saving also reaches the watcher, but not necessarily soon: do not wait for it.
    this.fileChanged(doc.uri.fsPath);
  }

  private scheduleFire(delayMs: number): void {
    if (this.fireTimer !== undefined) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      if (!this.isDisposed) this.changed.fire();
    }, delayMs);
  }

  /** Remembers a repository's files, and watches them when they lie outside the workspace folders. */
  private noteRepository(repo: RepositoryState): void {
    // Every lookup passes here (the explorer asks for each visible file): once per load is enough.
    if (this.noted.has(repo)) return;
    this.noted.add(repo);
    const files = [repo.ownership.file, repo.config.file].filter((f): f is string => f !== null).map((f) => nodePath.resolve(repo.root, f));
    for (const f of files) this.knownFiles.add(f);
    if (vscode.workspace.getWorkspaceFolder(vscode.Uri.file(repo.root))) {
      // Inside a folder the workspace watcher sees the usual names; a configured CODEOWNERS may have another.
      for (const f of files) if (!MODEL_FILE_NAMES.has(nodePath.basename(f))) this.watchOutside(nodePath.dirname(f), nodePath.basename(f));
      return;
    }
    // A repository root above the opened folder (a monorepo opened at a package): watch only
    // the few directories where its files live, never the whole repository.
    for (const dir of MODEL_DIRS) {
      const abs = nodePath.join(repo.root, dir);
      if (this.fs.kind(abs) === 'directory') this.watchOutside(abs, '*');
    }
    for (const f of files) this.watchOutside(nodePath.dirname(f), nodePath.basename(f));
  }

  private watchOutside(dir: string, glob: string): void {
    const key = `${dir}\0${glob}`;
    if (this.outsideWatchers.has(key)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), glob));
    this.outsideWatchers.set(key, this._register(watcher));
    this.watch(watcher);
  }

  /** git runs only in a trusted workspace: in restricted mode "me" comes from the settings alone. */
  private async gitUser(root: string): Promise<GitUser | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    // Loaded on first use: simple-git costs more to load than the rest of the extension.
    const { createGitClient }: LazyBundles['git'] = typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('git') : await import('../../git/gitClient.js');
    return createGitClient(root, { timeoutMs: GIT_TIMEOUT_MS }).user();
  }

  private disposeTimers(): void {
    clearTimeout(this.fireTimer);
    clearTimeout(this.warmTimer);
    for (const t of this.pendingBuffers.values()) clearTimeout(t);
    this.pendingBuffers.clear();
  }
}

function readRepositorySettings(root: string): RepositorySettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(root));
  const codeownersPath = config.get<string>(Settings.codeownersPath)?.trim();
  return {
    codeownersPath: codeownersPath ? codeownersPath : undefined,
    flavor: config.get<FlavorSetting>(Settings.flavor) ?? 'auto',
    me: config.get<string[]>(Settings.me) ?? [],
  };
}
