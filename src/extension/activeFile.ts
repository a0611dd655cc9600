// The file the user is looking at: what the status bar and *This File* describe. Editors that
// are not files on disk (output, settings) leave the previous file in place, so focusing the
// Output panel does not blank the sidebar; closing the last editor does.
import * as vscode from 'vscode';
import { Disposable } from './util/dispose';

/**
 * Lookup options for what ActiveFile yields: an editor's document, never a folder, so a
 * lookup for it need not ask the disk (a stat on every switch of editor).
 */
export const EDITOR_DOCUMENT = { isDirectory: false } as const;

export class ActiveFile extends Disposable {
  private current: vscode.Uri | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri | undefined>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.current = fileOf(activeUri());
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => this.update()));
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  private update(): void {
    const uri = activeUri();
    const next = uri === undefined ? undefined : uri.scheme === 'file' ? uri : this.current;
    if (next?.toString() === this.current?.toString()) return;
    this.current = next;
    this.changed.fire(next);
  }
}

function activeUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) return input.uri;
  return undefined;
}

function fileOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  return uri?.scheme === 'file' ? uri : undefined;
}
