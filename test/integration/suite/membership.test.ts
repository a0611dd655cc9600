// Team membership from GitHub and GitLab in the real editor, against the fake REST API of
// test/support/fake-host.ts started here, in the extension host. GitLab goes the whole way
// a user does: the base URL setting, a token set through the command (its input box replaced
// through the test API), the answer, the server going away. GitHub's sign-in cannot run
// offline in code-server, so the GitHub session comes from a stand-in provider on the test
// API; everything after the session (the requests, the cache, the surfaces) is the real path.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFakeHost, type FakeHost } from '../../support/fake-host';
import { find, folders, labels, lens, snapshot, thisFile, uriIn, withSetting, type TreeSnapshot } from './ownership';
import { waitFor } from './waitFor';

const API_FILE = 'apps/api/schema.ts';
const PAYMENTS_FILE = 'services/payments/client.ts';
const GITLAB_TOKEN = 'glpat-integration-secret-0123456789';
const GITHUB_TOKEN = 'gho_integration-secret-0123456789';

/** *This File* for `uri` once its top node is `situation`. */
async function thisFileSays(uri: vscode.Uri, repoPath: string, situation: string): Promise<TreeSnapshot[]> {
  const api = await lens();
  let tree = await thisFile(uri, repoPath);
  await waitFor(`This File to say ${situation} for ${repoPath}`, async () => {
    tree = await snapshot(api.views.thisFile.provider);
    return api.views.thisFile.view.description === repoPath && tree[0]?.label === situation;
  }, { describe: () => labels(tree) });
  return tree;
}

describe('Your teams from GitLab (a token set through the command)', () => {
  let server: FakeHost;
  let restore: () => Promise<void>;
  let closed = false;

  before(async () => {
    server = await startFakeHost();
    // Three groups at two per page: the answer takes two pages.
    server.tokens.set(GITLAB_TOKEN, { user: { login: 'maria', teams: ['acme/backend', 'acme/data', 'acme/platform/sre'] }, behaviour: 'ok' });
    restore = await withSetting('ownershipLens.gitlab.url', server.origin);
  });

  after(async () => {
    const api = await lens();
    api.membership.testing.setTokenInput(undefined);
    await vscode.commands.executeCommand('ownershipLens.clearGitLabToken');
    await restore();
    if (!closed) await server.close();
  });

  it('offers to ask GitLab while a group owns the file, and nothing is asked before a token is set', async () => {
    const tree = await thisFileSays(uriIn(folders.gitlab(), API_FILE), API_FILE, 'Upstream');
    assert.equal(tree[1].label, 'You', 'right under the situation');
    const you = find(tree, 'You');
    assert.equal(you.description, 'are you in the owning team?');
    const suggestion = find(you.children, 'Are you in @acme/backend? Ask GitLab');
    assert.equal(suggestion.command?.command, 'ownershipLens.setGitLabToken');
    assert.equal(suggestion.contextValue, 'teamSuggestion');
    assert.match(find(you.children, 'GitLab').description ?? '', /^no token/);
    assert.deepEqual(server.requests, []);
  });

  it('makes a file of a group I am in mine once GitLab answers, and says where each handle came from', async () => {
    const api = await lens();
    api.membership.testing.setTokenInput(async (base) => {
      assert.equal(base, `${server.origin}/api/v4`);
      return GITLAB_TOKEN;
    });
    await vscode.commands.executeCommand('ownershipLens.setGitLabToken');

    const tree = await thisFileSays(uriIn(folders.gitlab(), API_FILE), API_FILE, 'Yours');
    assert.equal(find(tree, 'Yours').description, 'You own this, as @acme/backend (you are a member on GitLab, as @maria).');
    const you = find(tree, 'You');
    assert.equal(you.description, '@maria +4', 'the host login first, then how many more handles');
    assert.ok(!labels(you.children).some((l) => l.startsWith('Are you in')), 'no suggestion once GitLab is asked');
    assert.equal(find(you.children, 'maria@acme.example').description, 'git user.email');
    assert.match(find(you.children, '@maria').description ?? '', /^GitLab, your login, fetched \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    assert.match(find(you.children, '@acme/backend').description ?? '', /^GitLab, a member as @maria, fetched /);
    assert.match(find(you.children, '@acme/platform/sre').description ?? '', /^GitLab, a member as @maria/);
    assert.match(find(you.children, 'GitLab').description ?? '', /^@maria, 3 teams, fetched /);

    // Every page was asked with the token, and only of the fake host.
    const groups = server.requests.filter((r) => r.path.startsWith('/api/v4/groups'));
    assert.equal(groups.length, 2, JSON.stringify(server.requests));
    assert.ok(server.requests.every((r) => r.authorization === `Bearer ${GITLAB_TOKEN}`));
    assert.ok(!api.membership.log.lines.some((l) => l.includes(GITLAB_TOKEN)), 'the token is never logged');
  });

  it('asks GitLab again in the background only once its answer is a day old', async () => {
    const api = await lens();
    const before = server.requests.length;
    await api.membership.service.refreshIfStale();
    assert.equal(server.requests.length, before, 'a fresh answer is used as it is');
    const dayLater = Date.now() + 25 * 60 * 60 * 1000;
    api.membership.testing.setClock(() => dayLater);
    try {
      await api.membership.service.refreshIfStale();
    } finally {
      api.membership.testing.setClock(undefined);
    }
    assert.ok(server.requests.length > before, 'the day-old answer was asked for again');
    assert.equal(api.membership.service.status('gitlab').membership?.fetchedAt, dayLater);
  });

  it('keeps the last good answer when the server goes away, said once in the output channel', async () => {
    const api = await lens();
    await server.close();
    closed = true;
    const before = api.membership.log.lines.length;
    // Two refreshes on command, both failing: one line, not two.
    await vscode.commands.executeCommand('ownershipLens.refreshTeams');
    await vscode.commands.executeCommand('ownershipLens.refreshTeams');
    const said = api.membership.log.lines.slice(before);
    assert.equal(said.length, 1, JSON.stringify(said));
    assert.match(said[0], /^GitLab \(127\.0\.0\.1:\d+\/api\/v4\): cannot be reached .*; using what GitLab said on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    assert.ok(!said[0].includes(GITLAB_TOKEN));

    const tree = await thisFileSays(uriIn(folders.gitlab(), API_FILE), API_FILE, 'Yours');
    const gitlab = find(find(tree, 'You').children, 'GitLab');
    assert.match(gitlab.description ?? '', /^@maria, 3 teams, fetched .* · last attempt failed: GitLab \(127\.0\.0\.1/);
    assert.equal(gitlab.icon, 'warning');
  });

  it('forgets the groups when the token is cleared', async () => {
    await vscode.commands.executeCommand('ownershipLens.clearGitLabToken');
    const tree = await thisFileSays(uriIn(folders.gitlab(), API_FILE), API_FILE, 'Upstream');
    const you = find(tree, 'You');
    assert.ok(!labels(you.children).includes('@acme/backend'));
    assert.match(find(you.children, 'GitLab').description ?? '', /^no token/);
  });
});

describe('Your teams from GitHub (a stand-in session provider: no offline sign-in in code-server)', () => {
  let server: FakeHost;
  let restore: () => Promise<void>;
  const calls: { providerId: string; createIfNone: boolean; silent: boolean; scopes: readonly string[] }[] = [];

  before(async () => {
    server = await startFakeHost();
    server.tokens.set(GITHUB_TOKEN, { user: { login: 'test-user', teams: ['acme/payments', 'acme/reviewers', 'other/team'] }, behaviour: 'ok' });
    restore = await withSetting('ownershipLens.github.apiUrl', server.githubApi);
    const api = await lens();
    api.membership.testing.setGitHubSessionProvider(async (providerId, scopes, options) => {
      calls.push({ providerId, scopes, ...options });
      return { accessToken: GITHUB_TOKEN, account: { label: 'test-user' } };
    });
  });

  after(async () => {
    const api = await lens();
    await vscode.commands.executeCommand('ownershipLens.signOutGitHub');
    api.membership.testing.setGitHubSessionProvider(undefined);
    await restore();
    await server.close();
  });

  it('never asked for a GitHub session at startup, and does not until the command', async () => {
    const api = await lens();
    const tree = await thisFileSays(uriIn(folders.main(), PAYMENTS_FILE), PAYMENTS_FILE, 'Upstream');
    const you = find(tree, 'You');
    const suggestion = find(you.children, 'Are you in @acme/payments? Ask GitHub');
    assert.equal(suggestion.command?.command, 'ownershipLens.resolveGitHubTeams');
    assert.equal(api.membership.service.status('github').connected, false);
    await vscode.commands.executeCommand('ownershipLens.refreshTeams');
    assert.deepEqual(calls, [], 'refreshing does not sign in to GitHub');
    assert.deepEqual(server.requests, []);
  });

  it('"Resolve My Teams from GitHub" signs in (read:org) and makes a file of my team mine', async () => {
    await vscode.commands.executeCommand('ownershipLens.resolveGitHubTeams');
    assert.equal(calls.length, 1);
    assert.deepEqual({ ...calls[0], providerId: undefined }, { providerId: undefined, scopes: ['read:org'], createIfNone: true, silent: false });
    // An API base that is not api.github.com is GitHub Enterprise to VS Code.
    assert.equal(calls[0].providerId, 'github-enterprise');

    const tree = await thisFileSays(uriIn(folders.main(), PAYMENTS_FILE), PAYMENTS_FILE, 'Yours');
    assert.equal(find(tree, 'Yours').description, 'You own this, as @acme/payments (you are a member on GitHub, as @test-user).');
    const you = find(tree, 'You');
    assert.match(find(you.children, '@acme/payments').description ?? '', /^GitHub, a member as @test-user, fetched /);
    assert.match(find(you.children, 'GitHub').description ?? '', /^@test-user, 3 teams, fetched /);
    assert.equal(find(you.children, 'GitHub').contextValue, 'membershipHost.github.on');
    assert.ok(server.requests.every((r) => r.authorization === `Bearer ${GITHUB_TOKEN}`));
    assert.ok(server.requests.some((r) => r.path.startsWith('/api/v3/user/teams?') && r.path.includes('page=2')), 'every page of teams');
  });

  it('a later refresh uses the session silently, without a prompt', async () => {
    await vscode.commands.executeCommand('ownershipLens.refreshTeams');
    assert.ok(calls.length >= 2);
    assert.ok(calls.slice(1).every((c) => c.silent && !c.createIfNone), JSON.stringify(calls));
  });

  it('signing out makes the file upstream again; the suggestion, once dismissed, stays gone', async () => {
    await vscode.commands.executeCommand('ownershipLens.signOutGitHub');
    let tree = await thisFileSays(uriIn(folders.main(), PAYMENTS_FILE), PAYMENTS_FILE, 'Upstream');
    assert.ok(labels(find(tree, 'You').children).includes('Are you in @acme/payments? Ask GitHub'));

    const api = await lens();
    await vscode.commands.executeCommand('ownershipLens.dismissTeamSuggestion');
    await waitFor('the suggestion to go', async () => {
      tree = await snapshot(api.views.thisFile.provider);
      return tree.length > 0 && !labels(find(tree, 'You').children).some((l) => l.startsWith('Are you in'));
    }, { describe: () => labels(find(tree, 'You').children) });
    assert.match(find(find(tree, 'You').children, 'GitHub').description ?? '', /^not used/);
  });
});
