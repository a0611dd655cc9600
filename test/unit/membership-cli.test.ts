// `ownership-lens explain` and `precommit` with GITHUB_TOKEN / GITLAB_TOKEN set: team membership from the host
// (a real HTTP server on 127.0.0.1) turns a file owned by @acme/payments from `upstream` into
// `mine`; when the host fails the command still answers truthfully, with one line on stderr.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explainCommand } from '../../src/cli/commands/explain';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { membershipCacheFile } from '../../src/cli/membership';
import { startFakeHost, type FakeHost } from '../support/fake-host';
import { commitAll, makeRepo } from '../support/gitRepo';

const TOKEN = 'ghp_cliTEST0123456789abcdefghijKLMNOPQRST';
const FILE = 'services/payments/charge.py';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('explain with team membership from the host', () => {
  let tmp: string;
  let repo: string;
  let server: FakeHost;
  let baseEnv: Record<string, string | undefined>;

  async function explain(env: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { cwd: repo, env: { ...baseEnv, ...env }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => new Uint8Array() };
    const code = await explainCommand(args, io);
    // Whatever happened, the token is never printed.
    assert.ok(!stdout.includes(TOKEN) && !stderr.includes(TOKEN), 'token printed');
    return { code, stdout, stderr };
  }
  const situation = (run: Run) => (JSON.parse(run.stdout) as { situation: string }).situation;
  const github = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.githubApi });

  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-membership-cli-'));
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.github'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'services', 'payments'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.github', 'CODEOWNERS'), '/services/payments/ @acme/payments\n');
    fs.writeFileSync(path.join(repo, FILE), 'def charge(): pass\n');
    // A private HOME, cache and git config: nothing of the developer's leaks in or out.
    baseEnv = { PATH: process.env.PATH, HOME: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };
    execFileSync('git', ['init', '-q'], { cwd: repo, env: baseEnv, stdio: 'pipe' });
    execFileSync('git', ['config', 'user.email', 'alice@acme.example'], { cwd: repo, env: baseEnv, stdio: 'pipe' });
    server = await startFakeHost();
    server.tokens.set(TOKEN, { user: { login: 'alice', teams: ['acme/search', 'acme/payments', 'octo/docs'] }, behaviour: 'ok' });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('without a token the file is upstream; with GITHUB_TOKEN it is mine, quietly', async () => {
    const before = await explain({}, '--json', FILE);
    assert.equal(situation(before), 'upstream');
    assert.equal(server.requests.length, 0);

    const after = await explain(github(), '--json', FILE);
    assert.equal(after.code, 0);
    assert.equal(situation(after), 'mine');
    assert.equal(after.stderr, '');
    assert.ok(server.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
  });

  it('says in the text where "mine" comes from, and answers from the cache (no token in it) the next time', async () => {
    const first = await explain(github(), FILE);
    // The text wraps at 80 columns, anywhere in the sentence.
    assert.match(first.stdout, /mine: you own this as @acme\/payments \(GitHub says you are in it,\s+as\s+@alice\s+\(fetched\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\)/);
    const asked = server.requests.length;
    const second = await explain(github(), '--json', FILE);
    assert.equal(situation(second), 'mine');
    assert.equal(server.requests.length, asked, 'answered from the cache');
    const cache = fs.readFileSync(membershipCacheFile({ ...baseEnv }), 'utf8');
    assert.match(cache, /@acme\/payments/);
    assert.ok(!cache.includes(TOKEN));
    assert.ok(membershipCacheFile(baseEnv).startsWith(path.join(tmp, 'cache', 'ownership-lens')));
  });

  it('with the server down it stays upstream and says so once on stderr', async () => {
    await server.close();
    const run = await explain(github(), '--json', FILE);
    assert.equal(run.code, 0);
    assert.equal(situation(run), 'upstream');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^ownership-lens explain: GitHub \(127\.0\.0\.1:\d+\/api\/v3\): cannot be reached \(ECONNREFUSED\); going by --me, git and ownership\.yml only$/);
    server = await startFakeHost();
  });

  it('with the server down after a good answer went stale, it keeps that answer and says so once', async () => {
    assert.equal(situation(await explain(github(), '--json', FILE)), 'mine');
    // Age the cached answer past a day, then take the host away.
    const file = membershipCacheFile(baseEnv);
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { membership: { fetchedAt: number } }>;
    for (const entry of Object.values(cache)) entry.membership.fetchedAt = Date.UTC(2025, 0, 2, 3, 4);
    fs.writeFileSync(file, JSON.stringify(cache));
    await server.close();
    const run = await explain(github(), '--json', FILE);
    assert.equal(situation(run), 'mine');
    assert.match(run.stderr, /^ownership-lens explain: GitHub \([^)]*\): cannot be reached \(ECONNREFUSED\); using what GitHub said on 2025-01-02 03:04 UTC\n$/);
    server = await startFakeHost();
  });

  it('a token that cannot read teams degrades to the other sources with one line, never a failure', async () => {
    server.tokens.set(TOKEN, { user: { login: 'alice', teams: ['acme/payments'] }, behaviour: 'no-teams-scope' });
    const run = await explain(github(), '--json', FILE);
    assert.equal(run.code, 0);
    assert.equal(situation(run), 'upstream');
    assert.match(run.stderr, /^ownership-lens explain: GitHub \([^)]*\): the token may not read your teams \(403\); a token with the read:org scope can; going by your GitHub login @alice, --me, git and ownership\.yml\n$/);
  });

  it('an expired token: upstream, one line, exit 0', async () => {
    server.tokens.set(TOKEN, { user: { login: 'alice', teams: ['acme/payments'] }, behaviour: 'expired' });
    const run = await explain(github(), '--json', FILE);
    assert.equal(run.code, 0);
    assert.equal(situation(run), 'upstream');
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /the token was refused \(401\)/);
  });

  it('GITLAB_TOKEN with CI_API_V4_URL: a GitLab group makes the file mine', async () => {
    // A GitLab map naming a subgroup.
    fs.rmSync(path.join(repo, '.github'), { recursive: true });
    fs.mkdirSync(path.join(repo, '.gitlab'));
    fs.writeFileSync(path.join(repo, '.gitlab', 'CODEOWNERS'), '[Payments]\n/services/payments/ @acme/payments/api\n');
    server.tokens.set(TOKEN, { user: { login: 'alice', teams: ['acme', 'acme/payments', 'acme/payments/api'] }, behaviour: 'ok' });
    const run = await explain({ GITLAB_TOKEN: TOKEN, CI_API_V4_URL: server.gitlabApi }, '--json', FILE);
    assert.equal(situation(run), 'mine');
    assert.equal(run.stderr, '');
  });
});

describe('precommit with team membership from the host', () => {
  it('groups a staged file owned by my GitHub team as mine, and stays quiet about it', async () => {
    const server = await startFakeHost();
    const repo = makeRepo({ '.github/CODEOWNERS': '/services/payments/ @acme/payments\n', [FILE]: 'def charge(): pass\n' });
    try {
      server.tokens.set(TOKEN, { user: { login: 'alice', teams: ['acme/payments'] }, behaviour: 'ok' });
      commitAll(repo);
      repo.write(FILE, 'def charge(amount): pass\n');
      repo.git('add', '-A');
      const run = async (env: Record<string, string>) => {
        let out = '';
        let err = '';
        const io: CliIO = { cwd: repo.root, env: { ...repo.env, XDG_CACHE_HOME: path.join(repo.root, '..', 'cache'), ...env }, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => new Uint8Array() };
        const code = await main(['precommit', '--json'], io);
        assert.ok(!out.includes(TOKEN) && !err.includes(TOKEN));
        return { code, keys: out.trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key), err };
      };
      assert.deepEqual((await run({})).keys, ['upstream:@acme/payments']);
      const mine = await run({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.githubApi });
      assert.deepEqual(mine.keys, ['mine:@acme/payments']);
      assert.equal(mine.err, '');
      assert.equal(mine.code, 0);
    } finally {
      repo.remove();
      await server.close();
    }
  });
});
