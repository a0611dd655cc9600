// The VS Code layer's entry point: build the model, then register one feature per surface.
// Nothing is read here: the model loads a repository the first time a surface asks about it.
import type * as vscode from 'vscode';
import { ActiveFile } from './activeFile';
import { startActivationTiming } from './activationTiming';
import { registerCodeownersEditing } from './codeowners';
import { registerCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerPathHover } from './hover/pathHover';
import { createMembership, registerMembership } from './membership/registerMembership';
import { OwnershipModel } from './model/ownershipModel';
import { registerRubricDiagnostics } from './rubricDiagnostics';
import { registerSelectRubric } from './selectRubric';
import { registerStarterFiles } from './starterFiles';
import { registerAddOwnerRule } from './addOwnerRule';
import { registerBeforeCommitReminders, registerStagedChanges } from './staged/registerStaged';
import { registerStatusBar } from './statusBar';
import { registerBeforeCommitView } from './views/beforeCommitView';
import { registerRubricView } from './views/rubricView';
import { registerThisFileView } from './views/thisFileView';

export function activate(context: vscode.ExtensionContext) {
  const timing = startActivationTiming();
  const membershipParts = createMembership(context);
  const model = new OwnershipModel({ memberships: () => membershipParts.service.memberships });
  const active = new ActiveFile();
  context.subscriptions.push(model, active);

  registerCommands(context, model, active);
  registerSelectRubric(context, model, active);
  registerStarterFiles(context, model, active);
  registerAddOwnerRule(context, model, active);
  const membership = registerMembership(context, model, membershipParts);
  const staged = registerStagedChanges(context, model);
  const views = {
    thisFile: registerThisFileView(context, model, active, [membership.you]),
    rubric: registerRubricView(context, model, active),
    beforeCommit: registerBeforeCommitView(context, model, staged),
  };
  const statusBar = registerStatusBar(context, model, active);
  const beforeCommit = registerBeforeCommitReminders(context, staged, statusBar);
  const decorations = registerDecorations(context, model);
  const hover = registerPathHover(context, model);
  const codeowners = registerCodeownersEditing(context, model);
  const rubricDiagnostics = registerRubricDiagnostics(context, model);

  // What the integration tests and the bench read: the surfaces as VS Code sees them.
  return { model, active, views, statusBar, decorations, hover, beforeCommit, membership, codeowners, rubricDiagnostics, activation: timing.done() };
}

export type OwnershipLensApi = ReturnType<typeof activate>;

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
