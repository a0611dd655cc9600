// The file the user is looking at: what the status bar and *This File* describe. Editors that
// are not files on disk (output, settings) leave the previous file in place, so focusing the
// Output panel does not blank the sidebar; closing the last editor does.
import vscode = require('vscode');
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
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update(activeUri())));
    // A switch reaches extensions as two messages, the tab model's and the editors', in either
    // order. When the tabs come first, activeTextEditor is still the old editor: the tab that
    // this event activated is the new file, and waiting for the editors' message cost the
    // sidebar 4–5 ms on a busy host.
    this._register(vscode.window.tabGroups.onDidChangeTabs((e) => this.update(activatedUri(e) ?? activeUri())));
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  private update(uri: vscode.Uri | undefined): void {
    const next = uri === undefined ? undefined : uri.scheme === 'file' ? uri : this.current;
    if (next?.toString() === this.current?.toString()) return;
    this.current = next;
    this.changed.fire(next);
  }
}

function activeUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  return documentOf(vscode.window.tabGroups.activeTabGroup.activeTab);
}

/** The document of the tab that `e` reports as now active in the active group, if it reports one. */
function activatedUri(e: vscode.TabChangeEvent): vscode.Uri | undefined {
  for (const tabs of [e.opened, e.changed]) {
    const tab = tabs.find((t) => t.isActive && t.group.isActive);
    if (tab) return documentOf(tab);
  }
  return undefined;
}

/** The document a tab shows: text, custom and notebook editors have one; diffs, terminals and webviews none. */
function documentOf(tab: vscode.Tab | undefined): vscode.Uri | undefined {
  const input = tab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook ? input.uri : undefined;
}

function fileOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  return uri?.scheme === 'file' ? uri : undefined;
}
