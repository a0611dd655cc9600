// GitLab (gitlab.com and self-managed): the authenticated user and the groups they belong
// to, subgroups included, as CODEOWNERS handles (`@username`, `@group/subgroup`).
// `GET /groups?min_access_level=10` lists the groups, subgroups included, where the user has
// at least Guest access; without the filter an administrator would get every group on the
// instance.
import { getAllPages, getJson, stringField, type ApiContext } from './api';
import { problem, ProblemError } from './problems';
import type { Membership } from './types';

export function gitlabHeaders(token: string): Record<string, string> {
  // Bearer works for personal, group, project and OAuth tokens alike.
  return { Authorization: `Bearer ${token}`, Accept: 'application/json', 'User-Agent': 'ownership-lens' };
}

export async function fetchGitLabMembership(ctx: ApiContext): Promise<Membership> {
  const { value: user } = await getJson(ctx, `${ctx.baseUrl}/user`, 'the signed-in user');
  const username = stringField(user, 'username');
  if (username === undefined) throw new ProblemError(problem(ctx, 'malformed', 'sent a user without a username'));

  const base: Membership = { host: 'gitlab', baseUrl: ctx.baseUrl, login: `@${username}`, teams: [], teamsKnown: true, fetchedAt: ctx.now };
  let items: unknown[];
  try {
    items = await getAllPages(ctx, `${ctx.baseUrl}/groups?min_access_level=10&per_page=100`, 'your groups');
  } catch (e) {
    // A token with only `read_user` may read the user but not the groups.
    if (e instanceof ProblemError && e.problem.kind === 'forbidden') {
      return { ...base, teamsKnown: false, teamsNote: `${e.problem.message}; a token with the read_api scope can` };
    }
    throw e;
  }
  const groups = new Set<string>();
  for (const item of items) {
    const fullPath = stringField(item, 'full_path');
    if (fullPath === undefined) throw new ProblemError(problem(ctx, 'malformed', 'sent a group without a full_path'));
    groups.add(`@${fullPath}`);
  }
  return { ...base, teams: [...groups].sort() };
}
