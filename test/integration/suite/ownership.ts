// Helpers for the ownership suites: the extension's test API (what activate() returns: the
// surfaces as VS Code sees them), opening files, and reading tree views as plain data.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OwnershipLensApi } from '../../../src/extension/extension';
import { waitFor } from './waitFor';
import { extensionId, fixture } from './workspace';

export async function lens(): Promise<OwnershipLensApi> {
  const extension = vscode.extensions.getExtension<OwnershipLensApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  return extension.activate();
}

/** The workspace folder named `name` (its last path segment). */
export function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `no workspace folder named ${name}; have ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return found;
}

export const folders = {
  main: () => folder(fixture.workspaceName),
  gitlab: () => folder(path.basename(fixture.folders.gitlab.path)),
  app: () => folder(path.basename(fixture.folders.subfolder.open)),
  noMap: () => folder(path.basename(fixture.folders.noMap.path)),
  editing: () => folder(path.basename(fixture.folders.editing.path)),
};

export function uriIn(f: vscode.WorkspaceFolder, relative: string): vscode.Uri {
  return vscode.Uri.joinPath(f.uri, ...relative.split('/'));
}

/** Opens `uri` in the active editor and waits until the extension follows it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const api = await lens();
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await waitFor(`the extension to follow ${uri.fsPath}`, () => api.active.uri?.toString() === uri.toString());
  return editor;
}

export interface TreeSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  command?: { command: string; arguments?: unknown[] };
  contextValue?: string;
  children: TreeSnapshot[];
}

/** The tree a provider gives VS Code, as plain data, `depth` levels deep. */
export async function snapshot<T>(provider: vscode.TreeDataProvider<T>, element?: T, depth = 4): Promise<TreeSnapshot[]> {
  const children = (await provider.getChildren(element)) ?? [];
  const out: TreeSnapshot[] = [];
  for (const child of children) {
    let item = await provider.getTreeItem(child);
    // What VS Code does on hover: ask the provider for what the item left undefined.
    if (item.tooltip === undefined && provider.resolveTreeItem) item = (await provider.resolveTreeItem(item, child, new vscode.CancellationTokenSource().token)) ?? item;
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    out.push({
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      tooltip,
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      command: item.command ? { command: item.command.command, arguments: item.command.arguments } : undefined,
      contextValue: item.contextValue,
      children: depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None ? await snapshot(provider, child, depth - 1) : [],
    });
  }
  return out;
}

/** The node reached by following labels from the roots. */
export function find(tree: TreeSnapshot[], ...labels: string[]): TreeSnapshot {
  let level = tree;
  let found: TreeSnapshot | undefined;
  for (const label of labels) {
    found = level.find((n) => n.label === label);
    assert.ok(found, `no "${label}" among ${JSON.stringify(level.map((n) => n.label))}`);
    level = found.children;
  }
  assert.ok(found);
  return found;
}

export const labels = (tree: TreeSnapshot[]) => tree.map((n) => n.label);

/**
 * *This File* for `uri`, once it describes that file (its description is the repository-relative
 * path) and `ready` holds for its tree.
 */
export async function thisFile(uri: vscode.Uri, repoPath: string, ready: (tree: TreeSnapshot[]) => boolean = () => true): Promise<TreeSnapshot[]> {
  const api = await lens();
  await open(uri);
  let tree: TreeSnapshot[] = [];
  await waitFor(`This File to describe ${repoPath}`, async () => {
    tree = await snapshot(api.views.thisFile.provider);
    return api.views.thisFile.view.description === repoPath && tree.length > 0 && ready(tree);
  }, { describe: () => ({ description: api.views.thisFile.view.description, tree: tree.map((n) => [n.label, n.description, n.children.map((c) => [c.label, c.description])]) }) });
  return tree;
}

export interface OurHover {
  /** The Markdown source. */
  value: string;
  /** What it reads as: the Markdown source with its backslash escapes undone. */
  text: string;
  range?: vscode.Range;
  md?: vscode.MarkdownString;
}

/** Markdown source to the text it renders (escapes only: the hovers use no other syntax in text). */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Our hover at the first occurrence of `needle` in `uri` (offset into it), or undefined. */
export async function hoverAt(uri: vscode.Uri, needle: string, offset = 1): Promise<OurHover | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const index = doc.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" is not in ${uri.fsPath}`);
  const position = doc.positionAt(index + offset);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      const md = content instanceof vscode.MarkdownString ? content : undefined;
      const value = md ? md.value : typeof content === 'string' ? content : content.value;
      if (OUR_HOVER.test(value)) return { value, text: unescapeMarkdown(value), range: hover.range, md };
    }
  }
  return undefined;
}

/** Our hovers start with the situation's icon and label in bold. */
const OUR_HOVER = /^\$\((home|organization|question|circle-slash)\) \*\*/;

/** The status bar text without the count of staged upstream paths that Before You Commit appends. */
export function statusOwners(text: string): string {
  return text.replace(/ · \$\(git-commit\) \d+ upstream$/, '');
}

/** Sets a setting for the test and returns a function that puts it back. */
export async function withSetting(key: string, value: unknown, scope?: vscode.Uri): Promise<() => Promise<void>> {
  const [section, ...rest] = key.split('.');
  const config = vscode.workspace.getConfiguration(section, scope);
  const name = rest.join('.');
  const before = config.inspect(name)?.globalValue;
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration(section, scope).update(name, before, vscode.ConfigurationTarget.Global);
  };
}
