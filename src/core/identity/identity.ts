// Who "me" is, as a set of owner handles: what --me (later a setting) says, what git's
// user.email and user.name say, who GitHub or GitLab says I am and which of their teams I am
// in, and the teams those handles belong to in ownership.yml. Each handle keeps the reason it
// is mine, so a surface can say *why* a file is mine (and, from a host, as of when).
import { ownerKey } from '../codeowners/owners';
import type { Membership } from '../membership/types';
import type { OwnershipConfig } from '../practices/types';

export interface GitUser {
  email?: string;
  name?: string;
}

export type IdentitySource =
  /** Given explicitly (--me, a setting). */
  | 'explicit'
  /** git user.email, which CODEOWNERS may list as an owner directly. */
  | 'git-email'
  /** The host login inside a GitHub/GitLab no-reply git email. */
  | 'git-noreply'
  /** ownership.yml `people`: a handle whose name or email matches something already mine. */
  | 'person'
  /** ownership.yml `teams`: a team with one of my handles among its members. */
  | 'team'
  /** GitHub's answer: my login, or (with `from` = the login) a team I am in. */
  | 'github'
  /** GitLab's answer: my username, or (with `from` = the username) a group I am in. */
  | 'gitlab';

export interface IdentityEntry {
  /** As first written (e.g. `@Alice`); compare with `ownerKey`. */
  handle: string;
  via: IdentitySource;
  /** For `person` and `team`: the handle or name that led here; for a host's team, my login. */
  from?: string;
  /** For `github` and `gitlab`: when the host said so, in milliseconds since the epoch. */
  fetchedAt?: number;
}

export class Me {
  private readonly entries = new Map<string, IdentityEntry>();

  /** Adds a handle unless it is already mine (the first reason found is kept). */
  add(entry: IdentityEntry): boolean {
    const key = ownerKey(entry.handle);
    if (this.entries.has(key)) return false;
    this.entries.set(key, entry);
    return true;
  }

  has(owner: string): boolean {
    return this.entries.has(ownerKey(owner));
  }

  /** Why `owner` is one of my handles, or undefined when it is not. */
  why(owner: string): IdentityEntry | undefined {
    return this.entries.get(ownerKey(owner));
  }

  get handles(): string[] {
    return [...this.entries.values()].map((e) => e.handle);
  }

  /** Every handle with its reason, in the order found: what a "You" view lists. */
  list(): IdentityEntry[] {
    return [...this.entries.values()];
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }
}

export interface IdentityInput {
  explicit?: readonly string[];
  git?: GitUser;
  config?: OwnershipConfig;
  /** What GitHub and GitLab answered (see core/membership), possibly from their cache. */
  memberships?: readonly Membership[];
}

export function resolveIdentity({ explicit = [], git = {}, config, memberships = [] }: IdentityInput): Me {
  const me = new Me();
  for (const handle of explicit) {
    const h = normalizeExplicitHandle(handle);
    if (h) me.add({ handle: h, via: 'explicit' });
  }
  const email = git.email?.trim();
  if (email) {
    me.add({ handle: email, via: 'git-email' });
    const login = handleFromNoreplyEmail(email);
    if (login) me.add({ handle: login, via: 'git-noreply', from: email });
  }
  // Before ownership.yml: a login the host confirms links me to people and teams listed there.
  for (const m of memberships) addMembership(me, m);
  if (config) {
    addPeople(me, config, git.name?.trim());
    addTeams(me, config);
  }
  return me;
}

/** `alice` → `@alice`; handles and emails stay as they are; blank → undefined. */
export function normalizeExplicitHandle(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return t.startsWith('@') || t.includes('@') ? t : `@${t}`;
}

/**
 * The host login in a no-reply commit email: GitHub `12345+alice@users.noreply.github.com`
 * (or the older `alice@users.noreply.github.com`), GitLab `12345-alice@users.noreply.gitlab.com`
 * (self-managed GitLab: `…@users.noreply.<host>`, always with the numeric id).
 */
export function handleFromNoreplyEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (domain === 'users.noreply.github.com') {
    const m = /^(?:\d+\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)$/.exec(local);
    return m ? `@${m[1]}` : undefined;
  }
  if (domain.startsWith('users.noreply.')) {
    const m = /^\d+-([A-Za-z0-9_.-]+)$/.exec(local);
    return m ? `@${m[1]}` : undefined;
  }
  return undefined;
}

/** The host's login, then its teams, each with the host and the time it answered. */
function addMembership(me: Me, m: Membership): void {
  me.add({ handle: m.login, via: m.host, fetchedAt: m.fetchedAt });
  for (const team of m.teams) me.add({ handle: team, via: m.host, from: m.login, fetchedAt: m.fetchedAt });
}

/** A person is me when their handle, one of their emails or their name is already mine. */
function addPeople(me: Me, config: OwnershipConfig, gitName: string | undefined): void {
  const name = gitName?.toLowerCase();
  for (const person of config.people) {
    const byName = name !== undefined && name !== '' && person.name?.trim().toLowerCase() === name;
    const link = me.has(person.handle) ? person.handle : person.emails.find((e) => me.has(e)) ?? (byName ? person.name : undefined);
    if (link === undefined) continue;
    me.add({ handle: person.handle, via: 'person', from: link });
    for (const e of person.emails) me.add({ handle: e, via: 'person', from: person.handle });
  }
}

/** Team membership, to a fixed point: a team listed as a member passes its members on. */
function addTeams(me: Me, config: OwnershipConfig): void {
  let changed = true;
  // Each pass adds at least one team or stops, so this ends after at most |teams| + 1 passes.
  while (changed) {
    changed = false;
    for (const team of config.teams.values()) {
      if (me.has(team.handle)) continue;
      const member = team.members.find((m) => me.has(m));
      if (member !== undefined && me.add({ handle: team.handle, via: 'team', from: member })) changed = true;
    }
  }
}
