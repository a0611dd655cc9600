// Where the staged changes come from: the built-in Git extension (it already runs `git status`
// for its own view, so following it costs nothing), or, when that extension is disabled, our
// own `git diff --cached` run again whenever a repository's `.git/index` changes. Both report
// the same plain data per repository root; neither runs in an untrusted workspace (the
// caller only creates a source once the workspace is trusted).
import nodePath = require('node:path');
import vscode = require('vscode');
import { findRepositoryRoot } from '../../core';
import type { StagedChange, StagedStatus } from '../../core/reminders/staged';
import { gitDirOf } from '../git/gitDir';
import { lazyBundle, type LazyBundles } from '../lazy';
import { Disposable } from '../util/dispose';
import { GitStatus, type GitAPI, type GitChange, type GitExtension, type GitRepository } from './gitExtensionApi';

export interface StagedSource extends vscode.Disposable {
  readonly kind: 'git-extension' | 'git-cli';
  /** Repository root (absolute) → what its next commit will change. */
  readonly repositories: ReadonlyMap<string, readonly StagedChange[]>;
  readonly onDidChange: vscode.Event<void>;
}

/** The Git extension when it is there and enabled, else our own git behind a `.git/index` watcher. */
export async function createStagedSource(): Promise<StagedSource> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (extension) {
    try {
      const exports = extension.isActive ? extension.exports : await extension.activate();
      // With git.enabled=false the extension is active but has no model: getAPI throws.
      if (exports.enabled) return new GitExtensionSource(exports.getAPI(1));
    } catch {
      // Fall through to our own git.
    }
  }
  return new GitCliSource();
}

export class GitExtensionSource extends Disposable implements StagedSource {
  readonly kind = 'git-extension';
  private readonly changes = new Map<string, readonly StagedChange[]>();
  private readonly subscriptions = new Map<GitRepository, vscode.Disposable>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(api: GitAPI) {
    super();
    for (const repository of api.repositories) this.follow(repository);
    this._register(api.onDidOpenRepository((r) => this.follow(r)));
    this._register(api.onDidCloseRepository((r) => this.unfollow(r)));
    this._register({ dispose: () => this.subscriptions.forEach((s) => s.dispose()) });
  }

  get repositories(): ReadonlyMap<string, readonly StagedChange[]> {
    return this.changes;
  }

  private follow(repository: GitRepository): void {
    if (this.subscriptions.has(repository)) return;
    const read = () => {
      this.changes.set(repository.rootUri.fsPath, fromGitExtension(repository.rootUri.fsPath, repository.state.indexChanges));
      this.changed.fire();
    };
    this.subscriptions.set(repository, repository.state.onDidChange(read));
    read();
  }

  private unfollow(repository: GitRepository): void {
    this.subscriptions.get(repository)?.dispose();
    this.subscriptions.delete(repository);
    this.changes.delete(repository.rootUri.fsPath);
    this.changed.fire();
  }
}

const INDEX_STATUS: Partial<Record<number, StagedStatus>> = {
  [GitStatus.INDEX_MODIFIED]: 'modified',
  [GitStatus.INDEX_ADDED]: 'added',
  [GitStatus.INDEX_DELETED]: 'deleted',
  [GitStatus.INDEX_RENAMED]: 'renamed',
  [GitStatus.INDEX_COPIED]: 'copied',
  [GitStatus.TYPE_CHANGED]: 'type-changed',
};

/** The Git extension's index changes as `git diff --cached --name-status` would list them. */
export function fromGitExtension(root: string, changes: readonly GitChange[]): StagedChange[] {
  const rel = (uri: vscode.Uri) => nodePath.relative(root, uri.fsPath).split(nodePath.sep).join('/');
  return changes.map((c) => {
    const status = INDEX_STATUS[c.status] ?? 'unknown';
    if ((status === 'renamed' || status === 'copied') && c.renameUri) {
      return { status, path: rel(c.renameUri), from: rel(c.originalUri) };
    }
    return { status, path: rel(c.uri) };
  });
}

/** Re-reading the index waits this long after the last change to `.git/index` (git writes it in bursts). */
const INDEX_DEBOUNCE_MS = 200;
const GIT_TIMEOUT_MS = 5000;

/**
 * The fallback: the repositories that hold the workspace folders, each read with
 * `git diff --cached` at start and again after its `.git/index` changes.
 */
export class GitCliSource extends Disposable implements StagedSource {
  readonly kind = 'git-cli';
  private readonly changes = new Map<string, readonly StagedChange[]>();
  private readonly followed = new Map<string, vscode.Disposable>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(roots?: readonly string[]) {
    super();
    if (roots) {
      for (const root of roots) this.follow(root);
    } else {
      this.followWorkspace();
      this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.followWorkspace()));
    }
    this._register({ dispose: () => this.followed.forEach((d) => d.dispose()) });
  }

  get repositories(): ReadonlyMap<string, readonly StagedChange[]> {
    return this.changes;
  }

  private followWorkspace(): void {
    const roots = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = findRepositoryRoot(folder.uri.fsPath);
      if (root !== null) roots.add(root);
    }
    for (const root of [...this.followed.keys()]) {
      if (roots.has(root)) continue;
      this.followed.get(root)?.dispose();
      this.followed.delete(root);
      this.changes.delete(root);
      this.changed.fire();
    }
    for (const root of roots) this.follow(root);
  }

  private follow(root: string): void {
    if (this.followed.has(root)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;
    const read = async () => {
      const mine = ++generation;
      try {
        // Loaded on first use, as in the model: simple-git costs more to load than the rest.
        const { createGitClient }: LazyBundles['git'] = typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('git') : await import('../../git/gitClient.js');
        const changes = await createGitClient(root, { timeoutMs: GIT_TIMEOUT_MS }).stagedChanges();
        if (mine !== generation || this.isDisposed || !this.followed.has(root)) return;
        this.changes.set(root, changes);
      } catch {
        if (mine !== generation || this.isDisposed) return;
        this.changes.delete(root);
      }
      this.changed.fire();
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), INDEX_DEBOUNCE_MS);
    };
    const subscriptions: vscode.Disposable[] = [];
    let disposed = false;
    this.followed.set(root, {
      dispose: () => {
        disposed = true;
        clearTimeout(timer);
        subscriptions.forEach((s) => s.dispose());
      },
    });
    // The index is in the git directory, which for a worktree or a submodule is not `.git/`.
    void gitDirOf(root).then((gitDir) => {
      if (gitDir === undefined || disposed) return;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(gitDir), 'index'));
      subscriptions.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    });
    // The first read in a task of its own: it may require simple-git's bundle (15 ms or more),
    // which would otherwise lengthen the task that creates this source (activation's).
    timer = setTimeout(() => void read(), 0);
  }
}
