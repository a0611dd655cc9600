// Wires the staged-changes reminders to the editor: the tracker, then (once the view and the
// status bar exist) the notification, the status bar count, the pre-commit hook commands and
// the review request copied for a pull request.
import vscode = require('vscode');
import { reviewMarkdown } from '../../core/reminders/reviewMarkdown';
import { Commands } from '../constants';
import { registerHookCommands } from '../hookCommands';
import type { OwnershipModel } from '../model/ownershipModel';
import type { OwnersStatusBar } from '../statusBar';
import { StagedNotifier } from './stagedNotifier';
import { StagedReminders } from './stagedReminders';

/**
 * The staged changes as Markdown for a pull request's description (core/reminders/
 * reviewMarkdown.ts), on the clipboard. Returns the Markdown ('' when nothing is staged).
 */
async function copyReviewRequest(staged: StagedReminders): Promise<string> {
  await staged.updated;
  const markdown = reviewMarkdown(staged.repositories);
  if (markdown === '') {
    void vscode.window.showInformationMessage('Nothing is staged: stage your changes (git add) to list their owners for review.');
    return '';
  }
  await vscode.env.clipboard.writeText(markdown);
  const files = staged.repositories.reduce((n, r) => n + r.reminders.groups.reduce((m, g) => m + g.files.length, 0), 0);
  void vscode.window.setStatusBarMessage(`Copied the owners of ${files} staged file${files === 1 ? '' : 's'} as Markdown, for the pull request`, 5000);
  return markdown;
}

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
    vscode.commands.registerCommand(Commands.copyReviewRequest, () => copyReviewRequest(staged)),
  );
  return { staged, notifier, hooks };
}
