// The slice of the built-in git extension's API (extensions/git/src/api/git.d.ts in VS Code)
// that these tests use. Declared here rather than copied whole: 400 lines for 5 fields.
import type * as vscode from 'vscode';

export interface Change {
  readonly uri: vscode.Uri;
}

export interface RepositoryState {
  readonly HEAD: { readonly name?: string; readonly commit?: string } | undefined;
  readonly indexChanges: Change[];
  readonly workingTreeChanges: Change[];
}

export interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: RepositoryState;
}

export interface API {
  readonly repositories: Repository[];
}

export interface GitExtension {
  getAPI(version: 1): API;
}
