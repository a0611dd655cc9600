// "Create Starter CODEOWNERS": a commented CODEOWNERS (with the repository's top-level
// folders as suggestions) and an ownership.yml beside it. Writes files, so only in a trusted
// workspace, and never over an existing file.
import vscode = require('vscode');
import type { ActiveFile } from './activeFile';
import { Commands, SETTINGS_SECTION, Settings } from './constants';
import type { OwnershipModel } from './model/ownershipModel';

export function registerStarterFiles(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.createStarterFiles, async (arg?: unknown) => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showInformationMessage('Ownership Lens writes files only in a trusted workspace.');
        return undefined;
      }
      const folder = await chooseFolder(arg, active);
      if (!folder) return undefined;
      const repo = await model.repositoryFor(folder.uri);
      const root = vscode.Uri.file(repo?.root ?? folder.uri.fsPath);
      if (repo?.ownership.file) {
        const existing = vscode.Uri.joinPath(root, repo.ownership.file);
        void vscode.window.showInformationMessage(`This repository already has ${repo.ownership.file}.`);
        await vscode.window.showTextDocument(existing);
        return existing;
      }
      const flavor = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<string>(Settings.flavor);
      const dir = flavor === 'gitlab' ? '.gitlab' : '.github';
      const codeowners = vscode.Uri.joinPath(root, dir, 'CODEOWNERS');
      await writeNew(codeowners, starterCodeowners(await topLevelFolders(root)));
      if (!repo?.config.file) await writeNew(vscode.Uri.joinPath(root, dir, 'ownership.yml'), STARTER_OWNERSHIP);
      model.refresh();
      await vscode.window.showTextDocument(codeowners);
      return codeowners;
    }),
  );
}

async function chooseFolder(arg: unknown, active: ActiveFile): Promise<vscode.WorkspaceFolder | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder first.');
    return undefined;
  }
  const fromEditor = active.uri ? vscode.workspace.getWorkspaceFolder(active.uri) : undefined;
  if (fromEditor || folders.length === 1) return fromEditor ?? folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create CODEOWNERS for which folder?' });
}

async function writeNew(uri: vscode.Uri, text: string): Promise<void> {
  try {
    await vscode.workspace.fs.stat(uri);
    return; // Never overwrite.
  } catch {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  }
}

async function topLevelFolders(root: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(root);
    return entries
      .filter(([name, type]) => type === vscode.FileType.Directory && !name.startsWith('.') && name !== 'node_modules')
      .map(([name]) => name)
      .sort()
      .slice(0, 20);
  } catch {
    return [];
  }
}

export function starterCodeowners(folders: readonly string[]): string {
  const width = Math.max(24, ...folders.map((f) => f.length + 4));
  const suggestions = folders.map((f) => `# ${`/${f}/`.padEnd(width)}@your-org/${f.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`);
  return [
    '# Who owns what in this repository. The last matching rule wins, so put broad rules first.',
    '# A rule is a pattern (as in .gitignore) and its owners: @user, @org/team or an email.',
    '# https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners',
    '',
    '# Default owners of everything no rule below claims. Replace with your team.',
    `${'*'.padEnd(width + 2)}@your-org/your-team`,
    ...(suggestions.length > 0 ? ['', '# One rule per component. Uncomment and name the owning team:', ...suggestions] : []),
    '',
  ].join('\n');
}

const STARTER_OWNERSHIP = `# What the owners in CODEOWNERS publish for contributors: who they are, how to reach them,
# and what they ask of a change. Read by Ownership Lens; see its README for every key.
teams:
  "@your-org/your-team":
    name: Your team
    members: ["@you"]
    contact: "#your-team"
    practices:
      - Add or update tests with every change.
      - Ask for a review from the team before merging.

etiquette:
  - Talk to the owning team before a large change.
`;

