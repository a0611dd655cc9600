// Team membership in the editor: the commands, the start-up look (cached answers, then a
// background refresh of stale ones, never a sign-in prompt), and the model refreshed whenever
// what the hosts say about me changes.
import vscode = require('vscode');
import { HOST_NAMES } from '../../core/membership';
import { Commands } from '../constants';
import type { OwnershipModel } from '../model/ownershipModel';
import { MembershipLog } from './membershipLog';
import { askForToken, MembershipService, vscodeGitHubSessions, type GitHubSessionProvider, type HostStatus, type TokenInput } from './membershipService';
import { dismissTeamSuggestion, youSection, type YouSection } from './youSection';

export interface MembershipFeature {
  service: MembershipService;
  log: MembershipLog;
  you: YouSection;
  /** For the integration tests: stand-ins for VS Code's GitHub sign-in and the token input box. */
  testing: {
    setGitHubSessionProvider(provider: GitHubSessionProvider | undefined): void;
    setTokenInput(input: TokenInput | undefined): void;
    /** Another clock (undefined: the real one), to make an answer a day old. */
    setClock(now: (() => number) | undefined): void;
  };
}

/** Creates the service before the model exists (the model reads `service.memberships`). */
export function createMembership(context: vscode.ExtensionContext): { service: MembershipService; log: MembershipLog } {
  const log = new MembershipLog();
  const service = new MembershipService(context, log);
  context.subscriptions.push(log, service);
  return { service, log };
}

export function registerMembership(context: vscode.ExtensionContext, model: OwnershipModel, { service, log }: { service: MembershipService; log: MembershipLog }): MembershipFeature {
  const dismissed = new vscode.EventEmitter<void>();
  context.subscriptions.push(dismissed);
  context.subscriptions.push(service.onDidChange((e) => e.identity && model.refresh()));

  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(Commands.resolveGitHubTeams, async () => done(await service.connectGitHub()));
  register(Commands.refreshTeams, async () => {
    const statuses = await service.resolveAll('refresh');
    const connected = statuses.filter((s) => s.connected);
    if (connected.length === 0) void vscode.window.setStatusBarMessage('Ownership Lens: neither GitHub nor GitLab is set up for your teams', 5000);
    for (const s of connected) done(s);
    return statuses;
  });
  register(Commands.signOutGitHub, async () => {
    await service.disconnectGitHub();
    void vscode.window.setStatusBarMessage('Ownership Lens no longer uses GitHub for your teams (sign out of GitHub itself from the Accounts menu)', 5000);
  });
  register(Commands.setGitLabToken, async () => {
    const s = await service.setGitLabToken();
    return s ? done(s) : undefined;
  });
  register(Commands.clearGitLabToken, async () => {
    await service.clearGitLabToken();
    void vscode.window.setStatusBarMessage('Ownership Lens: the GitLab token was removed', 5000);
  });
  register(Commands.dismissTeamSuggestion, async () => {
    await dismissTeamSuggestion(context);
    dismissed.fire();
  });
  register(Commands.showMembershipLog, () => log.show());

  // Never awaited: activation does not wait for the network, and never prompts.
  void service.start();

  return {
    service,
    log,
    you: youSection(context, service, dismissed.event),
    testing: {
      setGitHubSessionProvider: (provider) => {
        service.githubSessions = provider ?? vscodeGitHubSessions;
      },
      setTokenInput: (input) => {
        service.tokenInput = input ?? askForToken;
      },
      setClock: (now) => {
        service.now = now ?? Date.now;
      },
    },
  };
}

/** A command's result in the status bar (problems are in the output channel already). */
function done(s: HostStatus): HostStatus {
  const name = HOST_NAMES[s.host];
  const m = s.membership;
  const text = !s.connected
    ? `Ownership Lens: no ${name} ${s.host === 'github' ? 'session' : 'token'}`
    : s.problem
      ? `Ownership Lens: ${name} did not answer; see the Ownership Lens output`
      : m
        ? `Ownership Lens: ${name} says you are ${m.login}${m.teamsKnown ? `, in ${m.teams.length} team${m.teams.length === 1 ? '' : 's'}` : ''}`
        : `Ownership Lens: ${name} answered`;
  void vscode.window.setStatusBarMessage(text, 5000);
  return s;
}
