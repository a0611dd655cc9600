// Wires the staged-changes reminders to the editor: the tracker, then (once the view and the
// status bar exist) the notification, the status bar count and the pre-commit hook commands.
import vscode = require('vscode');
import { Commands } from '../constants';
import { registerHookCommands } from '../hookCommands';
import type { OwnershipModel } from '../model/ownershipModel';
import type { OwnersStatusBar } from '../statusBar';
import { StagedNotifier } from './stagedNotifier';
import { StagedReminders } from './stagedReminders';

export function registerStagedChanges(context: vscode.ExtensionContext, model: OwnershipModel): StagedReminders {
  const staged = new StagedReminders(model);
  context.subscriptions.push(staged);
  return staged;
}

export function registerBeforeCommitReminders(context: vscode.ExtensionContext, staged: StagedReminders, statusBar: OwnersStatusBar) {
  const notifier = new StagedNotifier(staged, context.workspaceState);
  const hooks = registerHookCommands(context, staged);
  context.subscriptions.push(
    notifier,
    staged.onDidChange(() => statusBar.setStagedUpstream(staged.upstreamCount)),
    vscode.commands.registerCommand(Commands.remindAgain, () => notifier.unmuteAll()),
    vscode.commands.registerCommand(Commands.showStagedPractices, (root: string, key: string) => notifier.showPractices(root, key)),
  );
  return { staged, notifier, hooks };
}
