// *Rubric*: what good ownership looks like at the chosen level, the expectations that matter
// for the active file's situation first; prompts and examples expand under each.
import vscode = require('vscode');
import { examplesFor, isRelevant } from '../../core/rubric/relevance';
import type { Expectation, Rubric } from '../../core/rubric/types';
import type { Situation } from '../../core/situation/situation';
import { EDITOR_DOCUMENT, type ActiveFile } from '../activeFile';
import { Views } from '../constants';
import type { OwnershipModel, RubricState } from '../model/ownershipModel';
import { showControls } from '../util/inertText';
import { escapeMarkdown } from '../util/markdown';
import { markdown } from '../util/markdownString';
import { BuiltTreeProvider, node, setViewText, type Node } from './tree';

export interface RubricView {
  provider: BuiltTreeProvider;
  view: vscode.TreeView<Node>;
}

/** What a node of an expectation carries, for "Copy as Markdown". */
export interface ExpectationData {
  expectation: Expectation;
  rubric: Rubric;
}

export function registerRubricView(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): RubricView {
  /** What the view was last built for: its content depends on nothing else. */
  let shown: { state: RubricState; situation: Situation | undefined } | undefined;
  const provider = new BuiltTreeProvider(async () => {
    const uri = active.uri;
    const state = await model.rubricFor(uri);
    const situation = uri ? (await model.lookup(uri, EDITOR_DOCUMENT))?.situation : undefined;
    shown = { state, situation };
    const message = rubricMessage(state, situation);
    setViewText(view, showControls(`${state.rubric.title} · ${state.rubric.level}`), message === undefined ? undefined : showControls(message));
    return rubricNodes(state.rubric, situation);
  });
  const view = vscode.window.createTreeView(Views.rubric, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  // Another file in the same situation shows the same rubric in the same order: the tree (a
  // hundred items, sent to the window whole) is rebuilt only when the situation changes.
  const activeChanged = async () => {
    const uri = active.uri;
    const [state, lookup] = await Promise.all([model.rubricFor(uri), uri ? model.lookup(uri, EDITOR_DOCUMENT) : undefined]);
    if (view.visible && shown?.state === state && shown.situation === lookup?.situation) return;
    provider.refresh();
  };
  context.subscriptions.push(
    active.onDidChange(() => void activeChanged().catch(() => provider.refresh())),
    model.onDidChange(() => provider.refresh()),
  );
  return { provider, view };
}

const SITUATION_PHRASE: Record<Situation, string> = {
  mine: 'code you own',
  upstream: 'code someone else owns',
  unowned: 'code nobody owns',
  'no-map': 'a repository without CODEOWNERS',
};

function rubricMessage(state: RubricState, situation: Situation | undefined): string | undefined {
  if (state.fellBack) {
    const first = state.diagnostics.find((d) => d.severity === 'error');
    const where = first ? ` (${first.file}:${first.line}: ${first.message})` : '';
    return `The rubric "${state.choice}" cannot be used${where}; showing the bundled ${state.rubric.title} rubric.`;
  }
  if (!situation) return state.rubric.oneLiner;
  const count = state.rubric.expectations.filter((e) => isRelevant(e, situation)).length;
  return `${count} of ${state.rubric.expectations.length} matter for ${SITUATION_PHRASE[situation]}; they come first.`;
}

export function rubricNodes(rubric: Rubric, situation: Situation | undefined): Node[] {
  const relevant = (e: Expectation) => situation !== undefined && isRelevant(e, situation);
  const ordered = situation === undefined ? rubric.expectations : [...rubric.expectations.filter(relevant), ...rubric.expectations.filter((e) => !relevant(e))];
  const nodes = ordered.map((e) => expectationNode(rubric, e, relevant(e), situation));
  if (rubric.circles.length > 0) {
    nodes.push(
      node('Circles of ownership', { id: 'circles', icon: 'target', expanded: false }, rubric.circles.map((c, i) => node(`${c.level}: ${c.scope}`, { id: `circle:${i}`, description: c.text, tooltip: [c.text, c.detail, c.attitude, c.note].filter(Boolean).join('\n\n') }))),
    );
  }
  if (rubric.trap) nodes.push(node(`Trap: ${rubric.trap.title}`, { id: 'trap', icon: 'warning', description: rubric.trap.text, tooltip: rubric.trap.text }));
  return nodes;
}

function expectationNode(rubric: Rubric, e: Expectation, relevant: boolean, situation: Situation | undefined): Node {
  const children: Node[] = [node(e.text, { id: `${e.id}:text`, icon: 'quote', tooltip: e.text })];
  if (e.ask.length > 0) {
    children.push(node('Ask yourself', { id: `${e.id}:ask`, icon: 'question' }, e.ask.map((q, i) => node(q, { id: `${e.id}:ask:${i}`, tooltip: q }))));
  }
  const examples = examplesFor(rubric, e.id, situation);
  if (examples.length > 0) {
    children.push(
      node(
        'Examples',
        { id: `${e.id}:examples`, icon: 'list-unordered', expanded: false },
        examples.map((ex) =>
          node(ex.title ?? ex.text, {
            id: `${e.id}:example:${ex.id}`,
            icon: ex.kind === 'cautionary' ? 'warning' : 'pass',
            description: ex.title ? ex.text : undefined,
            tooltip: `${ex.kind === 'cautionary' ? 'Cautionary: ' : ''}${ex.text}`,
          }),
        ),
      ),
    );
  }
  const tooltip = markdown(`**${escapeMarkdown(e.title)}**\n\n${escapeMarkdown(e.text)}${e.ask.length ? `\n\n${e.ask.map((q) => `- ${escapeMarkdown(q)}`).join('\n')}` : ''}`);
  const data: ExpectationData = { expectation: e, rubric };
  return node(
    e.title,
    { id: e.id, icon: relevant ? 'star-full' : 'circle-outline', description: relevant ? 'matters here' : undefined, tooltip, contextValue: 'expectation', expanded: false, data },
    children,
  );
}

/** An expectation as Markdown, for pasting into a review or a design doc. */
export function expectationMarkdown({ expectation: e, rubric }: ExpectationData): string {
  const lines = [`**${e.title}** (${rubric.title}, ${rubric.level})`, '', e.text];
  if (e.ask.length > 0) lines.push('', 'Ask yourself:', ...e.ask.map((q) => `- ${q}`));
  return `${lines.join('\n')}\n`;
}
