// GET a JSON resource, or every page of a JSON list, from a host's REST API. Shared by the
// GitHub and GitLab clients: both page with a `Link` header (RFC 8288), GitLab also with
// `X-Next-Page`, and both must never send the token anywhere but the configured API.
import type { HttpClient, HttpResponse } from './http';
import { problem, problemFromFailure, problemFromResponse, ProblemError, type ProblemContext } from './problems';

/** A team list longer than this many pages is a server that does not stop paging. */
export const MAX_PAGES = 100;

export interface ApiContext extends ProblemContext {
  http: HttpClient;
  timeoutMs: number;
  /** Authorization and the host's other headers. */
  headers: Readonly<Record<string, string>>;
}

export interface JsonReply {
  value: unknown;
  response: HttpResponse;
}

/** Throws a ProblemError for anything but a 2xx with a JSON body. */
export async function getJson(ctx: ApiContext, url: string, what: string): Promise<JsonReply> {
  let response: HttpResponse;
  try {
    response = await ctx.http.request({ url, headers: ctx.headers, timeoutMs: ctx.timeoutMs });
  } catch (e) {
    throw new ProblemError(problemFromFailure(ctx, e));
  }
  if (response.status < 200 || response.status > 299) throw new ProblemError(problemFromResponse(ctx, response, what));
  try {
    return { value: JSON.parse(response.body) as unknown, response };
  } catch {
    throw new ProblemError(problem(ctx, 'malformed', `sent ${what} as something that is not JSON`, { status: response.status }));
  }
}

/** Every item of a paged list, in order. `what` names it for messages. */
export async function getAllPages(ctx: ApiContext, firstUrl: string, what: string): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    if (seen.has(url) || seen.size >= MAX_PAGES) throw new ProblemError(problem(ctx, 'malformed', `kept paging ${what} past ${seen.size} pages`));
    seen.add(url);
    const { value, response }: JsonReply = await getJson(ctx, url, what);
    if (!Array.isArray(value)) throw new ProblemError(problem(ctx, 'malformed', `sent ${what} as something that is not a list`, { status: response.status }));
    items.push(...(value as unknown[]));
    url = nextPageUrl(response, url);
    if (url !== undefined && !sameOrigin(url, ctx.baseUrl)) {
      // Following it would hand the token to another server.
      throw new ProblemError(problem(ctx, 'malformed', `pointed the next page of ${what} at another server; not following it`));
    }
  }
  return items;
}

/** The next page's absolute URL: `Link: <…>; rel="next"`, else GitLab's `X-Next-Page: N`. */
export function nextPageUrl(res: HttpResponse, currentUrl: string): string | undefined {
  const link = res.headers['link'];
  if (link) {
    const next = linkTarget(link, 'next');
    if (next !== undefined) {
      try {
        return new URL(next, currentUrl).toString();
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  const page = res.headers['x-next-page']?.trim();
  if (page && /^\d+$/.test(page)) {
    const u = new URL(currentUrl);
    u.searchParams.set('page', page);
    return u.toString();
  }
  return undefined;
}

/** The target of the link with relation `rel` in a Link header value, if any. */
export function linkTarget(header: string, rel: string): string | undefined {
  // `<url>; rel="next", <url>; rel="last"`. URLs may hold commas, so split on `<` starts.
  const re = /<([^>]*)>((?:\s*;\s*[^;,<]*)*)/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) {
    const rels = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(m[2])?.[1];
    if (rels !== undefined && rels.trim().split(/\s+/).includes(rel)) return m[1];
  }
  return undefined;
}

/** A non-blank string property of a JSON object, or undefined. */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
