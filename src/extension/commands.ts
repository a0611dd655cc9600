// The palette commands about the active file (or the file a menu was opened on): who owns it,
// open the rule that decided, copy the owners, refresh. Rubric selection and the starter files
// have their own modules.
import vscode = require('vscode');
import { myOwnership } from '../core/situation/situation';
import type { ActiveFile } from './activeFile';
import { Commands, focusViewCommand, Views } from './constants';
import type { OwnershipModel, PathLookup } from './model/ownershipModel';
import { ruleLocation, situationSentence } from './presentation';
import { notificationMessage, showControls } from './util/inertText';
import { expectationMarkdown, type ExpectationData } from './views/rubricView';
import type { Node } from './views/tree';

/** Where a rule is: the CODEOWNERS file (absolute) and its 1-based line. */
export interface RuleTarget {
  file: string;
  line: number;
}

export function registerCommands(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): void {
  /** The file a command is about: the one it was invoked on (explorer, editor title), else the active one. */
  const target = async (arg: unknown): Promise<{ uri: vscode.Uri; lookup: PathLookup } | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : active.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a file first: Ownership Lens describes the active file.');
      return undefined;
    }
    const lookup = await model.lookup(uri);
    if (!lookup) {
      void vscode.window.showInformationMessage(notificationMessage(`${vscode.workspace.asRelativePath(uri)} is not in a workspace folder or a git repository.`));
      return undefined;
    }
    return { uri, lookup };
  };

  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register(Commands.whoOwnsThisFile, async (arg?: unknown) => {
    const t = await target(arg);
    if (!t) return undefined;
    const { lookup } = t;
    const teams = [...lookup.repo.config.teams.values()];
    const ruleAt = lookup.rule ? ruleLocation(lookup.rule) : null;
    const mineAs = lookup.situation === 'mine' ? myOwnership(lookup.owners, lookup.repo.me) : undefined;
    const sentence = situationSentence({ situation: lookup.situation, owners: lookup.owners, teams, ruleAt, mineAs });
    const actions = [...(lookup.situation === 'unowned' ? ['Add Rule…'] : []), ...(lookup.rule ? ['Open Rule'] : []), ...(lookup.owners.length > 0 ? ['Copy Owners'] : []), 'Details'];
    void vscode.window.showInformationMessage(notificationMessage(`${lookup.path}: ${sentence}`), ...actions).then((choice) => {
      if (choice === 'Add Rule…') void vscode.commands.executeCommand(Commands.addOwnerRule, t.uri);
      else if (choice === 'Open Rule') void vscode.commands.executeCommand(Commands.openRule, t.uri);
      else if (choice === 'Copy Owners') void vscode.commands.executeCommand(Commands.copyOwners, t.uri);
      else if (choice === 'Details') void vscode.commands.executeCommand(focusViewCommand(Views.thisFile));
    });
    return { path: lookup.path, owners: lookup.owners, situation: lookup.situation, rule: lookup.rule };
  });

  register(Commands.openRule, async (arg?: unknown) => {
    let rule: RuleTarget | undefined = isRuleTarget(arg) ? arg : undefined;
    if (!rule) {
      const t = await target(arg);
      if (!t) return;
      const file = t.lookup.repo.ownership.file;
      if (!t.lookup.rule || file === null) {
        const why = file === null ? 'its repository has no CODEOWNERS file' : `no rule in ${file} matches it`;
        void vscode.window.showInformationMessage(notificationMessage(`${t.lookup.path} has no owner rule: ${why}.`));
        return;
      }
      rule = { file: vscode.Uri.joinPath(vscode.Uri.file(t.lookup.repo.root), file).fsPath, line: t.lookup.rule.line };
    }
    const position = new vscode.Position(Math.max(0, rule.line - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.file(rule.file), { selection: new vscode.Range(position, position), preview: true });
  });

  register(Commands.copyOwners, async (arg?: unknown) => {
    const t = await target(arg);
    if (!t) return;
    if (t.lookup.owners.length === 0) {
      void vscode.window.showInformationMessage(notificationMessage(`${t.lookup.path} has no owners to copy.`));
      return;
    }
    const text = t.lookup.owners.join(' ');
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
  });

  register(Commands.refresh, () => model.refresh());

  register(Commands.copyExpectation, async (arg?: unknown) => {
    const data = (arg as Node | undefined)?.data as ExpectationData | undefined;
    if (!data?.expectation) return;
    await vscode.env.clipboard.writeText(expectationMarkdown(data));
    void vscode.window.setStatusBarMessage(`Copied "${showControls(data.expectation.title).replace(/\$\(/g, '\\$(')}" as Markdown`, 3000);
  });
}

function isRuleTarget(value: unknown): value is RuleTarget {
  const v = value as Partial<RuleTarget> | null;
  return typeof v === 'object' && v !== null && typeof v.file === 'string' && Number.isInteger(v.line) && (v.line as number) > 0;
}
