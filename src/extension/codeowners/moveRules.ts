// The fix for a CODEOWNERS no host reads (`unread-location`, in a subfolder): copy its rules
// into the file that is read, each pattern written from the repository root (core/codeowners/
// relocate.ts), and show them there. The rules go last (GitLab: at the end of the part before
// the first section), so that they win over the file's own as a nested file was meant to.
// The subfolder file is left where it is: deleting a file is for its author to do.
import nodePath = require('node:path');
import vscode = require('vscode');
import { parseCodeowners } from '../../core/codeowners/parse';
import { relocatedRules } from '../../core/codeowners/relocate';
import type { Flavor, FlavorSetting } from '../../core/codeowners/types';
import { SETTINGS_SECTION, Settings } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const UNREAD_LOCATION = 'unread-location';

/** Where a new CODEOWNERS goes when the repository has none, as the starter files put it. */
function newFileFor(setting: FlavorSetting): { file: string; flavor: Flavor } {
  if (setting === 'gitlab') return { file: '.gitlab/CODEOWNERS', flavor: 'gitlab' };
  if (setting === 'bitbucket') return { file: '.bitbucket/CODEOWNERS', flavor: 'bitbucket' };
  return { file: '.github/CODEOWNERS', flavor: 'github' };
}

export class MoveRulesFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly analysis: CodeownersAnalysis,
    private readonly model: OwnershipModel,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const diagnostic = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === UNREAD_LOCATION);
    const state = diagnostic && this.analysis.current(doc);
    if (!diagnostic || !state) return [];
    const repo = await this.model.repositoryFor(doc.uri);
    if (!repo || token.isCancellationRequested) return [];
    const dir = nodePath.relative(repo.root, nodePath.dirname(doc.uri.fsPath)).split(nodePath.sep).join('/');
    const inUse = repo.ownership.file !== null && repo.ownership.flavor !== null && !nodePath.isAbsolute(repo.ownership.file);
    const target = inUse ? { file: repo.ownership.file as string, flavor: repo.ownership.flavor as Flavor } : newFileFor(flavorSetting(repo.root));
    // Read as the host of the file they go into reads its own patterns.
    const moved = relocatedRules(state.text, parseCodeowners(state.text, { flavor: target.flavor }), dir, target.flavor);
    if (!moved || moved.lines.length === 0) return [];

    const uri = vscode.Uri.file(nodePath.join(repo.root, ...target.file.split('/')));
    const head = `# From ${dir}/CODEOWNERS, which no host reads: its rules, with patterns written from the repository root.`;
    const block = [head, ...moved.lines];
    const edit = new vscode.WorkspaceEdit();
    let at: number;
    if (inUse) {
      const dest = await vscode.workspace.openTextDocument(uri);
      if (token.isCancellationRequested) return [];
      const firstHeader = target.flavor === 'gitlab' ? repo.ownership.parsed?.headers[0] : undefined;
      if (firstHeader) {
        at = firstHeader.line - 1;
        edit.insert(uri, new vscode.Position(at, 0), `${block.join('\n')}\n\n`);
      } else {
        // After one blank line: the file's last line is empty when it ends with a line break.
        const last = dest.lineAt(dest.lineCount - 1);
        const blankBefore = last.lineNumber === 0 || dest.lineAt(last.lineNumber - 1).isEmptyOrWhitespace;
        const gap = !last.isEmptyOrWhitespace ? '\n\n' : blankBefore ? '' : '\n';
        at = last.lineNumber + (gap === '\n\n' ? 2 : gap.length);
        edit.insert(uri, last.range.end, `${gap}${block.join('\n')}\n`);
      }
    } else {
      at = 0;
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), `${block.join('\n')}\n`);
    }
    const count = moved.lines.length === 1 ? 'the rule' : `the ${moved.lines.length} rules`;
    const action = new vscode.CodeAction(`Copy ${count} into ${target.file}, with patterns under /${dir}/`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = edit;
    // Then show them where they now take effect.
    action.command = { title: 'Show the copied rules', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, 0, at + block.length, 0), preview: false }] };
    return [action];
  }
}

function flavorSetting(root: string): FlavorSetting {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(root)).get<FlavorSetting>(Settings.flavor) ?? 'auto';
}

export function registerMoveRulesFix(context: vscode.ExtensionContext, analysis: CodeownersAnalysis, model: OwnershipModel): MoveRulesFix {
  const provider = new MoveRulesFix(analysis, model);
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ language: CODEOWNERS_LANGUAGE, scheme: 'file' }, provider, { providedCodeActionKinds: MoveRulesFix.kinds }));
  return provider;
}
