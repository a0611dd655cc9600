// Hover over a path in any document: who owns what it names, what that means for me, the
// rule (a link to its line) and the one thing to do. Only for real files and folders in the
// workspace; bounded work per hover (see pathCandidates.ts and resolvePath.ts).
import nodePath = require('node:path');
import vscode = require('vscode');
import { selectionOf } from '../../core/codeowners/owners';
import { nodeFileSystem } from '../../core/fs';
import { myOwnership } from '../../core/situation/situation';
import { Commands } from '../constants';
import type { FileGuidance, OwnershipModel } from '../model/ownershipModel';
import { ownerLabel, ruleLocation, SITUATIONS, situationSentence } from '../presentation';
import { commandLink, escapeMarkdown } from '../util/markdown';
import { markdown } from '../util/markdownString';
import { pathCandidatesAt } from './pathCandidates';
import { isModuleLanguage, resolvePathCandidates } from './resolvePath';

export class PathHoverProvider implements vscode.HoverProvider {
  constructor(private readonly model: OwnershipModel) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (document.uri.scheme !== 'file') return undefined;
    const codeowners = isCodeowners(document);
    const candidates = pathCandidatesAt(document.lineAt(position.line).text, position.character, { languageId: document.languageId, codeowners });
    if (candidates.length === 0) return undefined;

    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const repo = await this.model.repositoryFor(document.uri);
    if (token.isCancellationRequested) return undefined;
    const resolved = resolvePathCandidates(candidates, {
      fs: nodeFileSystem,
      documentDir: nodePath.dirname(document.uri.fsPath),
      folderRoot: folder?.uri.fsPath,
      repositoryRoot: repo?.root,
      codeowners,
      moduleLanguage: isModuleLanguage(document.languageId),
      inWorkspace: (abs) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(abs)) !== undefined,
    });
    if (!resolved || token.isCancellationRequested) return undefined;

    // The hover does not name the CONTRIBUTING guide: no looking for it on disk.
    const fg = await this.model.guidance(vscode.Uri.file(resolved.absPath), { isDirectory: resolved.kind === 'directory', contributing: false });
    if (!fg || token.isCancellationRequested) return undefined;
    const { start, end } = resolved.candidate;
    return new vscode.Hover(hoverMarkdown(fg), new vscode.Range(position.line, start, position.line, end));
  }
}

export function hoverMarkdown({ guidance: g, lookup }: FileGuidance): vscode.MarkdownString {
  const text = SITUATIONS[g.situation];
  const ruleAt = g.rule ? ruleLocation(g.rule) : null;
  const name = lookup.isDirectory ? `${g.path}/` : g.path;
  const lines: string[] = [`$(${text.icon}) **${escapeMarkdown(text.label)}** · ${escapeMarkdown(name)}`];

  const mineAs = g.situation === 'mine' ? (g.mineAs ?? myOwnership(g.owners, lookup.repo.me)) : undefined;
  lines.push(escapeMarkdown(situationSentence({ situation: g.situation, owners: g.owners, teams: g.teams, ruleAt, mineAs })));
  if (lookup.isDirectory && g.owners.length > 0) lines.push(escapeMarkdown(`(Owners of a new file directly in this folder; files inside may have others.)`));

  // Bitbucket: how a group's reviewers are picked (`@ws/backend:least_busy(2)`), as This File says it.
  const picked = g.owners.flatMap((o) => {
    const selection = selectionOf(lookup.result.rule, o);
    return selection === undefined ? [] : [`Reviewers from ${o}: ${selection}`];
  });
  if (picked.length > 0) lines.push(`$(organization) ${escapeMarkdown(picked.join(' · '))}`);

  const contacts = g.teams.filter((t) => t.contact).map((t) => `${ownerLabel(t.handle, g.teams)}: ${t.contact}`);
  if (contacts.length > 0) lines.push(`$(comment-discussion) ${escapeMarkdown(contacts.join(' · '))}`);

  const file = lookup.repo.ownership.file;
  if (g.rule && file !== null) {
    const target = { file: nodePath.resolve(lookup.repo.root, file), line: g.rule.line };
    lines.push(`$(law) Rule ${escapeMarkdown(g.rule.pattern)} at ${commandLink(ruleAt ?? '', Commands.openRule, [target], 'Open the rule in CODEOWNERS')}`);
  }

  const todo = oneThingToDo(g);
  if (todo) lines.push(`$(lightbulb) ${escapeMarkdown(todo)}`);
  return markdown(lines.join('\n\n'));
}


/**
 * The one most relevant thing to do: what the owners ask first when the code is someone
 * else's and they published practices, else the rubric's advice for the situation.
 */
export function oneThingToDo(g: FileGuidance['guidance']): string | undefined {
  if (g.situation === 'upstream' && g.practices.length > 0) {
    const more = g.practices.length - 1;
    return `They ask: ${g.practices[0]}${more > 0 ? ` (and ${more} more in the Ownership sidebar)` : ''}`;
  }
  return g.advice;
}

function isCodeowners(document: vscode.TextDocument): boolean {
  return document.languageId === 'codeowners' || nodePath.basename(document.uri.fsPath) === 'CODEOWNERS';
}

export function registerPathHover(context: vscode.ExtensionContext, model: OwnershipModel): PathHoverProvider {
  const provider = new PathHoverProvider(model);
  context.subscriptions.push(vscode.languages.registerHoverProvider({ scheme: 'file' }, provider));
  return provider;
}
