// A fake GitHub and GitLab REST API on 127.0.0.1 for the membership tests: the endpoints the
// clients use (`/api/v3/user`, `/api/v3/user/teams`, `/api/v4/user`, `/api/v4/groups`), paged
// small so that every list takes several pages, and tokens that each stand for one way the
// real hosts fail. It records every request so tests can assert what was (not) asked.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  login: string;
  /** GitHub teams as `org/slug`, GitLab groups as `full/path`. */
  teams: string[];
}

/** How a token behaves, beyond answering normally. */
export type Behaviour =
  | 'ok'
  /** 401 everywhere. */
  | 'expired'
  /** The user reads; the team list is 403 (GitHub without read:org, GitLab without read_api). */
  | 'no-teams-scope'
  /** The user reads with `X-OAuth-Scopes: repo`; the team list is an empty 200 (GitHub). */
  | 'no-org-scope-empty'
  /** 403 with no requests left and a reset time (GitHub's primary rate limit). */
  | 'rate-limited'
  /** 429 with Retry-After in seconds (secondary limit, GitLab). */
  | 'retry-after'
  | 'server-error'
  /** Accepts the request and never answers. */
  | 'hang'
  | 'malformed'
  /** The team list's next link points at itself forever. */
  | 'page-loop'
  /** The team list's next link points at `foreignOrigin`. */
  | 'foreign-next';

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}

export interface FakeHost {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  githubApi: string;
  gitlabApi: string;
  requests: RecordedRequest[];
  /** Set per token; unknown tokens get 401. */
  tokens: Map<string, { user: FakeUser; behaviour: Behaviour }>;
  pageSize: number;
  /** Epoch seconds for X-RateLimit-Reset / RateLimit-Reset. */
  resetAt: number;
  /** GitLab paging: 'both' headers like gitlab.com, or only X-Next-Page. */
  gitlabPaging: 'both' | 'x-next-page';
  foreignOrigin: string;
  close(): Promise<void>;
}

export async function startFakeHost(): Promise<FakeHost> {
  const host: Omit<FakeHost, 'origin' | 'githubApi' | 'gitlabApi' | 'close'> = {
    requests: [],
    tokens: new Map(),
    pageSize: 2,
    resetAt: 0,
    gitlabPaging: 'both',
    foreignOrigin: 'http://127.0.0.1:9',
  };
  const server = http.createServer((req, res) => handle(host, origin, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(host, {
    origin,
    githubApi: `${origin}/api/v3`,
    gitlabApi: `${origin}/api/v4`,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep close() waiting for ever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function handle(host: Omit<FakeHost, 'origin' | 'githubApi' | 'gitlabApi' | 'close'>, origin: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', origin);
  host.requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization, userAgent: req.headers['user-agent'] });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const account = token !== undefined ? host.tokens.get(token) : undefined;
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (!account || account.behaviour === 'expired') return send(401, { message: 'Bad credentials' });
  const { user, behaviour } = account;
  const github = url.pathname.startsWith('/api/v3/');
  if (!github && !url.pathname.startsWith('/api/v4/')) return send(404, { message: 'Not Found' });
  const rest = url.pathname.slice('/api/vN'.length);
  switch (behaviour) {
    case 'rate-limited':
      return send(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(host.resetAt) });
    case 'retry-after':
      return send(429, { message: 'Retry later' }, { 'retry-after': '120' });
    case 'server-error':
      return send(500, { message: 'Server Error' });
    case 'hang':
      return; // never answer
    case 'malformed':
      return send(200, '{"login": "alice", "teams": [');
  }
  if (rest === '/user') {
    const scopes: Record<string, string> = github ? { 'x-oauth-scopes': behaviour === 'no-org-scope-empty' ? 'repo' : 'repo, read:org' } : {};
    return send(200, github ? { login: user.login, id: 1 } : { username: user.login, id: 1 }, scopes);
  }
  const list = github ? rest === '/user/teams' : rest === '/groups';
  if (!list) return send(404, { message: 'Not Found' });
  if (behaviour === 'no-teams-scope') return send(403, { message: 'insufficient scope' });
  if (behaviour === 'no-org-scope-empty') return send(200, []);
  if (!github && url.searchParams.get('min_access_level') !== '10') return send(400, { message: 'members only, please' });

  const page = Number(url.searchParams.get('page') ?? '1');
  const items = user.teams.slice((page - 1) * host.pageSize, page * host.pageSize).map((t) => {
    const slash = t.indexOf('/');
    return github ? { slug: t.slice(slash + 1), organization: { login: t.slice(0, slash) } } : { full_path: t };
  });
  const hasNext = page * host.pageSize < user.teams.length;
  const pageUrl = (n: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  const headers: Record<string, string> = {};
  if (behaviour === 'page-loop') headers.link = `<${url.toString()}>; rel="next"`;
  else if (behaviour === 'foreign-next') headers.link = `<${host.foreignOrigin}${url.pathname}?page=2>; rel="next"`;
  else if (github || host.gitlabPaging === 'both') {
    const last = Math.max(1, Math.ceil(user.teams.length / host.pageSize));
    headers.link = [hasNext ? `<${pageUrl(page + 1)}>; rel="next"` : '', `<${pageUrl(1)}>; rel="first"`, `<${pageUrl(last)}>; rel="last"`].filter(Boolean).join(', ');
  }
  if (!github) headers['x-next-page'] = hasNext ? String(page + 1) : '';
  return send(200, items, headers);
}
