// Team membership from GitHub and GitLab, through the Node HTTP client against a real HTTP
// server on 127.0.0.1 (test/support/fake-host.ts): paging, an expired token, a token that
// cannot read teams, rate limits, a 500, a server that never answers, malformed JSON, and
// the cache that keeps the last good answer and backs off instead of asking again.
import assert from 'node:assert/strict';
import {
  nodeHttpClient,
  REFRESH_AFTER_MS,
  resolveMembership,
  type HostAccount,
  type MembershipDeps,
  type MembershipOutcome,
  type MembershipStore,
  type StoredMembership,
} from '../../src/core/membership';
import { TOKEN_BACKOFF_MS, TRANSIENT_BACKOFF_MS } from '../../src/core/membership/problems';
import { startFakeHost, type Behaviour, type FakeHost } from '../support/fake-host';

const TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
const TEAMS = ['acme/payments', 'acme/platform', 'acme/search', 'octo/docs', 'octo/infra'];
const GROUPS = ['acme', 'acme/payments', 'acme/payments/api', 'acme/search', 'tools'];

function memoryStore(): MembershipStore & { data: Map<string, StoredMembership> } {
  const data = new Map<string, StoredMembership>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => {
      if (value === undefined) data.delete(key);
      // Through JSON, as the real stores keep it.
      else data.set(key, JSON.parse(JSON.stringify(value)) as StoredMembership);
    },
  };
}

describe('membership from GitHub and GitLab (real HTTP on 127.0.0.1)', () => {
  let server: FakeHost;
  let store: ReturnType<typeof memoryStore>;
  let clock: number;
  let deps: MembershipDeps;
  const github = (token = TOKEN): HostAccount => ({ host: 'github', baseUrl: server.githubApi, token });
  const gitlab = (token = TOKEN): HostAccount => ({ host: 'gitlab', baseUrl: `${server.gitlabApi}/`, token });
  const setToken = (behaviour: Behaviour, token = TOKEN, teams = TEAMS) => server.tokens.set(token, { user: { login: 'alice', teams }, behaviour });
  /** Every message a test produced, checked for the token at the end of each test. */
  let messages: string[];
  const run = async (account: HostAccount, policy?: 'auto' | 'refresh' | 'cached'): Promise<MembershipOutcome> => {
    const outcome = await resolveMembership(account, deps, policy);
    if (outcome.problem) messages.push(outcome.problem.message);
    if (outcome.membership?.teamsNote) messages.push(outcome.membership.teamsNote);
    return outcome;
  };

  beforeEach(async () => {
    server = await startFakeHost();
    store = memoryStore();
    clock = Date.UTC(2025, 0, 31, 9, 0);
    deps = { http: nodeHttpClient, store, now: () => clock, timeoutMs: 2000 };
    messages = [];
  });
  afterEach(async () => {
    await server.close();
    for (const m of messages) assert.ok(!m.includes(TOKEN) && !m.includes(TOKEN.slice(4, 20)), `token in: ${m}`);
    for (const stored of store.data.values()) assert.ok(!JSON.stringify(stored).includes(TOKEN), 'token in the cache');
  });

  describe('GitHub', () => {
    it('reads @login and every team over all Link pages, with the token and a User-Agent', async () => {
      setToken('ok');
      const o = await run(github());
      assert.equal(o.problem, undefined);
      assert.equal(o.fetched, true);
      assert.equal(o.membership?.login, '@alice');
      assert.deepEqual(o.membership?.teams, TEAMS.map((t) => `@${t}`));
      assert.equal(o.membership?.teamsKnown, true);
      assert.equal(o.membership?.fetchedAt, clock);
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/api/v3/user', '/api/v3/user/teams?per_page=100', '/api/v3/user/teams?per_page=100&page=2', '/api/v3/user/teams?per_page=100&page=3'],
      );
      for (const r of server.requests) {
        assert.equal(r.authorization, `Bearer ${TOKEN}`);
        assert.equal(r.userAgent, 'ownership-lens');
      }
    });

    it('an expired token (401): no answer, one problem, and the token is not tried again for a while', async () => {
      setToken('expired');
      const o = await run(github());
      assert.equal(o.membership, undefined);
      assert.equal(o.problem?.kind, 'unauthorized');
      assert.equal(o.problem?.status, 401);
      assert.match(o.problem?.message ?? '', /^GitHub \(127\.0\.0\.1:\d+\/api\/v3\): the token was refused \(401\)/);
      assert.equal(o.problem?.retryAt, clock + TOKEN_BACKOFF_MS);
      const asked = server.requests.length;
      clock += 60_000;
      const again = await run(github());
      assert.equal(again.problem?.kind, 'unauthorized');
      assert.equal(server.requests.length, asked, 'backing off: no new request');
    });

    it('a token without read:org (403 on /user/teams) still gives the login, and says why no team came', async () => {
      setToken('no-teams-scope');
      const o = await run(github());
      assert.equal(o.problem, undefined, 'a partial answer is not a failure');
      assert.equal(o.membership?.login, '@alice');
      assert.deepEqual(o.membership?.teams, []);
      assert.equal(o.membership?.teamsKnown, false);
      assert.match(o.membership?.teamsNote ?? '', /may not read your teams \(403\).*read:org/);
    });

    it('a classic token without an org scope (empty 200 list, X-OAuth-Scopes: repo) is not taken as "in no team"', async () => {
      setToken('no-org-scope-empty');
      const o = await run(github());
      assert.equal(o.membership?.teamsKnown, false);
      assert.match(o.membership?.teamsNote ?? '', /no read:org scope/);
    });

    it('a rate limit (403, X-RateLimit-Remaining: 0) is honoured until X-RateLimit-Reset, even on a refresh command', async () => {
      setToken('rate-limited');
      server.resetAt = Math.floor(clock / 1000) + 900;
      const o = await run(github());
      assert.equal(o.problem?.kind, 'rate-limited');
      assert.equal(o.problem?.retryAt, server.resetAt * 1000);
      assert.match(o.problem?.message ?? '', /rate limited \(403\); not asking again before 2025-01-31 09:15 UTC/);
      const asked = server.requests.length;
      clock += 10 * 60_000;
      assert.equal((await run(github(), 'refresh')).problem?.kind, 'rate-limited');
      assert.equal((await run(github())).problem?.kind, 'rate-limited');
      assert.equal(server.requests.length, asked, 'no request before the reset');
      setToken('ok');
      clock = server.resetAt * 1000 + 1;
      const after = await run(github());
      assert.equal(after.problem, undefined);
      assert.equal(after.membership?.teams.length, TEAMS.length);
    });

    it('a 500 keeps the last good answer, reports once per try, and waits before asking again', async () => {
      setToken('ok');
      const good = await run(github());
      setToken('server-error');
      clock += REFRESH_AFTER_MS + 1;
      const o = await run(github());
      assert.equal(o.fetched, false);
      assert.equal(o.problem?.kind, 'server');
      assert.match(o.problem?.message ?? '', /answered 500 when asked for the signed-in user/);
      assert.deepEqual(o.membership, good.membership, 'the last good answer');
      const asked = server.requests.length;
      clock += TRANSIENT_BACKOFF_MS - 1;
      assert.deepEqual((await run(github())).membership, good.membership);
      assert.equal(server.requests.length, asked, 'still backing off');
      clock += 2;
      await run(github());
      assert.equal(server.requests.length, asked + 1, 'asks again after the back-off');
      // A command to refresh does not wait for a back-off that is not a rate limit.
      assert.equal((await run(github(), 'refresh')).problem?.kind, 'server');
      assert.equal(server.requests.length, asked + 2);
    });

    it('a server that never answers times out at the client timeout, keeping the last good answer', async () => {
      setToken('ok');
      const good = await run(github());
      setToken('hang');
      deps = { ...deps, timeoutMs: 150 };
      const started = Date.now();
      const o = await run(github(), 'refresh');
      assert.equal(o.problem?.kind, 'timeout');
      assert.match(o.problem?.message ?? '', /: no complete answer within 150 ms$/);
      assert.ok(Date.now() - started < 1500, 'gave up near the timeout');
      assert.deepEqual(o.membership, good.membership);
    });

    it('malformed JSON is a problem, not a crash, and the last good answer stays', async () => {
      setToken('ok');
      const good = await run(github());
      setToken('malformed');
      const o = await run(github(), 'refresh');
      assert.equal(o.problem?.kind, 'malformed');
      assert.match(o.problem?.message ?? '', /not JSON/);
      assert.deepEqual(o.membership, good.membership);
    });

    it('a server that is down is "offline"', async () => {
      setToken('ok');
      const base = server.githubApi;
      await server.close();
      const o = await resolveMembership({ host: 'github', baseUrl: base, token: TOKEN }, deps);
      assert.equal(o.problem?.kind, 'offline');
      assert.match(o.problem?.message ?? '', /cannot be reached \(ECONNREFUSED\)/);
      server = await startFakeHost();
    });

    it('a wrong API base (404) says to check it', async () => {
      setToken('ok');
      const o = await run({ host: 'github', baseUrl: `${server.origin}/api/v9`, token: TOKEN });
      assert.equal(o.problem?.kind, 'forbidden');
      assert.match(o.problem?.message ?? '', /\/api\/v9\): answered 404 for the signed-in user: check the API base/);
    });

    it('never follows a next link to another server (the token would go with it)', async () => {
      const other = await startFakeHost();
      try {
        setToken('foreign-next');
        server.foreignOrigin = other.origin;
        const o = await run(github());
        assert.equal(o.problem?.kind, 'malformed');
        assert.match(o.problem?.message ?? '', /another server; not following it/);
        assert.deepEqual(other.requests, []);
      } finally {
        await other.close();
      }
    });

    it('stops a next link that loops', async () => {
      setToken('page-loop');
      const o = await run(github());
      assert.equal(o.problem?.kind, 'malformed');
      assert.equal(server.requests.length, 2, '/user, then the team page once');
    });
  });

  describe('GitLab', () => {
    it('reads @username and every group and subgroup (min_access_level=10) over Link pages', async () => {
      setToken('ok', TOKEN, GROUPS);
      const o = await run(gitlab());
      assert.equal(o.problem, undefined);
      assert.equal(o.baseUrl, server.gitlabApi, 'trailing slash dropped');
      assert.equal(o.membership?.login, '@alice');
      assert.deepEqual(o.membership?.teams, GROUPS.map((g) => `@${g}`));
      assert.equal(server.requests.filter((r) => r.path.startsWith('/api/v4/groups')).length, 3);
    });

    it('pages with X-Next-Page alone', async () => {
      setToken('ok', TOKEN, GROUPS);
      server.gitlabPaging = 'x-next-page';
      const o = await run(gitlab());
      assert.deepEqual(o.membership?.teams, GROUPS.map((g) => `@${g}`));
      assert.deepEqual(
        server.requests.map((r) => r.path).filter((p) => p.includes('groups')),
        ['/api/v4/groups?min_access_level=10&per_page=100', '/api/v4/groups?min_access_level=10&per_page=100&page=2', '/api/v4/groups?min_access_level=10&per_page=100&page=3'],
      );
    });

    it('a token that may read the user but not groups (403) gives the username and a note about read_api', async () => {
      setToken('no-teams-scope', TOKEN, GROUPS);
      const o = await run(gitlab());
      assert.equal(o.membership?.login, '@alice');
      assert.equal(o.membership?.teamsKnown, false);
      assert.match(o.membership?.teamsNote ?? '', /^GitLab \(127\.0\.0\.1:\d+\/api\/v4\): the token may not read your groups \(403\).*read_api/);
    });

    it('429 with Retry-After backs off for that many seconds', async () => {
      setToken('retry-after', TOKEN, GROUPS);
      const o = await run(gitlab());
      assert.equal(o.problem?.kind, 'rate-limited');
      assert.equal(o.problem?.retryAt, clock + 120_000);
    });
  });

  describe('the cache', () => {
    it('answers from the cache for a day, then asks the host again', async () => {
      setToken('ok');
      await run(github());
      const asked = server.requests.length;
      clock += REFRESH_AFTER_MS - 1;
      const cached = await run(github());
      assert.equal(cached.fetched, false);
      assert.equal(cached.membership?.teams.length, TEAMS.length);
      assert.equal(server.requests.length, asked);
      clock += 1;
      const refreshed = await run(github());
      assert.equal(refreshed.fetched, true);
      assert.equal(refreshed.membership?.fetchedAt, clock);
    });

    it("never gives one token's answer to another token", async () => {
      setToken('ok');
      await run(github());
      const other = 'ghp_ZYXWVUTSRQPONMLKJIHGzyxwvutsrqponm9876';
      server.tokens.set(other, { user: { login: 'bob', teams: ['acme/search'] }, behaviour: 'ok' });
      const o = await run(github(other));
      assert.equal(o.fetched, true);
      assert.equal(o.membership?.login, '@bob');
      assert.deepEqual(o.membership?.teams, ['@acme/search']);
      // And with the host down, bob does not inherit alice's teams either.
      server.tokens.set(TOKEN, { user: { login: 'alice', teams: TEAMS }, behaviour: 'server-error' });
      const back = await run(github(), 'refresh');
      assert.equal(back.membership, undefined);
    });

    it('"cached" never touches the network', async () => {
      setToken('ok');
      const none = await run(github(), 'cached');
      assert.equal(none.membership, undefined);
      assert.deepEqual(server.requests, []);
    });

    it('a store that fails to write does not turn an answer into a failure', async () => {
      setToken('ok');
      deps = { ...deps, store: { get: () => undefined, set: () => Promise.reject(new Error('disk full')) } };
      const o = await run(github());
      assert.equal(o.problem, undefined);
      assert.equal(o.membership?.login, '@alice');
    });

    it('reads a damaged cache entry as nothing', async () => {
      setToken('ok');
      deps = { ...deps, store: { get: () => ({ tokenId: 42, membership: 'x' }), set: () => undefined } };
      const o = await run(github(), 'cached');
      assert.equal(o.membership, undefined);
      assert.equal(o.problem, undefined);
    });

    it('refuses an API base with credentials or another scheme, without a request', async () => {
      setToken('ok');
      const o = await resolveMembership({ host: 'github', baseUrl: `ftp://127.0.0.1/api`, token: TOKEN }, deps);
      assert.equal(o.problem?.kind, 'offline');
      assert.match(o.problem?.message ?? '', /not an http\(s\) URL/);
      const creds = await resolveMembership({ host: 'github', baseUrl: server.githubApi.replace('http://', `http://user:${TOKEN}@`), token: TOKEN }, deps);
      assert.equal(creds.problem?.kind, 'offline');
      assert.ok(!creds.problem?.message.includes(TOKEN));
      assert.deepEqual(server.requests, []);
    });
  });
});
