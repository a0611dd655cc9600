// "Install pre-commit reminder" / "Remove pre-commit reminder": the same hook as
// `ownership-lens hook install|remove` (src/core/hooks), running the CLI bundled with this
// extension. Only in a trusted workspace, and only after a modal confirmation. An installed
// hook whose CLI moved (the extension was updated: its folder name has the version) is
// rewritten in place to run this one, keeping its settings.
import nodePath = require('node:path');
import vscode = require('vscode');
import { findRepositoryRoot } from '../core';
import { HookError, hookStatus, installHook, removeHook, type InstallResult, type RemoveResult } from '../core/hooks/install';
import type { HookLocation } from '../core/hooks/location';
import { Commands } from './constants';
import { lazyBundle, type LazyBundles } from './lazy';
import type { StagedReminders } from './staged/stagedReminders';

const GIT_TIMEOUT_MS = 5000;

export interface HookCommands {
  /** Asks before writing anything (a test replaces it). */
  confirm: (message: string, action: string) => Thenable<boolean>;
  /** Picks one of several repositories (a test replaces it). */
  pick: (roots: string[]) => Thenable<string | undefined>;
  install(target?: vscode.Uri | string): Promise<InstallResult | undefined>;
  remove(target?: vscode.Uri | string): Promise<RemoveResult | undefined>;
  /** Re-points installed hooks whose CLI is gone at this extension's CLI; returns the hook files rewritten. */
  repair(roots: readonly string[]): Promise<string[]>;
  /** Settles when the repair of the repositories followed so far is done. */
  repaired: Promise<string[]>;
  readonly cli: string;
}

export function registerHookCommands(context: vscode.ExtensionContext, staged: StagedReminders): HookCommands {
  const cli = nodePath.join(context.extensionPath, 'dist', 'cli.js');
  const checked = new Set<string>();

  const commands: HookCommands = {
    cli,
    confirm: async (message, action) => (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action,
    pick: async (roots) => vscode.window.showQuickPick(roots, { placeHolder: 'Which repository?' }),
    repaired: Promise.resolve([]),

    async install(target) {
      const found = await prepare(target, 'install');
      if (!found) return undefined;
      const { location } = found;
      const status = hookStatus(location);
      const file = status.target.file;
      const ask =
        status.state === 'installed'
          ? `Rewrite the pre-commit reminder in ${file} to run ${cli}?`
          : `Install a git pre-commit hook at ${file}? Before every commit it runs ${cli} with Node and lists the staged files others own; it never blocks a commit.${status.state === 'not-installed' && status.foreign ? ' The hook already there is kept and runs after it.' : ''}`;
      if (!(await commands.confirm(ask, 'Install'))) return undefined;
      try {
        const keep = status.state === 'installed' ? { strict: status.meta.strict, args: status.meta.args } : { strict: false, args: [] };
        const result = installHook(location, { cli, ...keep });
        void vscode.window.showInformationMessage(
          `Pre-commit reminder ${result.action === 'updated' ? 'updated' : 'installed'}: ${result.target.file}.${result.chained ? ' The hook that was there runs after it.' : ''}${result.target.inWorkingTree ? ' It is inside the working tree: do not commit it.' : ''}`,
        );
        return result;
      } catch (e) {
        void vscode.window.showErrorMessage(`Could not install the pre-commit reminder: ${message(e)}`);
        return undefined;
      }
    },

    async remove(target) {
      const found = await prepare(target, 'remove');
      if (!found) return undefined;
      const status = hookStatus(found.location);
      if (status.state === 'not-installed' && status.leftovers.length === 0) {
        void vscode.window.showInformationMessage(`The pre-commit reminder is not installed at ${status.target.file}.`);
        return undefined;
      }
      const ask = `Remove the pre-commit reminder from ${status.target.file}?${status.state === 'installed' && status.chained ? ' The hook that was there before is put back.' : ''}`;
      if (!(await commands.confirm(ask, 'Remove'))) return undefined;
      try {
        const result = removeHook(found.location);
        const kept = result.kept.length > 0 ? ` Left alone (look at them): ${result.kept.join(', ')}.` : '';
        void vscode.window.showInformationMessage(`${result.removed ? `Removed the pre-commit reminder from ${result.target.file}.` : 'Tidied up an earlier install.'}${result.restored ? ' The earlier hook is back.' : ''}${kept}`);
        return result;
      } catch (e) {
        void vscode.window.showErrorMessage(`Could not remove the pre-commit reminder: ${message(e)}`);
        return undefined;
      }
    },

    async repair(roots) {
      if (!vscode.workspace.isTrusted) return [];
      const rewritten: string[] = [];
      for (const root of roots) {
        try {
          const location = await hookLocation(root);
          const status = hookStatus(location);
          if (status.state !== 'installed' || status.cliFound) continue;
          installHook(location, { cli, strict: status.meta.strict, args: status.meta.args });
          rewritten.push(status.target.file);
        } catch {
          // Not a working tree, or a hook we may not touch: `hook status` tells the user.
        }
      }
      return rewritten;
    },
  };

  async function prepare(target: vscode.Uri | string | undefined, verb: string): Promise<{ root: string; location: HookLocation } | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Trust this workspace to ${verb} the pre-commit reminder: it writes a git hook.`);
      return undefined;
    }
    const root = await chooseRoot(target);
    if (!root) return undefined;
    try {
      return { root, location: await hookLocation(root) };
    } catch (e) {
      void vscode.window.showErrorMessage(`${root} is not a git working tree (${message(e)}).`);
      return undefined;
    }
  }

  async function chooseRoot(target: vscode.Uri | string | undefined): Promise<string | undefined> {
    if (target !== undefined) {
      const p = typeof target === 'string' ? target : target.fsPath;
      return findRepositoryRoot(p) ?? undefined;
    }
    const roots = new Set(staged.roots);
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      const root = f.uri.scheme === 'file' ? findRepositoryRoot(f.uri.fsPath) : null;
      if (root !== null) roots.add(root);
    }
    const all = [...roots].sort();
    if (all.length === 0) {
      void vscode.window.showWarningMessage('No git repository is open.');
      return undefined;
    }
    return all.length === 1 ? all[0] : commands.pick(all);
  }

  // Each repository once, when it is first followed (the source follows only trusted workspaces).
  context.subscriptions.push(
    staged.onDidChange(() => {
      const fresh = staged.roots.filter((r) => !checked.has(r));
      if (fresh.length === 0) return;
      fresh.forEach((r) => checked.add(r));
      const before = commands.repaired;
      commands.repaired = before.then(async (done) => [...done, ...(await commands.repair(fresh))]);
    }),
    vscode.commands.registerCommand(Commands.installPrecommitReminder, (target?: vscode.Uri | string) => commands.install(target)),
    vscode.commands.registerCommand(Commands.removePrecommitReminder, (target?: vscode.Uri | string) => commands.remove(target)),
  );
  return commands;
}

async function hookLocation(root: string): Promise<HookLocation> {
  const { createGitClient }: LazyBundles['git'] = typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('git') : await import('../git/gitClient.js');
  return createGitClient(root, { timeoutMs: GIT_TIMEOUT_MS }).hookLocation();
}

function message(e: unknown): string {
  if (e instanceof HookError) return e.message;
  return ((e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim() !== '') ?? 'unknown error').trim();
}
