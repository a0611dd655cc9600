// *Before You Commit*: staged files grouped by owner, with the reminders each group needs.
// The reminders arrive with their own feature; until then the view is registered (so its
// place, welcome text and wiring exist) and shows nothing.
import * as vscode from 'vscode';
import { Views } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import { BuiltTreeProvider, type Node } from './tree';

export interface BeforeCommitView {
  provider: BuiltTreeProvider;
  view: vscode.TreeView<Node>;
}

export function registerBeforeCommitView(context: vscode.ExtensionContext, model: OwnershipModel): BeforeCommitView {
  const provider = new BuiltTreeProvider(async () => []);
  const view = vscode.window.createTreeView(Views.beforeCommit, { treeDataProvider: provider });
  context.subscriptions.push(provider, view, model.onDidChange(() => provider.refresh()));
  return { provider, view };
}
