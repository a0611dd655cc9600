// The "You" section of *This File*, under the situation (which is judged against it): who I am in the file's repository, where each handle came
// from (settings, git, ownership.yml, GitHub, GitLab with the time it answered), how each host
// stands, and once, while the situation hinges on a team I might be in, a suggestion to ask
// the host. The suggestion is dismissed for good (globalState).
import vscode = require('vscode');
import type { IdentityEntry } from '../../core/identity/identity';
import { HOST_NAMES, utcMinute, type HostKind } from '../../core/membership';
import { Commands } from '../constants';
import type { FileGuidance } from '../model/ownershipModel';
import { node, type Node } from '../views/tree';
import type { HostStatus, MembershipService } from './membershipService';

const DISMISSED = 'ownershipLens.teamSuggestion.dismissed';

export interface YouSection {
  nodes(fg: FileGuidance): Node[];
  readonly onDidChange: vscode.Event<unknown>;
}

export function youSection(context: vscode.ExtensionContext, service: MembershipService, onDismiss: vscode.Event<void>): YouSection {
  return {
    onDidChange: (listener, thisArg, disposables) => {
      const a = service.onDidChange(listener, thisArg);
      const b = onDismiss(listener, thisArg);
      const both = vscode.Disposable.from(a, b);
      disposables?.push(both);
      return both;
    },
    nodes: (fg) => {
      const dismissed = context.globalState.get<boolean>(DISMISSED) === true;
      return [youNode(fg, [service.status('github'), service.status('gitlab')], dismissed)];
    },
  };
}

export async function dismissTeamSuggestion(context: vscode.ExtensionContext): Promise<void> {
  await context.globalState.update(DISMISSED, true);
}

export function youNode(fg: FileGuidance, hosts: readonly HostStatus[], suggestionDismissed: boolean): Node {
  const me = fg.lookup.repo.me;
  const entries = me.list();
  const suggestion = suggestionDismissed ? undefined : suggestionNode(fg, hosts);
  const children = [
    ...(suggestion ? [suggestion] : []),
    ...entries.map((e, i) => node(e.handle, { id: `you:handle:${i}:${e.handle}`, icon: handleIcon(e.handle), description: sourceOf(e), tooltip: `${e.handle}: ${sourceOf(e)}` })),
    ...hosts.map(hostNode),
  ];
  const gitProblem = fg.lookup.repo.gitProblem;
  if (gitProblem) {
    const what = `${gitProblem}: who you are comes from ownershipLens.me and ownership.yml alone until it runs (Ownership: Refresh)`;
    children.push(node('git', { id: 'you:git', icon: 'warning', description: what, tooltip: what }));
  }
  const login = entries.find((e) => e.via === 'github' || e.via === 'gitlab') ?? entries.find((e) => e.via === 'explicit' || e.via === 'git-noreply') ?? entries[0];
  const description = suggestion ? 'are you in the owning team?' : entries.length === 0 ? 'no handles: see ownershipLens.me' : `${login.handle}${entries.length > 1 ? ` +${entries.length - 1}` : ''}`;
  // One collapsed line under the situation; open (under another id, so VS Code does not keep
  // it collapsed) while it carries the suggestion.
  return node('You', { id: suggestion ? 'you:suggesting' : 'you', icon: 'account', description, contextValue: 'you', expanded: suggestion !== undefined }, children);
}

/** Where a handle came from, in a few words. */
export function sourceOf(e: IdentityEntry): string {
  const at = e.fetchedAt !== undefined ? `, fetched ${utcMinute(e.fetchedAt)}` : '';
  switch (e.via) {
    case 'explicit':
      return 'settings (ownershipLens.me)';
    case 'git-email':
      return 'git user.email';
    case 'git-noreply':
      return `git, the login in ${e.from ?? 'a no-reply email'}`;
    case 'person':
      return `ownership.yml, as ${e.from ?? 'a person'}`;
    case 'team':
      return `ownership.yml, a member as ${e.from ?? 'you'}`;
    case 'github':
    case 'gitlab':
      return `${HOST_NAMES[e.via]}${e.from ? `, a member as ${e.from}` : ', your login'}${at}`;
  }
}

function handleIcon(handle: string): string {
  return handle.startsWith('@') ? (handle.includes('/') ? 'organization' : 'person') : 'mail';
}

function hostNode(s: HostStatus): Node {
  const name = HOST_NAMES[s.host];
  const connect = s.host === 'github' ? Commands.resolveGitHubTeams : Commands.setGitLabToken;
  if (!s.connected) {
    const what = s.host === 'github' ? 'not used: click to resolve your teams from GitHub' : 'no token: click to set a personal access token';
    return node(name, { id: `you:host:${s.host}`, icon: 'plug', description: what, tooltip: `${name}${s.baseUrl ? ` (${s.baseUrl})` : ''}: ${what}`, command: { title: what, command: connect }, contextValue: `membershipHost.${s.host}.off` });
  }
  const m = s.membership;
  const parts = [m ? `${m.login}, ${m.teamsKnown ? `${m.teams.length} team${m.teams.length === 1 ? '' : 's'}` : 'teams unknown'}, fetched ${utcMinute(m.fetchedAt)}` : 'no answer yet'];
  if (s.busy) parts.push('asking…');
  else if (s.problem) parts.push(`last attempt failed: ${s.problem.message}`);
  const lines = [`${name} (${s.baseUrl ?? ''})${s.account ? `, account ${s.account}` : ''}`, ...parts, ...(m && !m.teamsKnown && m.teamsNote ? [m.teamsNote] : [])];
  return node(name, {
    id: `you:host:${s.host}`,
    icon: s.problem ? 'warning' : 'cloud',
    description: parts.join(' · '),
    tooltip: lines.join('\n'),
    contextValue: `membershipHost.${s.host}.on`,
  });
}

/**
 * Upstream code owned by a team, while the host that would know whether I am in it is not
 * asked: offer to ask it (GitLab for a GitLab CODEOWNERS, else GitHub).
 */
function suggestionNode(fg: FileGuidance, hosts: readonly HostStatus[]): Node | undefined {
  const g = fg.guidance;
  if (g.situation !== 'upstream') return undefined;
  const team = g.owners.find((o) => /^@[^/\s]+\/\S+$/.test(o));
  if (team === undefined) return undefined;
  const host: HostKind = fg.lookup.repo.ownership.flavor === 'gitlab' ? 'gitlab' : 'github';
  if (hosts.find((h) => h.host === host)?.connected) return undefined;
  const command = host === 'github' ? Commands.resolveGitHubTeams : Commands.setGitLabToken;
  const label = `Are you in ${team}? Ask ${HOST_NAMES[host]}`;
  return node(label, {
    id: 'you:suggestion',
    icon: 'lightbulb',
    description: host === 'github' ? 'Resolve my teams from GitHub' : 'Set a GitLab token',
    tooltip: `This file is ${team}'s. If you are in that team, ${HOST_NAMES[host]} can say so and this file becomes yours. Dismiss to stop suggesting this.`,
    command: { title: label, command },
    contextValue: 'teamSuggestion',
  });
}
