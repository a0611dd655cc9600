// GitHub (github.com and Enterprise Server): the authenticated user and their teams, as
// CODEOWNERS handles. `GET /user` gives `@login`; `GET /user/teams` (every page) gives
// `@org/team-slug`, which needs the `read:org` scope. A token that can read the user but not
// the teams (the usual CI token) is not a failure: the login alone still matches `@login`
// rules, and the note says why no team came back.
import { getAllPages, getJson, stringField, type ApiContext } from './api';
import { problem, ProblemError } from './problems';
import type { Membership } from './types';

/** Scopes (classic tokens) that let `GET /user/teams` list teams. */
const ORG_SCOPES = ['read:org', 'write:org', 'admin:org'];

export function githubHeaders(token: string): Record<string, string> {
  return {
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    // GitHub rejects requests without a User-Agent.
    'User-Agent': 'ownership-lens',
  };
}

export async function fetchGitHubMembership(ctx: ApiContext): Promise<Membership> {
  const { value: user, response } = await getJson(ctx, `${ctx.baseUrl}/user`, 'the signed-in user');
  const login = stringField(user, 'login');
  if (login === undefined) throw new ProblemError(problem(ctx, 'malformed', 'sent a user without a login'));

  const base: Membership = { host: 'github', baseUrl: ctx.baseUrl, login: `@${login}`, teams: [], teamsKnown: true, fetchedAt: ctx.now };
  let items: unknown[];
  try {
    items = await getAllPages(ctx, `${ctx.baseUrl}/user/teams?per_page=100`, 'your teams');
  } catch (e) {
    if (e instanceof ProblemError && e.problem.kind === 'forbidden') {
      return { ...base, teamsKnown: false, teamsNote: `${e.problem.message}; a token with the read:org scope can` };
    }
    throw e;
  }
  const teams = new Set<string>();
  for (const item of items) {
    const slug = stringField(item, 'slug');
    const org = stringField((item as { organization?: unknown } | null)?.organization, 'login');
    if (slug === undefined || org === undefined) throw new ProblemError(problem(ctx, 'malformed', 'sent a team without a slug or organization'));
    teams.add(`@${org}/${slug}`);
  }
  // A classic token without an org scope gets an empty list rather than a 403: say so.
  const scopes = response.headers['x-oauth-scopes'];
  if (teams.size === 0 && scopes !== undefined && !scopes.split(',').some((s) => ORG_SCOPES.includes(s.trim()))) {
    return { ...base, teamsKnown: false, teamsNote: `${problem(ctx, 'forbidden', 'the token has no read:org scope, so your teams cannot be listed').message}` };
  }
  return { ...base, teams: [...teams].sort() };
}
