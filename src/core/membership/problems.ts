// Turning what went wrong into one line for a person and a time before which we do not ask
// again. Backing off is what keeps a commit hook that runs on every commit, or an editor that
// refreshes in the background, from hammering a host that is down or rate limiting us.
import { HttpFailure, type HttpResponse } from './http';
import { redact } from './redact';
import { utcMinute } from './time';
import { HOST_NAMES, type HostKind, type MembershipProblem, type ProblemKind } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Offline, timeouts, 5xx, bad replies: worth another try soon, not on every call. */
export const TRANSIENT_BACKOFF_MS = 5 * MINUTE;
/** A refused token stays refused until it changes (and a new token is not held back by this). */
export const TOKEN_BACKOFF_MS = HOUR;
/** A rate limit without a usable reset header. */
export const RATE_LIMIT_FALLBACK_MS = MINUTE;
/** However far a server's reset header points, ask again after a day at the latest. */
const MAX_BACKOFF_MS = 24 * HOUR;

/** Thrown inside the membership code; resolveMembership turns it into a reported problem. */
export class ProblemError extends Error {
  constructor(readonly problem: MembershipProblem) {
    super(problem.message);
    this.name = 'ProblemError';
  }
}

export interface ProblemContext {
  host: HostKind;
  baseUrl: string;
  token: string;
  now: number;
}

/** `GitHub (api.github.com)`: which host, without credentials or query. */
export function hostLabel(host: HostKind, baseUrl: string): string {
  let where = baseUrl;
  try {
    const u = new URL(baseUrl);
    where = `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    // Not a URL: say it as given (redacted below like everything else).
  }
  return `${HOST_NAMES[host]} (${where})`;
}

export function problem(ctx: ProblemContext, kind: ProblemKind, detail: string, options: { status?: number; retryAt?: number } = {}): MembershipProblem {
  const message = redact(`${hostLabel(ctx.host, ctx.baseUrl)}: ${detail}`, [ctx.token]);
  const fallback = kind === 'unauthorized' || kind === 'forbidden' ? TOKEN_BACKOFF_MS : kind === 'rate-limited' ? RATE_LIMIT_FALLBACK_MS : TRANSIENT_BACKOFF_MS;
  const retryAt = Math.min(Math.max(options.retryAt ?? ctx.now + fallback, ctx.now), ctx.now + MAX_BACKOFF_MS);
  return { kind, host: ctx.host, message, ...(options.status !== undefined ? { status: options.status } : {}), retryAt };
}

/** The problem a non-2xx response stands for; `what` names the resource ("your teams"). */
export function problemFromResponse(ctx: ProblemContext, res: HttpResponse, what: string): MembershipProblem {
  const status = res.status;
  const limitedUntil = rateLimitedUntil(res, ctx.now);
  if (status === 429 || (status === 403 && limitedUntil !== undefined)) {
    const at = limitedUntil ?? ctx.now + RATE_LIMIT_FALLBACK_MS;
    return problem(ctx, 'rate-limited', `rate limited (${status}); not asking again before ${utcMinute(at)}`, { status, retryAt: at });
  }
  if (status === 401) return problem(ctx, 'unauthorized', 'the token was refused (401): it is wrong, expired or revoked', { status });
  if (status === 403) return problem(ctx, 'forbidden', `the token may not read ${what} (403)`, { status });
  // GitHub answers 404 for what a token may not see; a wrong API base looks the same.
  if (status === 404) return problem(ctx, 'forbidden', `answered 404 for ${what}: check the API base, and that the token may read it`, { status });
  // A 503 may say when to come back; honour it like a rate limit.
  return problem(ctx, 'server', `answered ${status} when asked for ${what}`, { status, ...(limitedUntil !== undefined ? { retryAt: limitedUntil } : {}) });
}

export function problemFromFailure(ctx: ProblemContext, e: unknown): MembershipProblem {
  if (e instanceof ProblemError) return e.problem;
  if (e instanceof HttpFailure) {
    return e.kind === 'timeout' ? problem(ctx, 'timeout', e.message) : problem(ctx, 'offline', `cannot be reached (${e.message})`);
  }
  // Anything else is a fault in an HttpClient or here; still a message, never a crash.
  return problem(ctx, 'offline', `the request failed (${e instanceof Error ? e.message : String(e)})`);
}

/**
 * When a rate-limited response says we may ask again: `Retry-After` (seconds or an HTTP date,
 * GitHub's secondary limits and GitLab), or a reset time in epoch seconds with no requests
 * left (`X-RateLimit-Reset` on GitHub, `RateLimit-Reset` on GitLab). The later one wins.
 * Undefined when the response carries none of them.
 */
export function rateLimitedUntil(res: HttpResponse, now: number): number | undefined {
  const times: number[] = [];
  const retryAfter = res.headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) times.push(now + Number(retryAfter) * 1000);
    else {
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) times.push(date);
    }
  }
  const remaining = res.headers['x-ratelimit-remaining'] ?? res.headers['ratelimit-remaining'];
  const reset = res.headers['x-ratelimit-reset'] ?? res.headers['ratelimit-reset'];
  if (reset !== undefined && /^\d+$/.test(reset.trim()) && (remaining === undefined || remaining.trim() === '0' || res.status === 429)) {
    times.push(Number(reset.trim()) * 1000);
  }
  return times.length > 0 ? Math.max(...times) : undefined;
}
