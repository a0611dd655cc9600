// *This File*: who owns the active file, what that means for me, what its owners ask of
// contributors and, when the code is someone else's, how to change it politely.
import nodePath = require('node:path');
import vscode = require('vscode');
import { selectionOf } from '../../core/codeowners/owners';
import type { Team } from '../../core/practices/types';
import { EDITOR_DOCUMENT, type ActiveFile } from '../activeFile';
import { Commands, ContextKeys, Views, type ThisFileState } from '../constants';
import type { FileGuidance, OwnershipModel } from '../model/ownershipModel';
import { ownerLabel, ruleLocation, SITUATIONS, situationSentence } from '../presentation';
import { showControls } from '../util/inertText';
import { escapeMarkdown, safeExternalUrl } from '../util/markdown';
import { markdown } from '../util/markdownString';
import { BuiltTreeProvider, node, setViewText, type Node } from './tree';

export interface ThisFileView {
  provider: BuiltTreeProvider;
  view: vscode.TreeView<Node>;
  /** What the view showed last (the `ownershipLens.thisFileState` context key). */
  readonly state: ThisFileState | undefined;
}

/** More nodes, right after the situation (e.g. "You", from membership/), and when to rebuild them. */
export interface ThisFileSection {
  nodes(fg: FileGuidance): Node[];
  readonly onDidChange: vscode.Event<unknown>;
}

export function registerThisFileView(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile, sections: readonly ThisFileSection[] = []): ThisFileView {
  let state: ThisFileState | undefined;
  const setState = (next: ThisFileState) => {
    if (next === state) return;
    state = next;
    void vscode.commands.executeCommand('setContext', ContextKeys.thisFileState, next);
  };

  const nodesFor = (uri: vscode.Uri | undefined, fg: FileGuidance | undefined): Node[] => {
    // The user may have moved on while this was computed: the next build will answer.
    if (uri?.toString() !== active.uri?.toString()) return [];
    setViewText(view, showControls(fg ? fg.lookup.path : uri ? nodePath.basename(uri.fsPath) : '') || undefined, undefined);
    if (!uri) setState('noEditor');
    else if (!fg) setState('outside');
    else if (fg.guidance.situation === 'no-map') setState('noMap');
    else {
      setState('ready');
      const [situation, ...rest] = thisFileNodes(fg);
      return [situation, ...sections.flatMap((section) => section.nodes(fg)), ...rest];
    }
    return [];
  };
  const provider: BuiltTreeProvider = new BuiltTreeProvider(
    () => {
      // At once, within VS Code's event, when the repository and the rubric are loaded (the
      // common case): not after the other extensions' work on the same editor switch.
      const uri = active.uri;
      const now = uri ? model.guidanceNow(uri, EDITOR_DOCUMENT) : undefined;
      if (uri && !now) return model.guidance(uri, EDITOR_DOCUMENT).then((fg) => nodesFor(uri, fg));
      return nodesFor(uri, now);
    },
    // Shown: the tree for the new file is built as soon as the editor changes, and VS Code's
    // request for it is answered from what is built.
    (): boolean => view.visible,
  );
  const view: vscode.TreeView<Node> = vscode.window.createTreeView(Views.thisFile, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  context.subscriptions.push(active.onDidChange(() => provider.refresh()), model.onDidChange(() => provider.refresh()));
  for (const section of sections) context.subscriptions.push(section.onDidChange(() => provider.refresh()));
  return {
    provider,
    view,
    get state() {
      return state;
    },
  };
}

export function thisFileNodes({ guidance: g, lookup }: FileGuidance): Node[] {
  const root = lookup.repo.root;
  const text = SITUATIONS[g.situation];
  const ruleAt = g.rule ? ruleLocation(g.rule) : null;
  const sentence = situationSentence({ situation: g.situation, owners: g.owners, teams: g.teams, ruleAt, mineAs: g.mineAs });
  const nodes: Node[] = [];

  const adviceNodes = g.advice ? [node(g.advice, { icon: 'lightbulb', tooltip: g.advice })] : [];
  nodes.push(
    node(text.label, { id: 'situation', icon: text.icon, description: sentence, contextValue: `situation.${g.situation}`, tooltip: markdown(`**${escapeMarkdown(text.label)}**: ${escapeMarkdown(sentence)}${g.advice ? `\n\n${escapeMarkdown(g.advice)}` : ''}`) }, adviceNodes),
  );

  if (g.owners.length > 0) {
    const me = g.mineAs?.owner;
    // Bitbucket: a group owner says how its reviewers are picked (`@ws/backend:least_busy(2)`).
    nodes.push(node(g.owners.length === 1 ? 'Owner' : 'Owners', { id: 'owners', icon: 'account' }, g.owners.map((o) => ownerNode(o, g.teams, o === me, selectionOf(lookup.result.rule, o)))));
  }

  nodes.push(...ruleNodes(lookup, g));

  const practices = practiceNodes(g, root);
  nodes.push(node('Practices', { id: 'practices', icon: 'checklist', description: practices.length === 0 ? noPracticesHint(g.situation) : undefined }, practices));

  if (g.etiquette.length > 0) {
    nodes.push(
      node('Etiquette for changing their code', { id: 'etiquette', icon: 'comment-discussion' }, g.etiquette.map((e, i) => node(e, { id: `etiquette:${i}`, icon: 'circle-small', tooltip: e }))),
    );
  }
  return nodes;
}

/** The deciding rule, or for GitLab one rule per section that matched (each adds owners). */
function ruleNodes(lookup: FileGuidance['lookup'], g: FileGuidance['guidance']): Node[] {
  const file = lookup.repo.ownership.file;
  if (file === null) return [];
  const target = (line: number) => ({ file: nodePath.resolve(lookup.repo.root, file), line });
  const open = (line: number): vscode.Command => ({ title: 'Open the matching rule', command: Commands.openRule, arguments: [target(line)] });
  const sections = lookup.result.sections ?? [];
  if (sections.length > 0) {
    const children = sections.map((s, i) =>
      node(`[${s.section}] ${s.rule.pattern}`, {
        id: `rule:${i}`,
        icon: 'go-to-file',
        description: `${file}:${s.rule.line}${s.optional ? ' · optional' : ''}${s.approvals > 1 ? ` · ${s.approvals} approvals` : ''}`,
        tooltip: `${s.owners.join(', ') || 'no owners'}`,
        command: open(s.rule.line),
      }),
    );
    return [node(sections.length === 1 ? 'Rule' : 'Rules', { id: 'rules', icon: 'law', description: `${sections.length} section${sections.length === 1 ? '' : 's'}` }, children)];
  }
  if (!g.rule) return [node('Rule', { id: 'rule', icon: 'law', description: `none in ${file} matches this` })];
  return [
    node('Rule', {
      id: 'rule',
      icon: 'law',
      description: `${g.rule.pattern}  ·  ${ruleLocation(g.rule)}`,
      tooltip: markdown(`Open ${escapeMarkdown(ruleLocation(g.rule))}: \`${showControls(g.rule.pattern).replace(/`/g, "'")}\``),
      command: open(g.rule.line),
    }),
  ];
}

function ownerNode(owner: string, teams: readonly Team[], isMe: boolean, selection: string | undefined): Node {
  const team = teams.find((t) => t.handle.toLowerCase() === owner.toLowerCase());
  const icon = owner.startsWith('@') ? (owner.includes('/') ? 'organization' : 'person') : 'mail';
  const children: Node[] = [];
  if (team?.description) children.push(node(team.description, { icon: 'info', tooltip: team.description }));
  if (team?.contact) children.push(node('Contact', { icon: 'comment-discussion', description: team.contact, tooltip: team.contact }));
  for (const [name, url] of Object.entries(team?.links ?? {})) {
    const safe = safeExternalUrl(url);
    children.push(
      node(name, {
        icon: 'link-external',
        description: url,
        tooltip: url,
        command: safe ? { title: `Open ${name}`, command: 'vscode.open', arguments: [vscode.Uri.parse(safe)] } : undefined,
      }),
    );
  }
  const label = team?.name ?? owner;
  const picked = selection === undefined ? undefined : `reviewers: ${selection}`;
  const description = [team?.name ? owner : undefined, picked, isMe ? 'you' : undefined].filter(Boolean).join(' · ');
  const tooltip = picked === undefined ? ownerLabel(owner, teams) : `${ownerLabel(owner, teams)} (${picked})`;
  return node(label, { id: `owner:${owner}`, icon, description: description || undefined, tooltip }, children);
}

function practiceNodes(g: FileGuidance['guidance'], root: string): Node[] {
  const item = (p: string) => node(p, { icon: 'check', tooltip: p });
  const nodes: Node[] = [];
  for (const t of g.teams.filter((t) => t.practices.length > 0)) {
    nodes.push(node(t.name ?? t.handle, { icon: 'organization', description: t.name ? t.handle : undefined }, t.practices.map(item)));
  }
  for (const c of g.components.filter((c) => c.component.practices.length > 0)) {
    nodes.push(node(c.component.name, { icon: 'symbol-module', description: c.pattern }, c.component.practices.map(item)));
  }
  if (g.contributing) {
    const uri = vscode.Uri.file(nodePath.join(root, ...g.contributing.split('/')));
    nodes.push(node('Contributing guide', { icon: 'book', description: g.contributing, command: { title: 'Open the contributing guide', command: 'vscode.open', arguments: [uri] } }));
  }
  return nodes;
}

function noPracticesHint(situation: FileGuidance['guidance']['situation']): string {
  switch (situation) {
    case 'mine':
      return 'none published: add yours to .github/ownership.yml';
    case 'upstream':
      return 'none published: ask the owners before a large change';
    default:
      return 'none: nobody owns this yet';
  }
}
