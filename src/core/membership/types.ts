// The host-neutral membership model: who the host (GitHub, GitLab) says I am, and which of
// its teams or groups I belong to, written as CODEOWNERS handles. Plain data, so it can be
// cached as JSON (the editor's global state, the CLI's cache file) and shown as is.

export type HostKind = 'github' | 'gitlab';

/** Display names, for messages. */
export const HOST_NAMES: Readonly<Record<HostKind, string>> = { github: 'GitHub', gitlab: 'GitLab' };

/** Where to ask and with what. The token is only ever held in memory, never stored. */
export interface HostAccount {
  host: HostKind;
  /** The REST API base, e.g. `https://api.github.com`, `https://ghe.example/api/v3`, `https://gitlab.com/api/v4`. */
  baseUrl: string;
  token: string;
}

export interface Membership {
  host: HostKind;
  /** The API base it came from, normalised (no trailing slash). */
  baseUrl: string;
  /** `@login` (GitHub) or `@username` (GitLab). */
  login: string;
  /** `@org/team-slug` (GitHub) or `@group/subgroup` (GitLab), sorted, without repeats. */
  teams: string[];
  /**
   * False when the token could read the user but not their teams (a GitHub token without
   * `read:org`, a GitLab token without `read_api`): `teams` is then empty for that reason,
   * not because I am in none, and `teamsNote` says so.
   */
  teamsKnown: boolean;
  teamsNote?: string;
  /** When the host answered, in milliseconds since the epoch. */
  fetchedAt: number;
}

export type ProblemKind =
  /** No connection: DNS, refused, reset. */
  | 'offline'
  | 'timeout'
  /** 401: the token is wrong, expired or revoked. */
  | 'unauthorized'
  /** 403 that is not a rate limit: the token may not read this. */
  | 'forbidden'
  /** 429, or 403 with an exhausted rate limit. */
  | 'rate-limited'
  /** 5xx, or a status we do not expect. */
  | 'server'
  /** A body that is not the JSON we asked for, or pagination that does not end. */
  | 'malformed';

export interface MembershipProblem {
  kind: ProblemKind;
  host: HostKind;
  /** One line for a person, already free of the token. */
  message: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Do not ask this host again before this time (ms since the epoch). */
  retryAt: number;
}
