// The status bar item: the active file's owners behind its situation icon; a click opens
// *This File*. It has an id, so users can hide it from the status bar's context menu.
import vscode = require('vscode');
import { myOwnership } from '../core/situation/situation';
import { EDITOR_DOCUMENT, type ActiveFile } from './activeFile';
import { focusViewCommand, SETTINGS_SECTION, Settings, STATUS_BAR_ID, Views } from './constants';
import type { OwnershipModel } from './model/ownershipModel';
import { ownersShort, ruleLocation, SITUATIONS, situationSentence } from './presentation';
import { Disposable } from './util/dispose';
import { escapeMarkdown } from './util/markdown';
import { markdown } from './util/markdownString';

export class OwnersStatusBar extends Disposable {
  readonly item: vscode.StatusBarItem;
  private generation = 0;
  /** Staged paths others own, over every repository (from the Before You Commit reminders). */
  private stagedUpstream = 0;
  /** Settles when the latest update has been applied (for tests and the bench). */
  updated: Promise<void> = Promise.resolve();
  /** Whether the item is shown (StatusBarItem itself does not say). */
  visible = false;

  constructor(
    private readonly model: OwnershipModel,
    private readonly active: ActiveFile,
  ) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = 'Ownership Lens: owners';
    this.item.command = FILE_COMMAND;
    this._register(active.onDidChange(() => this.update()));
    this._register(model.onDidChange(() => this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.statusBar}`)) this.update();
      }),
    );
    // Not during activation: the first lookup reads and parses CODEOWNERS.
    const first = setTimeout(() => this.update(), 0);
    this._register({ dispose: () => clearTimeout(first) });
  }

  setStagedUpstream(count: number): void {
    if (count === this.stagedUpstream) return;
    this.stagedUpstream = count;
    this.update();
  }

  update(): void {
    const generation = ++this.generation;
    this.updated = this.render(generation).catch(() => this.hide());
  }

  private async render(generation: number): Promise<void> {
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(Settings.statusBar, true);
    const uri = this.active.uri;
    const lookup = enabled && uri ? await this.model.lookup(uri, EDITOR_DOCUMENT) : undefined;
    if (generation !== this.generation || this.isDisposed) return;
    const staged = enabled ? stagedText(this.stagedUpstream) : undefined;
    if (!lookup) {
      if (staged) this.showStagedOnly(staged);
      else this.hide();
      return;
    }
    const text = SITUATIONS[lookup.situation];
    const owners = lookup.situation === 'no-map' ? 'no CODEOWNERS' : ownersShort(lookup.owners);
    // Owner handles are validated by the engine (letters, digits, `_.-/@`), so they cannot
    // smuggle in `$(icon)` syntax; escape anyway, the status bar has no other protection.
    this.item.text = `$(${text.icon}) ${owners.replace(/\$\(/g, '\\$(')}${staged ? ` · ${staged.text}` : ''}`;
    const ruleAt = lookup.rule ? ruleLocation(lookup.rule) : null;
    const teams = [...lookup.repo.config.teams.values()];
    const mineAs = lookup.situation === 'mine' ? myOwnership(lookup.owners, lookup.repo.me) : undefined;
    const sentence = situationSentence({ situation: lookup.situation, owners: lookup.owners, teams, ruleAt, mineAs });
    const rule = ruleAt && lookup.rule ? `\n\nRule ${escapeMarkdown(lookup.rule.pattern)} at ${escapeMarkdown(ruleAt)}` : '';
    this.item.tooltip = markdown(`**${escapeMarkdown(text.label)}**: ${escapeMarkdown(sentence)}${rule}\n\nClick for details in the Ownership sidebar.${staged ? `\n\n${escapeMarkdown(staged.sentence)}` : ''}`);
    this.item.accessibilityInformation = { label: `${text.label}: ${sentence}${staged ? ` ${staged.sentence}` : ''}` };
    this.item.command = FILE_COMMAND;
    this.item.show();
    this.visible = true;
  }

  /** No file to describe, but staged changes others own: the count alone, a click opens Before You Commit. */
  private showStagedOnly(staged: { text: string; sentence: string }): void {
    this.item.text = staged.text;
    this.item.tooltip = markdown(escapeMarkdown(staged.sentence));
    this.item.accessibilityInformation = { label: staged.sentence };
    this.item.command = { title: 'Show the staged changes', command: focusViewCommand(Views.beforeCommit) };
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }
}

export function registerStatusBar(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): OwnersStatusBar {
  const bar = new OwnersStatusBar(model, active);
  context.subscriptions.push(bar);
  return bar;
}

const FILE_COMMAND: vscode.Command = { title: 'Show who owns this file', command: focusViewCommand(Views.thisFile) };

/** ` · $(git-commit) 2 upstream`: staged paths others own, or nothing when there are none. */
function stagedText(count: number): { text: string; sentence: string } | undefined {
  if (count === 0) return undefined;
  return { text: `$(git-commit) ${count} upstream`, sentence: `${count} staged path${count === 1 ? '' : 's'} other teams own: see Before You Commit.` };
}
