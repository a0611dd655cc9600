// Explorer decorations: a small badge on files that are mine (⌂), upstream (↑) or unowned (?),
// with the owners in the tooltip. No colour: the explorer already colours git status, and
// ownership should be there when looked for, not shout. Off with ownershipLens.decorations.enabled.
import vscode = require('vscode');
import { SETTINGS_SECTION, Settings } from './constants';
import type { OwnershipModel } from './model/ownershipModel';
import { ownersLabel, SITUATIONS } from './presentation';
import { Disposable } from './util/dispose';
import { showControls } from './util/inertText';

export class OwnershipDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly changed = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly model: OwnershipModel) {
    super();
    this._register(model.onDidChange(() => this.changed.fire(undefined)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.decorations}`)) this.changed.fire(undefined);
      }),
    );
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file' || !vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>(Settings.decorations, true)) return undefined;
    const lookup = await this.model.lookup(uri);
    // Folders get none: a badge on every folder would be noise, and a folder's files can differ.
    if (!lookup || lookup.isDirectory || lookup.situation === 'no-map') return undefined;
    const text = SITUATIONS[lookup.situation];
    const teams = [...lookup.repo.config.teams.values()];
    const who = lookup.owners.length > 0 ? `: ${ownersLabel(lookup.owners, teams)}` : '';
    return new vscode.FileDecoration(text.badge, showControls(`${text.label}${who}`));
  }
}

export function registerDecorations(context: vscode.ExtensionContext, model: OwnershipModel): OwnershipDecorations {
  const decorations = new OwnershipDecorations(model);
  context.subscriptions.push(decorations, vscode.window.registerFileDecorationProvider(decorations));
  return decorations;
}
