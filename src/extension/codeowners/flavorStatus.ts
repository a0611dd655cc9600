// Which host's syntax the active CODEOWNERS is read with, and why, as a language status item
// (the {} beside the language in the status bar). A root or docs/ CODEOWNERS may be GitHub's
// or GitLab's: under the auto flavor its text decides, and one [Name] line turns a GitHub file
// into a GitLab one, which changes what is an error and what a rule owns. The reader should
// not have to guess why; the item says it and opens the setting that chooses another.
import nodePath = require('node:path');
import vscode = require('vscode');
import { detectFlavorEvidence, flavorReason } from '../../core/codeowners/gitlab-header';
import { flavorOfLocation } from '../../core/codeowners/locate';
import type { Flavor } from '../../core/codeowners/types';
import { SETTINGS_SECTION, Settings } from '../constants';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis, type CodeownersState } from './documentAnalysis';

const HOSTS: Record<Flavor, string> = { github: 'GitHub', gitlab: 'GitLab', bitbucket: 'Bitbucket' };

/** Why `state` is read as its flavor, in a few words. */
export function flavorDetail(state: Pick<CodeownersState, 'flavor' | 'flavorSetting' | 'text'>, relative: string): string {
  if (state.flavorSetting !== 'auto') return `the ${SETTINGS_SECTION}.${Settings.flavor} setting says ${state.flavorSetting}`;
  if (flavorOfLocation(relative) !== null) return `only ${HOSTS[state.flavor]} reads a CODEOWNERS in ${nodePath.posix.dirname(relative)}/`;
  return flavorReason(detectFlavorEvidence(state.text));
}

export class FlavorStatus implements vscode.Disposable {
  readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The document the item describes: kept while a keystroke's parse is on its way. */
  private shown: string | undefined;

  constructor(private readonly analysis: CodeownersAnalysis) {
    this.item = vscode.languages.createLanguageStatusItem('ownershipLens.codeownersFlavor', { language: CODEOWNERS_LANGUAGE });
    this.item.name = 'CODEOWNERS syntax';
    this.item.command = { title: 'Choose', command: 'workbench.action.openSettings', arguments: [`${SETTINGS_SECTION}.${Settings.flavor}`], tooltip: `Open the ${SETTINGS_SECTION}.${Settings.flavor} setting` };
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.show()),
      analysis.onDidUpdate((state) => {
        if (state.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.show(state);
      }),
    );
    this.show();
  }

  private show(state = this.activeState()): void {
    if (!state) {
      // Until another document's analysis is in, say nothing about it that may be wrong.
      if (vscode.window.activeTextEditor?.document.uri.toString() === this.shown) return;
      this.shown = undefined;
      this.item.text = 'CODEOWNERS';
      this.item.detail = undefined;
      this.item.accessibilityInformation = undefined;
      return;
    }
    this.shown = state.uri.toString();
    const relative = nodePath.relative(state.root, state.uri.fsPath).split(nodePath.sep).join('/');
    this.item.text = `${HOSTS[state.flavor]} syntax`;
    this.item.detail = flavorDetail(state, relative);
    this.item.accessibilityInformation = { label: `CODEOWNERS read as ${HOSTS[state.flavor]} syntax: ${this.item.detail}` };
  }

  private activeState(): CodeownersState | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.languageId === CODEOWNERS_LANGUAGE ? this.analysis.current(doc) : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function registerFlavorStatus(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): FlavorStatus {
  const status = new FlavorStatus(analysis);
  context.subscriptions.push(status);
  return status;
}
