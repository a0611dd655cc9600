// API bases: where each host's REST API lives, from what a user or CI tells us.

export const GITHUB_API = 'https://api.github.com';
export const GITLAB_API = 'https://gitlab.com/api/v4';

/**
 * An API base as the clients use it: http(s) only, no credentials, query or fragment, no
 * trailing slash. Undefined when `text` is not such a URL (the caller says so and goes on
 * without the host, rather than sending a token somewhere unexpected).
 */
export function normalizeApiBase(text: string): string | undefined {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username !== '' || u.password !== '') return undefined;
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The REST API base for a GitHub server URL, as VS Code's `github-enterprise.uri` setting
 * holds it: github.com → api.github.com; a GitHub Enterprise Server → `<server>/api/v3`;
 * a URL that already names an API path (`…/api/v3`) is kept.
 */
export function githubApiBase(serverUrl?: string): string | undefined {
  if (serverUrl === undefined || serverUrl.trim() === '') return GITHUB_API;
  const base = normalizeApiBase(serverUrl);
  if (base === undefined) return undefined;
  const u = new URL(base);
  if (u.hostname === 'github.com' || u.hostname === 'www.github.com') return GITHUB_API;
  if (u.hostname.startsWith('api.') || /\/api\/v3$/.test(u.pathname)) return base;
  return `${u.origin}/api/v3`;
}

/** The REST API base for a GitLab instance URL (`https://gitlab.example` → `…/api/v4`). */
export function gitlabApiBase(instanceUrl?: string): string | undefined {
  if (instanceUrl === undefined || instanceUrl.trim() === '') return GITLAB_API;
  const base = normalizeApiBase(instanceUrl);
  if (base === undefined) return undefined;
  return /\/api\/v4$/.test(base) ? base : `${base}/api/v4`;
}
