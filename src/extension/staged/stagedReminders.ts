// The staged changes of every followed repository, turned into reminders (src/core/reminders):
// grouped by owners, with practices, contacts, etiquette and the rubric's commit expectations.
// Recomputed when the index or the ownership model changes; surfaces (the Before You Commit
// view, the status bar, the notification) listen to `onDidChange`.
import nodePath = require('node:path');
import vscode = require('vscode');
import { nodeFileSystem } from '../../core';
import { remindersFor, type Reminders } from '../../core/reminders/reminders';
import type { StagedChange } from '../../core/reminders/staged';
import { pathOwnership } from '../../core/situation/pathOwnership';
import type { OwnershipModel } from '../model/ownershipModel';
import { Disposable } from '../util/dispose';
import { createStagedSource, type StagedSource } from './stagedSources';

export interface RepositoryReminders {
  /** Absolute repository root. */
  root: string;
  /** The workspace folder's name when the root is one, else the root's folder name. */
  name: string;
  reminders: Reminders;
}

/** `untrusted`: nothing is followed (no git runs); `starting`: looking for the Git extension. */
export type StagedState = 'untrusted' | 'starting' | 'following';

/** Index changes arrive in bursts (one per `git add`): recompute once they settle. */
const RECOMPUTE_DEBOUNCE_MS = 100;

export class StagedReminders extends Disposable {
  private source: StagedSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private current: RepositoryReminders[] = [];
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires after `repositories` changed. */
  readonly onDidChange = this.changed.event;
  state: StagedState = 'untrusted';
  /** Settles when the latest recompute has been applied (for tests). */
  updated: Promise<void> = Promise.resolve();

  constructor(
    private readonly model: OwnershipModel,
    private readonly createSource: () => Promise<StagedSource> = createStagedSource,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register({ dispose: () => this.source?.dispose() });
    this._register(model.onDidChange(() => this.schedule()));
    if (vscode.workspace.isTrusted) {
      // Not during activation: following the staged set loads and runs git.
      const first = setImmediate(() => void this.start());
      this._register({ dispose: () => clearImmediate(first) });
    } else this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.start()));
  }

  /** Repositories with something staged, by name. */
  get repositories(): readonly RepositoryReminders[] {
    return this.current;
  }

  /** Which source follows the index: the Git extension or our own git. */
  get sourceKind(): StagedSource['kind'] | undefined {
    return this.source?.kind;
  }

  /** Staged paths owned by someone else, over all repositories (a rename counts for both paths). */
  get upstreamCount(): number {
    return this.current.reduce((n, r) => n + r.reminders.counts.upstream, 0);
  }

  /** Roots of the repositories followed, whatever is staged there. */
  get roots(): string[] {
    return [...(this.source?.repositories.keys() ?? [])];
  }

  private async start(): Promise<void> {
    if (this.state !== 'untrusted' || !vscode.workspace.isTrusted) return;
    this.state = 'starting';
    const source = await this.createSource();
    if (this.isDisposed) {
      source.dispose();
      return;
    }
    this.source = source;
    this.state = 'following';
    this._register(source.onDidChange(() => this.schedule()));
    this.schedule();
    this.changed.fire();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const generation = ++this.generation;
      this.updated = this.recompute(generation).catch(() => undefined);
    }, RECOMPUTE_DEBOUNCE_MS);
  }

  private async recompute(generation: number): Promise<void> {
    const source = this.source;
    if (!source) return;
    const staged = [...source.repositories].filter(([, changes]) => changes.length > 0);
    const next: RepositoryReminders[] = [];
    for (const [root, changes] of staged) {
      const reminders = await this.remindersIn(root, changes);
      if (reminders) next.push({ root, name: repositoryName(root), reminders });
    }
    if (generation !== this.generation || this.isDisposed) return;
    next.sort((a, b) => a.name.localeCompare(b.name) || a.root.localeCompare(b.root));
    this.current = next;
    this.changed.fire();
  }

  private async remindersIn(root: string, changes: readonly StagedChange[]): Promise<Reminders | undefined> {
    const uri = vscode.Uri.file(root);
    const repo = await this.model.repositoryFor(uri);
    if (!repo) return undefined;
    const { rubric } = await this.model.rubricFor(uri);
    return remindersFor(changes, {
      root: repo.root,
      fs: nodeFileSystem,
      me: repo.me,
      config: repo.config,
      rubric,
      ownership: (p) => pathOwnership(repo.ownership, p),
    });
  }
}

function repositoryName(root: string): string {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file' && f.uri.fsPath === root);
  return folder?.name ?? nodePath.basename(root);
}
