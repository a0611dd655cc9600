// *Before You Commit*: the staged files of every repository grouped by who owns them, each
// group with its situation, the owners' practices and contact, the etiquette when the code is
// someone else's, and what the rubric expects of a commit. Renames list both paths' owners.
import nodePath = require('node:path');
import vscode = require('vscode');
import type { GroupFile, ReminderGroup } from '../../core/reminders/reminders';
import { Views } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import { ownersLabel, SITUATIONS } from '../presentation';
import type { RepositoryReminders, StagedReminders } from '../staged/stagedReminders';
import { BuiltTreeProvider, node, setViewText, type Node } from './tree';

export interface BeforeCommitView {
  provider: BuiltTreeProvider;
  view: vscode.TreeView<Node>;
}

export function registerBeforeCommitView(context: vscode.ExtensionContext, model: OwnershipModel, staged: StagedReminders): BeforeCommitView {
  const parents = new Map<Node, Node>();
  const provider = new RevealableProvider(async () => {
    await staged.updated;
    const roots = beforeCommitNodes(staged.repositories);
    parents.clear();
    const walk = (n: Node) => n.children.forEach((c) => (parents.set(c, n), walk(c)));
    roots.forEach(walk);
    setViewText(view, describe(staged), staged.state === 'untrusted' ? 'Trust this workspace to see what is staged: Ownership Lens runs no git until then.' : undefined);
    return roots;
  }, parents);
  const view = vscode.window.createTreeView(Views.beforeCommit, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, staged.onDidChange(() => provider.refresh()), model.onDidChange(() => provider.refresh()));

  return { provider, view };
}

/** A built tree that can tell VS Code each node's parent, so `reveal` works. */
class RevealableProvider extends BuiltTreeProvider {
  constructor(
    build: () => Promise<readonly Node[]>,
    private readonly parents: ReadonlyMap<Node, Node>,
  ) {
    super(build);
  }

  getParent(element: Node): Node | undefined {
    return this.parents.get(element);
  }
}

function describe(staged: StagedReminders): string | undefined {
  const n = staged.upstreamCount;
  return n === 0 ? undefined : `${n} staged path${n === 1 ? '' : 's'} others own`;
}

/** One repository: its groups at the top. Several: one node per repository, its groups below. */
export function beforeCommitNodes(repositories: readonly RepositoryReminders[]): Node[] {
  if (repositories.length === 1) return repositories[0].reminders.groups.map((g) => groupNode(repositories[0].root, g));
  return repositories.map((r) => {
    const upstream = r.reminders.counts.upstream;
    const files = r.reminders.groups.reduce((n, g) => n + g.files.length, 0);
    return node(
      r.name,
      { id: `repo:${r.root}`, icon: 'repo', description: `${files} staged${upstream > 0 ? ` · ${upstream} others own` : ''}`, tooltip: r.root },
      r.reminders.groups.map((g) => groupNode(r.root, g)),
    );
  });
}

export const groupId = (root: string, key: string) => `group:${root}|${key}`;

/** What a group is called: its owners (team names where ownership.yml gives them), or its situation. */
export function groupLabel(g: ReminderGroup): string {
  switch (g.situation) {
    case 'upstream':
      return g.owners.map((o) => g.teams.find((t) => t.handle.toLowerCase() === o.toLowerCase())?.name ?? o).join(', ');
    case 'mine':
      return g.mineAs ? `Yours (${g.mineAs})` : 'Yours';
    case 'unowned':
      return 'Nobody owns';
    case 'no-map':
      return 'No CODEOWNERS';
  }
}

function groupNode(root: string, g: ReminderGroup): Node {
  const id = groupId(root, g.key);
  const situation = SITUATIONS[g.situation];
  const count = `${g.files.length} file${g.files.length === 1 ? '' : 's'}`;
  const children: Node[] = [];
  children.push(node('Files', { id: `${id}|files`, icon: 'files', description: count }, g.files.map((f, i) => fileNode(root, f, `${id}|file:${i}`, g.situation))));
  if (g.advice) children.push(node(g.advice, { id: `${id}|advice`, icon: 'lightbulb', tooltip: g.advice }));

  const practices = g.practices.map((p, i) => node(p, { id: `${id}|practice:${i}`, icon: 'check', tooltip: p }));
  for (const [i, guide] of g.contributing.entries()) {
    const uri = vscode.Uri.file(nodePath.join(root, ...guide.split('/')));
    practices.push(node('Contributing guide', { id: `${id}|contributing:${i}`, icon: 'book', description: guide, command: { title: 'Open the contributing guide', command: 'vscode.open', arguments: [uri] } }));
  }
  if (practices.length > 0 || g.situation === 'upstream') {
    children.push(node('Practices', { id: `${id}|practices`, icon: 'checklist', description: practices.length === 0 ? 'none published: ask the owners before a large change' : undefined }, practices));
  }
  if (g.contacts.length > 0) {
    children.push(
      node(g.contacts.length === 1 ? 'Contact' : 'Contacts', { id: `${id}|contacts`, icon: 'comment-discussion' }, g.contacts.map((c, i) => node(c.name, { id: `${id}|contact:${i}`, icon: 'person', description: c.contact, tooltip: `${c.name}: ${c.contact}` }))),
    );
  }
  if (g.etiquette.length > 0) {
    children.push(node('Etiquette for changing their code', { id: `${id}|etiquette`, icon: 'comment-discussion' }, g.etiquette.map((e, i) => node(e, { id: `${id}|etiquette:${i}`, icon: 'circle-small', tooltip: e }))));
  }
  if (g.expectations.length > 0) {
    children.push(
      node(
        'Before committing',
        { id: `${id}|expectations`, icon: 'tasklist', expanded: g.situation !== 'mine' },
        g.expectations.map((e) =>
          node(e.title, { id: `${id}|expectation:${e.id}`, icon: 'star-empty', tooltip: e.text, expanded: false }, e.ask.map((q, i) => node(q, { id: `${id}|expectation:${e.id}|ask:${i}`, icon: 'question', tooltip: q }))),
        ),
      ),
    );
  }
  const whose = g.situation === 'upstream' ? ownersLabel(g.owners, g.teams) : situation.label;
  return node(groupLabel(g), { id, icon: situation.icon, description: `${situation.label} · ${count}`, tooltip: `${whose}: ${count} staged`, expanded: g.situation !== 'mine', contextValue: `stagedGroup.${g.situation}` }, children);
}

const STATUS_WORD: Record<GroupFile['status'], string> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  renamed: 'renamed',
  copied: 'copied',
  'type-changed': 'type changed',
  unmerged: 'unmerged',
  unknown: 'changed',
};

/** A staged file; one nobody owns that is still there offers Add a CODEOWNERS Rule… (its contextValue). */
function fileNode(root: string, f: GroupFile, id: string, situation: ReminderGroup['situation']): Node {
  const uri = vscode.Uri.file(nodePath.join(root, ...f.path.split('/')));
  const where = f.to !== undefined ? ` → ${f.to}` : f.from !== undefined ? ` ← ${f.from}` : '';
  const gone = f.status === 'deleted' || f.to !== undefined;
  return node(f.path, {
    id,
    description: `${STATUS_WORD[f.status]}${where}`,
    tooltip: `${f.path}: ${STATUS_WORD[f.status]}${where}${f.rule ? ` (rule ${f.rule.pattern} at ${f.rule.file}:${f.rule.line})` : ''}`,
    resourceUri: uri,
    icon: gone ? 'diff-removed' : undefined,
    command: gone ? undefined : { title: 'Open the file', command: 'vscode.open', arguments: [uri] },
    contextValue: gone ? 'stagedFile.gone' : `stagedFile.${situation}`,
  });
}
