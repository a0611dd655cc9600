// Team membership for the CLI and the hook: from GitHub when GITHUB_TOKEN is set (API base
// GITHUB_API_URL, as GitHub Actions sets it) and from GitLab when GITLAB_TOKEN is set (API base
// CI_API_V4_URL, as GitLab CI sets it), so `explain` and `precommit` agree with the editor.
// Answers are cached for a day in the user's cache directory. Whatever goes wrong costs one
// line on stderr per host and never the command: the other sources of "me" still apply.
import os = require('node:os');
import path = require('node:path');
import { resolveIdentity, type IdentityInput, type Me } from '../core/identity/identity';
import {
  fileMembershipStore,
  GITHUB_API,
  GITLAB_API,
  HOST_NAMES,
  nodeHttpClient,
  redact,
  resolveMembership,
  utcMinute,
  type HostAccount,
  type Membership,
  type MembershipDeps,
  type MembershipOutcome,
} from '../core/membership';
import type { CliIO } from './io';
import { sanitize } from './terminal';

/** For the help of the commands that use it. */
export const MEMBERSHIP_USAGE = `Environment:
  GITHUB_TOKEN        your GitHub login and teams count as you (needs read:org for teams);
                      API base from GITHUB_API_URL (default https://api.github.com)
  GITLAB_TOKEN        your GitLab username and groups count as you (needs read_api);
                      API base from CI_API_V4_URL (default https://gitlab.com/api/v4)
  Answers are cached for a day (never the tokens) in ownership-lens/membership.json
  under $XDG_CACHE_HOME, or ~/.cache.
`;

/** What tests replace: the network, the clock, the timeout. The store defaults to the cache file. */
export type CliMembershipDeps = Partial<MembershipDeps>;

/**
 * Who I am for a CLI command: resolveIdentity with the host's answers added. `command` names
 * the command in stderr lines (`ownership-lens precommit: …`).
 */
export async function resolveIdentityForCli(io: CliIO, command: string, input: IdentityInput, deps: CliMembershipDeps = {}): Promise<Me> {
  const memberships = await cliMemberships(io, command, deps);
  return resolveIdentity({ ...input, memberships: [...(input.memberships ?? []), ...memberships] });
}

/** The hosts' answers for the tokens in the environment, each problem said once on stderr. */
export async function cliMemberships(io: CliIO, command: string, deps: CliMembershipDeps = {}): Promise<Membership[]> {
  const accounts = accountsFromEnv(io.env);
  if (accounts.length === 0) return [];
  const full: MembershipDeps = {
    http: deps.http ?? nodeHttpClient,
    store: deps.store ?? fileMembershipStore(membershipCacheFile(io.env)),
    now: deps.now ?? Date.now,
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  };
  const outcomes = await Promise.all(accounts.map((a) => resolveMembership(a, full, 'auto')));
  const tokens = accounts.map((a) => a.token);
  for (const line of outcomes.map(describe).filter((l): l is string => l !== undefined)) {
    io.stderr(`ownership-lens ${command}: ${sanitize(redact(line, tokens))}\n`);
  }
  return outcomes.map((o) => o.membership).filter((m): m is Membership => m !== undefined);
}

/** GITHUB_TOKEN / GITLAB_TOKEN with their API bases. Blank tokens count as unset. */
export function accountsFromEnv(env: CliIO['env']): HostAccount[] {
  const accounts: HostAccount[] = [];
  const github = env.GITHUB_TOKEN?.trim();
  if (github) accounts.push({ host: 'github', baseUrl: nonBlank(env.GITHUB_API_URL) ?? GITHUB_API, token: github });
  const gitlab = env.GITLAB_TOKEN?.trim();
  if (gitlab) accounts.push({ host: 'gitlab', baseUrl: nonBlank(env.CI_API_V4_URL) ?? GITLAB_API, token: gitlab });
  return accounts;
}

/** `$XDG_CACHE_HOME/ownership-lens/membership.json`, else under `~/.cache`. */
export function membershipCacheFile(env: CliIO['env']): string {
  const xdg = nonBlank(env.XDG_CACHE_HOME);
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(nonBlank(env.HOME) ?? os.homedir(), '.cache');
  return path.join(base, 'ownership-lens', 'membership.json');
}

/** One line for an outcome that is not simply a good answer, or undefined. */
function describe(o: MembershipOutcome): string | undefined {
  const host = HOST_NAMES[o.host];
  const m = o.membership;
  if (o.problem) {
    const fallback = m ? `using what ${host} said on ${utcMinute(m.fetchedAt)}` : `going by --me, git and ownership.yml only`;
    return `${o.problem.message}; ${fallback}`;
  }
  if (m && !m.teamsKnown) return `${m.teamsNote ?? `${host} did not list your teams`}; going by your ${host} login ${m.login}, --me, git and ownership.yml`;
  return undefined;
}

function nonBlank(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
