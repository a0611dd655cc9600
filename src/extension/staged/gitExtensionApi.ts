// The slice of the built-in Git extension's API (extensions/git/src/api/git.d.ts in VS Code,
// `getAPI(1)`) that the staged-changes tracker reads. Declared here rather than copied whole.
import type * as vscode from 'vscode';

/** git.d.ts `Status`: only the index side matters before a commit. */
export const enum GitStatus {
  INDEX_MODIFIED = 0,
  INDEX_ADDED = 1,
  INDEX_DELETED = 2,
  INDEX_RENAMED = 3,
  INDEX_COPIED = 4,
  TYPE_CHANGED = 11,
}

export interface GitChange {
  /** For a rename: the new path (as `renameUri`). */
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri: vscode.Uri | undefined;
  readonly status: number;
}

export interface GitRepositoryState {
  readonly indexChanges: GitChange[];
  readonly onDidChange: vscode.Event<void>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
}

export interface GitAPI {
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}
