// "Select Rubric": the bundled levels or a team's own rubric file, saved in the settings.
import nodePath = require('node:path');
import vscode = require('vscode');
import { BUNDLED_RUBRICS, type BundledRubricName } from '../core/rubric/compiledRubrics';
import type { ActiveFile } from './activeFile';
import { Commands, SETTINGS_SECTION, Settings } from './constants';
import type { OwnershipModel } from './model/ownershipModel';

interface RubricPick extends vscode.QuickPickItem {
  choice?: string;
  custom?: boolean;
}

export function registerSelectRubric(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.selectRubric, async (choice?: unknown) => {
      const folder = active.uri ? vscode.workspace.getWorkspaceFolder(active.uri) : vscode.workspace.workspaceFolders?.[0];
      const current = await model.rubricFor(active.uri);
      let value = typeof choice === 'string' ? choice : await pick(model, current.choice, folder);
      if (value === undefined) return;
      if (folder && nodePath.isAbsolute(value) && !nodePath.relative(folder.uri.fsPath, value).startsWith('..')) {
        value = nodePath.relative(folder.uri.fsPath, value).split(nodePath.sep).join('/');
      }
      const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri);
      const inspected = config.inspect<string>(Settings.rubric);
      // A level is a personal choice: user settings, unless the workspace already pins one
      // (and writing .vscode/settings.json is only done in a trusted workspace).
      const target =
        vscode.workspace.isTrusted && inspected?.workspaceFolderValue !== undefined
          ? vscode.ConfigurationTarget.WorkspaceFolder
          : vscode.workspace.isTrusted && inspected?.workspaceValue !== undefined
            ? vscode.ConfigurationTarget.Workspace
            : vscode.ConfigurationTarget.Global;
      await config.update(Settings.rubric, value, target);
    }),
  );
}

async function pick(model: OwnershipModel, current: string, folder: vscode.WorkspaceFolder | undefined): Promise<string | undefined> {
  const items: RubricPick[] = await Promise.all(
    (Object.keys(BUNDLED_RUBRICS) as BundledRubricName[]).map(async (name) => {
      const rubric = await model.bundledRubric(name);
      return { label: rubric.level, description: rubric.title, detail: rubric.oneLiner ?? rubric.intro, choice: name, picked: name === current };
    }),
  );
  items.push({ label: 'Custom rubric file…', description: 'a YAML file in the rubric format (see the README)', custom: true });
  const chosen = await vscode.window.showQuickPick(items, { title: 'Ownership rubric', placeHolder: `Current: ${current}` });
  if (!chosen) return undefined;
  if (!chosen.custom) return chosen.choice;
  const files = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: folder?.uri, filters: { 'Rubric (YAML)': ['yaml', 'yml'] }, title: 'Choose a rubric file' });
  return files?.[0]?.fsPath;
}
