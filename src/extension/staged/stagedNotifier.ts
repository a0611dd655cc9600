// One notification when the staged set newly includes code someone else owns: which code,
// whose, and three ways on (its practices, the Before You Commit view, "stop reminding me about
// this one", remembered per workspace). Compared per recompute of the whole staged set, never
// per file: one `git add` of ten files in three components is one notification.
import nodePath = require('node:path');
import vscode = require('vscode');
import type { ReminderGroup } from '../../core/reminders/reminders';
import { Commands, focusViewCommand, SETTINGS_SECTION, Settings, Views } from '../constants';
import { ownersLabel } from '../presentation';
import { Disposable } from '../util/dispose';
import { iconInert, notificationMessage, showControls } from '../util/inertText';
import type { RepositoryReminders, StagedReminders } from './stagedReminders';

/** Shows a message with buttons and resolves with the one chosen (a test replaces it). */
export type Notify = (message: string, ...buttons: string[]) => Thenable<string | undefined>;
/** Shows a titled list and resolves with the item picked (a test replaces it). */
export type ShowList = (title: string, items: vscode.QuickPickItem[]) => Thenable<vscode.QuickPickItem | undefined>;

export const NotificationButtons = {
  practices: 'Show Practices',
  view: 'Open Before You Commit',
  stop: 'Stop Reminding for This',
} as const;

/** workspaceState key: the group keys (`upstream:@acme/payments`) not to remind about. */
export const MUTED_KEY = 'ownershipLens.beforeCommit.muted';

export interface SentNotification {
  message: string;
  buttons: string[];
  /** `root\0key` of each group it names. */
  groups: { root: string; key: string }[];
  /** The button chosen, once the user (or test) answered. */
  answer: Promise<string | undefined>;
}

export class StagedNotifier extends Disposable {
  /** Upstream groups in the staged set last time (`root\0key`). */
  private seen = new Set<string>();
  notify: Notify = (message, ...buttons) => vscode.window.showInformationMessage(message, ...buttons);
  showList: ShowList = (title, items) => vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  /** Every notification shown, in order. */
  readonly sent: SentNotification[] = [];

  constructor(
    private readonly staged: StagedReminders,
    private readonly state: vscode.Memento,
  ) {
    super();
    this._register(staged.onDidChange(() => this.update(staged.repositories)));
  }

  muted(): string[] {
    return this.state.get<string[]>(MUTED_KEY, []);
  }

  /** Forgets every "stop reminding" of this workspace. */
  async unmuteAll(): Promise<void> {
    await this.state.update(MUTED_KEY, undefined);
  }

  /**
   * What the owners of a staged group ask of contributors, in a list: practices, contacts,
   * CONTRIBUTING guides (picking one opens it) and, for code someone else owns, the etiquette.
   */
  async showPractices(root: string, key: string): Promise<void> {
    const group = this.staged.repositories.find((r) => r.root === root)?.reminders.groups.find((g) => g.key === key);
    if (!group) return;
    const section = (label: string): vscode.QuickPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const items: vscode.QuickPickItem[] = [section('Practices')];
    if (group.practices.length === 0 && group.contributing.length === 0) items.push({ label: 'None published: ask the owners before a large change' });
    // Labels and descriptions take `$(icon)` syntax: escaped in repository text.
    const text = iconInert;
    items.push(...group.practices.map((p) => ({ label: `$(check) ${text(p)}` })));
    items.push(...group.contributing.map((c) => ({ label: '$(book) Contributing guide', description: text(c), detail: nodePath.join(root, ...c.split('/')) })));
    if (group.contacts.length > 0) items.push(section('Contact'), ...group.contacts.map((c) => ({ label: `$(comment-discussion) ${text(c.name)}`, description: text(c.contact) })));
    if (group.etiquette.length > 0) items.push(section('Etiquette'), ...group.etiquette.map((e) => ({ label: `$(circle-small) ${text(e)}` })));
    const picked = await this.showList(showControls(`What ${ownersLabel(group.owners, group.teams) || 'the owners'} ask of contributors`), items);
    if (picked?.detail) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(picked.detail));
  }

  private update(repositories: readonly RepositoryReminders[]): void {
    const now = new Set<string>();
    const fresh: { root: string; group: ReminderGroup }[] = [];
    const muted = new Set(this.muted());
    for (const { root, reminders } of repositories) {
      for (const group of reminders.groups) {
        if (group.situation !== 'upstream') continue;
        const id = `${root}\0${group.key}`;
        now.add(id);
        if (!this.seen.has(id) && !muted.has(group.key)) fresh.push({ root, group });
      }
    }
    this.seen = now;
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(Settings.notifications, true);
    if (fresh.length > 0 && enabled) this.show(fresh);
  }

  private show(fresh: { root: string; group: ReminderGroup }[]): void {
    const [first] = fresh;
    const buttons = [NotificationButtons.practices, NotificationButtons.view, NotificationButtons.stop];
    const message = notificationText(first.group, fresh.length - 1);
    const answer = Promise.resolve(this.notify(message, ...buttons));
    this.sent.push({ message, buttons, groups: fresh.map(({ root, group }) => ({ root, key: group.key })), answer });
    void answer.then(async (choice) => {
      if (choice === NotificationButtons.practices) await vscode.commands.executeCommand(Commands.showStagedPractices, first.root, first.group.key);
      else if (choice === NotificationButtons.view) await vscode.commands.executeCommand(focusViewCommand(Views.beforeCommit));
      else if (choice === NotificationButtons.stop) {
        const keys = new Set([...this.muted(), ...fresh.map((f) => f.group.key)]);
        await this.state.update(MUTED_KEY, [...keys]);
      }
    });
  }
}

/** "You staged changes to code Payments (@acme/payments) owns: services/payments/charge.go." */
export function notificationText(group: ReminderGroup, others: number): string {
  const whose = ownersLabel(group.owners, group.teams);
  const paths = group.files.map((f) => f.path);
  const which = paths.length === 1 ? paths[0] : `${paths[0]} and ${paths.length - 1} more`;
  const more = others === 0 ? '' : ` And ${others} more component${others === 1 ? '' : 's'} someone else owns.`;
  const verb = group.owners.length === 1 ? 'owns' : 'own';
  return notificationMessage(`Before you commit: you staged changes to code ${whose} ${verb}: ${which}.${more}`);
}
