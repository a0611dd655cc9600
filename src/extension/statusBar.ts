// The status bar item: the active file's owners behind its situation icon; a click opens
// *This File*. It has an id, so users can hide it from the status bar's context menu.
import * as vscode from 'vscode';
import { myOwnership } from '../core/situation/situation';
import type { ActiveFile } from './activeFile';
import { focusViewCommand, SETTINGS_SECTION, Settings, STATUS_BAR_ID, Views } from './constants';
import type { OwnershipModel } from './model/ownershipModel';
import { ownersShort, ruleLocation, SITUATIONS, situationSentence } from './presentation';
import { Disposable } from './util/dispose';
import { escapeMarkdown } from './util/markdown';
import { markdown } from './util/markdownString';

export class OwnersStatusBar extends Disposable {
  readonly item: vscode.StatusBarItem;
  private generation = 0;
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
    this.item.command = { title: 'Show who owns this file', command: focusViewCommand(Views.thisFile) };
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

  update(): void {
    const generation = ++this.generation;
    this.updated = this.render(generation).catch(() => this.hide());
  }

  private async render(generation: number): Promise<void> {
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(Settings.statusBar, true);
    const uri = this.active.uri;
    const lookup = enabled && uri ? await this.model.lookup(uri) : undefined;
    if (generation !== this.generation || this.isDisposed) return;
    if (!lookup) {
      this.hide();
      return;
    }
    const text = SITUATIONS[lookup.situation];
    const owners = lookup.situation === 'no-map' ? 'no CODEOWNERS' : ownersShort(lookup.owners);
    // Owner handles are validated by the engine (letters, digits, `_.-/@`), so they cannot
    // smuggle in `$(icon)` syntax; escape anyway, the status bar has no other protection.
    this.item.text = `$(${text.icon}) ${owners.replace(/\$\(/g, '\\$(')}`;
    const ruleAt = lookup.rule ? ruleLocation(lookup.rule) : null;
    const teams = [...lookup.repo.config.teams.values()];
    const mineAs = lookup.situation === 'mine' ? myOwnership(lookup.owners, lookup.repo.me) : undefined;
    const sentence = situationSentence({ situation: lookup.situation, owners: lookup.owners, teams, ruleAt, mineAs });
    const rule = ruleAt && lookup.rule ? `\n\nRule ${escapeMarkdown(lookup.rule.pattern)} at ${escapeMarkdown(ruleAt)}` : '';
    this.item.tooltip = markdown(`**${escapeMarkdown(text.label)}**: ${escapeMarkdown(sentence)}${rule}\n\nClick for details in the Ownership sidebar.`);
    this.item.accessibilityInformation = { label: `${text.label}: ${sentence}` };
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
