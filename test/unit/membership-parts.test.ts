// The pieces under the membership clients: token redaction, API bases, Link headers and
// rate-limit headers, the Node HTTP client's deadline, the CLI's cache file, and how host
// answers become handles in "me".
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveIdentity } from '../../src/core/identity/identity';
import { linkTarget, nextPageUrl } from '../../src/core/membership/api';
import { tokenId } from '../../src/core/membership/cache';
import { fileMembershipStore, githubApiBase, gitlabApiBase, HttpFailure, nodeHttpClient, normalizeApiBase, redact, type Membership } from '../../src/core/membership';
import { rateLimitedUntil } from '../../src/core/membership/problems';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';

describe('redact', () => {
  it('removes the tokens it is given, wherever they are', () => {
    const token = 'abc123-secret-XYZ';
    assert.equal(redact(`failed for ${token} (${token}!)`, [token]), 'failed for [redacted] ([redacted]!)');
  });

  it('removes GitHub and GitLab token shapes it was not given', () => {
    const classic = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const fine = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
    const gitlab = 'glpat-' + 'AbCdEfGhIjKlMnOpQrSt';
    const out = redact(`x ${classic} y ${fine} z ${gitlab} ghs_${'q'.repeat(36)}`);
    assert.equal(out, 'x [redacted] y [redacted] z [redacted] [redacted]');
  });

  it('removes credentials after an auth scheme or header name, keeping the label', () => {
    assert.equal(redact('Authorization: Bearer eyJhbGciOi.payload.sig'), 'Authorization: [redacted]');
    assert.equal(redact('sent Bearer 0123456789abcdef'), 'sent Bearer [redacted]');
    assert.equal(redact('PRIVATE-TOKEN: s3cr3tvalue'), 'PRIVATE-TOKEN: [redacted]');
    assert.equal(redact('{"authorization":"token 0123456789abcdef0123"}'), '{"authorization":"[redacted]"}');
    assert.equal(redact('https://h/x?access_token=deadbeef&page=2'), 'https://h/x?access_token=[redacted]&page=2');
  });

  it('leaves ordinary prose alone, and ignores secrets too short to mean anything', () => {
    const prose = 'GitHub (api.github.com): the token was refused (401): it is wrong, expired or revoked; the token permissions differ';
    assert.equal(redact(prose, ['a', '']), prose);
  });

  it('a token id is a short digest that differs per token and is not the token', () => {
    const token = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
    assert.match(tokenId(token), /^[0-9a-f]{16}$/);
    assert.notEqual(tokenId(token), tokenId(`${token}x`));
    assert.ok(!token.includes(tokenId(token)));
  });
});

describe('API bases', () => {
  it('normalises http(s) bases and refuses the rest', () => {
    assert.equal(normalizeApiBase(' https://ghe.example/api/v3/ '), 'https://ghe.example/api/v3');
    assert.equal(normalizeApiBase('https://ghe.example/api/v3?x=1#y'), 'https://ghe.example/api/v3');
    assert.equal(normalizeApiBase('https://user:pw@ghe.example/api/v3'), undefined);
    assert.equal(normalizeApiBase('file:///etc/passwd'), undefined);
    assert.equal(normalizeApiBase('not a url'), undefined);
  });

  it('finds the GitHub API from a server URL (github-enterprise.uri)', () => {
    assert.equal(githubApiBase(), 'https://api.github.com');
    assert.equal(githubApiBase('https://github.com'), 'https://api.github.com');
    assert.equal(githubApiBase('https://ghe.acme.example'), 'https://ghe.acme.example/api/v3');
    assert.equal(githubApiBase('https://ghe.acme.example/api/v3/'), 'https://ghe.acme.example/api/v3');
    assert.equal(githubApiBase('https://api.acme.ghe.com'), 'https://api.acme.ghe.com');
  });

  it('finds the GitLab API from an instance URL', () => {
    assert.equal(gitlabApiBase(), 'https://gitlab.com/api/v4');
    assert.equal(gitlabApiBase('https://git.acme.example/'), 'https://git.acme.example/api/v4');
    assert.equal(gitlabApiBase('https://git.acme.example/gitlab/api/v4'), 'https://git.acme.example/gitlab/api/v4');
  });
});

describe('paging and rate-limit headers', () => {
  const res = (headers: Record<string, string>, status = 200) => ({ status, headers, body: '' });

  it('reads rel="next" among other relations, quoted or not, with commas inside URLs', () => {
    const header = '<https://h/x?page=1>; rel="prev", <https://h/x?a=1,2&page=3>; rel="next last", <https://h/x?page=9>; rel=first';
    assert.equal(linkTarget(header, 'next'), 'https://h/x?a=1,2&page=3');
    assert.equal(linkTarget(header, 'first'), 'https://h/x?page=9');
    assert.equal(linkTarget('<https://h/x>; rel="last"', 'next'), undefined);
  });

  it('prefers Link; uses X-Next-Page only without it; blank X-Next-Page is the last page', () => {
    assert.equal(nextPageUrl(res({ link: '<https://h/a?page=2>; rel="next"', 'x-next-page': '7' }), 'https://h/a'), 'https://h/a?page=2');
    assert.equal(nextPageUrl(res({ 'x-next-page': '3' }), 'https://h/a?per_page=100&page=2'), 'https://h/a?per_page=100&page=3');
    assert.equal(nextPageUrl(res({ 'x-next-page': '' }), 'https://h/a'), undefined);
    assert.equal(nextPageUrl(res({ link: '</a?page=2>; rel="next"' }), 'https://h/a'), 'https://h/a?page=2', 'relative to the current URL');
  });

  it('takes Retry-After as seconds or an HTTP date, and a reset time only when no requests are left', () => {
    const now = Date.UTC(2025, 0, 31, 9, 0);
    assert.equal(rateLimitedUntil(res({ 'retry-after': '30' }, 429), now), now + 30_000);
    assert.equal(rateLimitedUntil(res({ 'retry-after': 'Fri, 31 Jan 2025 09:05:00 GMT' }, 429), now), Date.UTC(2025, 0, 31, 9, 5));
    assert.equal(rateLimitedUntil(res({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1738314000' }, 403), now), 1738314000_000);
    assert.equal(rateLimitedUntil(res({ 'ratelimit-reset': '1738314000' }, 429), now), 1738314000_000, "GitLab's header name");
    assert.equal(rateLimitedUntil(res({ 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1738314000' }, 403), now), undefined, 'a plain 403');
  });
});

describe('the Node HTTP client', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/hang') return; // accepts, never answers
      if (req.url === '/trickle') {
        // Headers at once, then a body that never finishes: only a whole-exchange deadline catches it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        return;
      }
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(201, { 'X-Custom': 'yes' });
      res.end(`you sent ${req.headers['x-probe'] ?? 'nothing'}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns status, lower-case headers (repeats joined) and body for any status', async () => {
    const r = await nodeHttpClient.request({ url: `${base}/x`, headers: { 'X-Probe': 'hello' }, timeoutMs: 2000 });
    assert.equal(r.status, 201);
    assert.equal(r.headers['x-custom'], 'yes');
    assert.equal(r.headers['set-cookie'], 'a=1, b=2');
    assert.equal(r.body, 'you sent hello');
  });

  for (const route of ['/hang', '/trickle']) {
    it(`gives up at the deadline on ${route}`, async () => {
      const started = Date.now();
      await assert.rejects(nodeHttpClient.request({ url: `${base}${route}`, headers: {}, timeoutMs: 100 }), (e: unknown) => e instanceof HttpFailure && e.kind === 'timeout');
      assert.ok(Date.now() - started < 1500);
    });
  }

  it('reports a refused connection and an unsupported scheme as offline', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(nodeHttpClient.request({ url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 2000 }), (e: unknown) => e instanceof HttpFailure && e.kind === 'offline' && e.message === 'ECONNREFUSED');
    await assert.rejects(nodeHttpClient.request({ url: 'ftp://127.0.0.1/', headers: {}, timeoutMs: 2000 }), (e: unknown) => e instanceof HttpFailure && e.kind === 'offline');
  });
});

describe('the CLI cache file', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const membership: Membership = { host: 'github', baseUrl: 'https://api.github.com', login: '@alice', teams: ['@acme/payments'], teamsKnown: true, fetchedAt: 1 };

  it('round-trips through a private file, and forgets on undefined', async () => {
    const file = path.join(dir, 'sub', 'membership.json');
    await fileMembershipStore(file).set('k', { tokenId: 'abc', membership });
    assert.deepEqual(fileMembershipStore(file).get('k'), { tokenId: 'abc', membership });
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await fileMembershipStore(file).set('k', undefined);
    assert.equal(fileMembershipStore(file).get('k'), undefined);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['membership.json'], 'no temporary file left');
  });

  it('reads a damaged file as empty and replaces it on the next write', async () => {
    const file = path.join(dir, 'membership.json');
    fs.writeFileSync(file, '{"k": {"tokenId": "abc"');
    const store = fileMembershipStore(file);
    assert.equal(store.get('k'), undefined);
    await store.set('j', { tokenId: 'def' });
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { j: { tokenId: 'def' } });
  });

  it('keeps at most a few hosts', async () => {
    const file = path.join(dir, 'membership.json');
    const store = fileMembershipStore(file);
    for (let i = 0; i < 12; i++) await store.set(`k${i}`, { tokenId: String(i) });
    const keys = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
    assert.equal(keys.length, 8);
    assert.equal(keys[keys.length - 1], 'k11');
  });
});

describe('membership in "me"', () => {
  const at = Date.UTC(2025, 0, 31, 9, 0);
  const github: Membership = { host: 'github', baseUrl: 'https://api.github.com', login: '@alice', teams: ['@acme/payments', '@acme/platform'], teamsKnown: true, fetchedAt: at };

  it('adds the login and each team with the host and the time it answered', () => {
    const me = resolveIdentity({ memberships: [github] });
    assert.deepEqual(me.list(), [
      { handle: '@alice', via: 'github', fetchedAt: at },
      { handle: '@acme/payments', via: 'github', from: '@alice', fetchedAt: at },
      { handle: '@acme/platform', via: 'github', from: '@alice', fetchedAt: at },
    ]);
    assert.ok(me.has('@ACME/Payments'), 'handles compare as CODEOWNERS compares them');
  });

  it('keeps the first reason: --me and git come before the host', () => {
    const me = resolveIdentity({ explicit: ['@alice'], memberships: [github] });
    assert.equal(me.why('@alice')?.via, 'explicit');
    assert.equal(me.why('@acme/payments')?.via, 'github');
  });

  it("links the host's login to people and teams in ownership.yml", () => {
    const { config } = parseOwnershipConfig('people:\n  "@alice": { emails: [alice@home.example] }\nteams:\n  "@acme/web": { members: ["@alice"] }\n', 'ownership.yml');
    const me = resolveIdentity({ memberships: [github], config });
    assert.deepEqual(me.why('alice@home.example'), { handle: 'alice@home.example', via: 'person', from: '@alice' });
    assert.deepEqual(me.why('@acme/web'), { handle: '@acme/web', via: 'team', from: '@alice' });
  });

  it('combines GitHub and GitLab', () => {
    const gitlab: Membership = { host: 'gitlab', baseUrl: 'https://gitlab.com/api/v4', login: '@alice.s', teams: ['@acme/payments/api'], teamsKnown: true, fetchedAt: at + 1 };
    const me = resolveIdentity({ memberships: [github, gitlab] });
    assert.equal(me.why('@acme/payments/api')?.via, 'gitlab');
    assert.equal(me.why('@acme/payments/api')?.fetchedAt, at + 1);
    assert.equal(me.why('@alice.s')?.via, 'gitlab');
  });
});
