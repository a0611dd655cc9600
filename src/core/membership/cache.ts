// The last answer per host, with when it was fetched and, after a failure, until when not to
// ask again. The store is whatever the front end has (the editor's global state, the CLI's
// cache file); it only ever sees plain JSON without the token. A short digest of the token
// says whose answer it is, so switching tokens (another user) never shows the previous user's
// teams as mine.
import { createHash } from 'node:crypto';
import type { HostKind, Membership, MembershipProblem, ProblemKind } from './types';

/** An answer older than this is refreshed (in the background, by whoever calls). */
export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

export interface MembershipStore {
  /** The stored value, or undefined; anything may come back (an old version, a hand edit). */
  get(key: string): unknown;
  /** Stores the value, or forgets the key when it is undefined. */
  set(key: string, value: StoredMembership | undefined): void | Promise<void>;
}

export interface StoredMembership {
  /** Whose answer this is: see tokenId. */
  tokenId: string;
  /** The last good answer. */
  membership?: Membership;
  /** The last failure since then, with its `retryAt`. */
  problem?: MembershipProblem;
}

export function storeKey(host: HostKind, baseUrl: string): string {
  return `ownershipLens.membership/${host}/${baseUrl}`;
}

/**
 * 64 bits of SHA-256 of the token: enough to tell two tokens apart, and (tokens being long
 * random strings) no help in recovering one.
 */
export function tokenId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16);
}

/** True when `m` is recent enough to use without asking the host. */
export function isFresh(m: Membership, now: number): boolean {
  const age = now - m.fetchedAt;
  // A fetch time in the future means the clock moved back: refresh rather than trust it.
  return age >= 0 && age < REFRESH_AFTER_MS;
}

/** What the store holds for this key, if it is well-formed; anything else reads as nothing. */
export function readStored(store: MembershipStore, key: string): StoredMembership | undefined {
  let value: unknown;
  try {
    value = store.get(key);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.tokenId !== 'string') return undefined;
  const membership = isMembership(value.membership) ? value.membership : undefined;
  const problem = isProblem(value.problem) ? value.problem : undefined;
  return { tokenId: value.tokenId, ...(membership ? { membership } : {}), ...(problem ? { problem } : {}) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMembership(v: unknown): v is Membership {
  return (
    isRecord(v) &&
    (v.host === 'github' || v.host === 'gitlab') &&
    typeof v.baseUrl === 'string' &&
    typeof v.login === 'string' &&
    Array.isArray(v.teams) &&
    v.teams.every((t) => typeof t === 'string') &&
    typeof v.teamsKnown === 'boolean' &&
    (v.teamsNote === undefined || typeof v.teamsNote === 'string') &&
    typeof v.fetchedAt === 'number'
  );
}

const PROBLEM_KINDS: ReadonlySet<string> = new Set<ProblemKind>(['offline', 'timeout', 'unauthorized', 'forbidden', 'rate-limited', 'server', 'malformed']);

function isProblem(v: unknown): v is MembershipProblem {
  return isRecord(v) && typeof v.kind === 'string' && PROBLEM_KINDS.has(v.kind) && typeof v.message === 'string' && typeof v.retryAt === 'number' && (v.host === 'github' || v.host === 'gitlab');
}
