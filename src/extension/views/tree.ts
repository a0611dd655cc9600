// Tree views here are built whole from the model (a few dozen items at most) and handed to
// VS Code as nodes that already hold their TreeItem: no per-item lookups when expanding.
// A Markdown tooltip is the exception: it is handed out only when VS Code asks for it (on
// hover, through resolveTreeItem), because VS Code parses every Markdown string it is sent
// in the extension host, and the Rubric view alone sends one per expectation (31 for L4) per
// rebuild.
import vscode = require('vscode');
import { showControls } from '../util/inertText';

export class Node {
  constructor(
    readonly item: vscode.TreeItem,
    readonly children: readonly Node[] = [],
    /** Anything a command on this item needs (e.g. the expectation to copy). */
    readonly data?: unknown,
    /** The item's Markdown tooltip, given to VS Code when it resolves the item (on hover). */
    readonly tooltip?: vscode.MarkdownString,
  ) {}
}

export interface NodeOptions {
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: string;
  command?: vscode.Command;
  contextValue?: string;
  /** Only for items with children: start expanded (default) or collapsed. */
  expanded?: boolean;
  id?: string;
  data?: unknown;
  resourceUri?: vscode.Uri;
}

export function node(label: string, options: NodeOptions = {}, children: readonly Node[] = []): Node {
  const state =
    children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : options.expanded === false
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
  // Labels, descriptions and plain tooltips render as text (see oneLine); Markdown tooltips
  // are escaped where they are written.
  const item = new vscode.TreeItem(oneLine(label), state);
  if (options.description !== undefined) item.description = oneLine(options.description);
  if (typeof options.tooltip === 'string') item.tooltip = showControls(options.tooltip);
  if (options.icon) item.iconPath = new vscode.ThemeIcon(options.icon);
  if (options.command) item.command = options.command;
  if (options.contextValue) item.contextValue = options.contextValue;
  if (options.id) item.id = options.id;
  if (options.resourceUri) item.resourceUri = options.resourceUri;
  return new Node(item, children, options.data, typeof options.tooltip === 'string' ? undefined : options.tooltip);
}

/**
 * Sets a view's description and message, each only when it changes. Every assignment is work
 * for the window whatever the value: the description is sent again with the title, the
 * message is queued to be sent, and the views rebuild on every switch of editor.
 */
export function setViewText(view: vscode.TreeView<unknown>, description: string | undefined, message: string | undefined): void {
  if (view.description !== description) view.description = description;
  if (view.message !== message) view.message = message;
}

/** A line break would only be cut off; control and bidi characters are shown as escapes. */
export function oneLine(text: string): string {
  return showControls(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
}

/**
 * A provider whose whole tree is computed by `build` when VS Code first asks for the root
 * (so nothing is computed while the view is hidden) and again after `refresh()`. With
 * `prebuild` saying so (the view is shown), `refresh()` builds the new tree at once and tells
 * VS Code only when it is ready, so that VS Code's request is answered from it.
 */
export class BuiltTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly ready = new vscode.EventEmitter<readonly Node[]>();
  /** Fires with each tree built ahead by `refresh()`, when it is ready to hand out. */
  readonly onDidBuild = this.ready.event;
  /** The tree for the current state, built or being built; undefined: build on request. */
  private current: Promise<readonly Node[]> | undefined;

  /**
   * `build` may answer at once (an array) or later (a promise): a tree built at once is
   * announced within the call to refresh(), so within the event that asked for it.
   */
  constructor(
    private readonly build: () => readonly Node[] | Promise<readonly Node[]>,
    private readonly prebuild: () => boolean = () => false,
  ) {}

  refresh(): void {
    if (!this.prebuild()) {
      this.current = undefined;
      this.changed.fire(undefined);
      return;
    }
    const built = this.build();
    const tree = built instanceof Promise ? built : Promise.resolve(built);
    this.current = tree;
    const announce = (nodes?: readonly Node[]) => {
      // A later refresh has started another tree: that one will be announced.
      if (this.current !== tree) return;
      if (nodes) this.ready.fire(nodes);
      else this.current = undefined;
      this.changed.fire(undefined);
    };
    // Built at once: announced within this call, so within the event that asked for it.
    if (built instanceof Promise) tree.then(announce, () => announce());
    else announce(built);
  }

  getTreeItem(element: Node): vscode.TreeItem {
    return element.item;
  }

  /** VS Code asks for what the item left undefined, when it is hovered: the Markdown tooltip. */
  resolveTreeItem(item: vscode.TreeItem, element: Node): vscode.TreeItem {
    if (item.tooltip === undefined && element.tooltip !== undefined) item.tooltip = element.tooltip;
    return item;
  }

  async getChildren(element?: Node): Promise<Node[]> {
    if (element) return [...element.children];
    // A tree built ahead stays current until the next refresh; otherwise each request builds.
    return [...(await (this.current ?? this.build()))];
  }

  dispose(): void {
    this.changed.dispose();
    this.ready.dispose();
  }
}
