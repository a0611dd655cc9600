// The one entry point a front end calls: "who does this host say I am?", answered from the
// cache while it is fresh, from the host when it is stale (or on request), and from the last
// good answer when the host fails, with one problem saying why. It never throws and never
// waits longer than the request timeout per page.
import { type ApiContext } from './api';
import { isFresh, readStored, storeKey, tokenId, type MembershipStore, type StoredMembership } from './cache';
import { fetchGitHubMembership, githubHeaders } from './github';
import { fetchGitLabMembership, gitlabHeaders } from './gitlab';
import type { HttpClient } from './http';
import { normalizeApiBase } from './hosts';
import { problem, problemFromFailure } from './problems';
import type { HostAccount, HostKind, Membership, MembershipProblem } from './types';

/** Long enough for a slow enterprise server, short enough not to hold up a commit for long. */
export const DEFAULT_TIMEOUT_MS = 5000;

export interface MembershipDeps {
  http: HttpClient;
  store: MembershipStore;
  /** Milliseconds since the epoch; injected so tests and the editor control time. */
  now: () => number;
  /** Per request; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
}

/**
 * `auto`: the cache while fresh, else the host (unless backing off after a failure).
 * `refresh`: the host now (a user's command), except during a rate limit, which is honoured.
 * `cached`: never the network (startup, or rendering a view).
 */
export type RefreshPolicy = 'auto' | 'refresh' | 'cached';

export interface MembershipOutcome {
  host: HostKind;
  baseUrl: string;
  /** The answer to use: just fetched, or the last good one (see `membership.fetchedAt`). */
  membership?: Membership;
  /** True when the host answered during this call. */
  fetched: boolean;
  /** Why the answer is not fresh from the host: report it once, then go on with `membership`. */
  problem?: MembershipProblem;
}

export async function resolveMembership(account: HostAccount, deps: MembershipDeps, policy: RefreshPolicy = 'auto'): Promise<MembershipOutcome> {
  const now = deps.now();
  const baseUrl = normalizeApiBase(account.baseUrl);
  const ctx = { host: account.host, baseUrl: baseUrl ?? account.baseUrl, token: account.token, now };
  if (baseUrl === undefined) {
    return { host: account.host, baseUrl: ctx.baseUrl, fetched: false, problem: problem(ctx, 'offline', 'the API base is not an http(s) URL without credentials') };
  }
  const key = storeKey(account.host, baseUrl);
  const id = tokenId(account.token);
  const stored = readStored(deps.store, key);
  // Another token's answer may be another person's: start over.
  const mine = stored?.tokenId === id ? stored : undefined;
  const last = mine?.membership;
  const result = (extra: Partial<MembershipOutcome>): MembershipOutcome => ({ host: account.host, baseUrl, membership: last, fetched: false, ...extra });

  if (policy === 'cached') return result({ problem: mine?.problem });
  if (policy === 'auto' && last && isFresh(last, now)) return result({});
  const waiting = mine?.problem && mine.problem.retryAt > now ? mine.problem : undefined;
  if (waiting && (policy === 'auto' || waiting.kind === 'rate-limited')) return result({ problem: waiting });

  const api: ApiContext = { ...ctx, baseUrl, http: deps.http, timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, headers: headersFor(account) };
  try {
    const membership = account.host === 'github' ? await fetchGitHubMembership(api) : await fetchGitLabMembership(api);
    await save(deps.store, key, { tokenId: id, membership });
    return result({ membership, fetched: true });
  } catch (e) {
    const p = problemFromFailure(api, e);
    await save(deps.store, key, { tokenId: id, ...(last ? { membership: last } : {}), problem: p });
    return result({ problem: p });
  }
}

/** Forgets what a host said (signing out, clearing a token). */
export async function forgetMembership(store: MembershipStore, host: HostKind, baseUrl: string): Promise<void> {
  const base = normalizeApiBase(baseUrl);
  if (base !== undefined) await save(store, storeKey(host, base), undefined);
}

function headersFor(account: HostAccount): Record<string, string> {
  return account.host === 'github' ? githubHeaders(account.token) : gitlabHeaders(account.token);
}

/** The cache is an optimisation: a store that cannot write must not turn an answer into a failure. */
async function save(store: MembershipStore, key: string, value: StoredMembership | undefined): Promise<void> {
  try {
    await store.set(key, value);
  } catch {
    // Nothing to do: the next call asks the host again.
  }
}
