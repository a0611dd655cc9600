// Who "me" is: --me, git's user.email/user.name (read from a real git config), people and
// team membership in ownership.yml.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handleFromNoreplyEmail, normalizeExplicitHandle, resolveIdentity } from '../../src/core/identity/identity';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { createGitClient } from '../../src/git/gitClient';

describe('identity from a real git config', () => {
  let home: string;
  let repo: string;
  let env: Record<string, string | undefined>;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-home-'));
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-repo-'));
    // A private HOME and no system config: the developer's own git identity must not leak in.
    env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
    git('init', '-q');
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it("reads the repository's user.email and user.name", async () => {
    git('config', 'user.email', 'Alice@Acme.Example');
    git('config', 'user.name', 'Alice Smith');
    assert.deepEqual(await createGitClient(repo, { env }).user(), { email: 'Alice@Acme.Example', name: 'Alice Smith' });
  });

  it('falls back to the global config, and the repository config wins over it', async () => {
    fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\temail = global@acme.example\n\tname = Global Name\n');
    assert.deepEqual(await createGitClient(repo, { env }).user(), { email: 'global@acme.example', name: 'Global Name' });
    git('config', 'user.email', 'local@acme.example');
    assert.deepEqual(await createGitClient(repo, { env }).user(), { email: 'local@acme.example', name: 'Global Name' });
  });

  it('reports nothing when git has no identity configured', async () => {
    assert.deepEqual(await createGitClient(repo, { env }).user(), { email: undefined, name: undefined });
  });

  it('makes files owned by my email, in any case, mine; and my team through membership', async () => {
    git('config', 'user.email', 'Alice@Acme.Example');
    const { config } = parseOwnershipConfig('teams:\n  "@acme/payments":\n    members: ["alice@acme.example"]\n', 'ownership.yml');
    const me = resolveIdentity({ git: await createGitClient(repo, { env }).user(), config });
    assert.ok(me.has('alice@acme.example'));
    assert.ok(me.has('ALICE@ACME.EXAMPLE'));
    assert.ok(me.has('@ACME/Payments'));
    assert.deepEqual(me.why('@acme/payments'), { handle: '@acme/payments', via: 'team', from: 'alice@acme.example' });
    assert.ok(!me.has('@acme/search'));
  });
});

describe('identity resolution', () => {
  const config = (text: string) => parseOwnershipConfig(text, 'ownership.yml').config;

  it('takes --me handles as given, adding @ to a bare name', () => {
    const me = resolveIdentity({ explicit: ['alice', '@bob', 'carol@acme.example', '  '] });
    assert.deepEqual(me.handles, ['@alice', '@bob', 'carol@acme.example']);
    assert.equal(me.why('@ALICE')?.via, 'explicit');
    assert.equal(normalizeExplicitHandle(''), undefined);
  });

  it('finds the login in GitHub and GitLab no-reply emails, and nowhere else', () => {
    assert.equal(handleFromNoreplyEmail('12345+octo-cat@users.noreply.github.com'), '@octo-cat');
    assert.equal(handleFromNoreplyEmail('octocat@users.noreply.github.com'), '@octocat');
    assert.equal(handleFromNoreplyEmail('123-jane.doe@users.noreply.gitlab.com'), '@jane.doe');
    assert.equal(handleFromNoreplyEmail('123-jane@users.noreply.git.acme.example'), '@jane');
    assert.equal(handleFromNoreplyEmail('maintainers@users.noreply.git.acme.example'), undefined);
    assert.equal(handleFromNoreplyEmail('alice@acme.example'), undefined);
    const me = resolveIdentity({ git: { email: '12345+alice@users.noreply.github.com' } });
    assert.deepEqual(me.why('@alice'), { handle: '@alice', via: 'git-noreply', from: '12345+alice@users.noreply.github.com' });
  });

  it("links git's user.name to a person's handle, and that handle to their teams", () => {
    const c = config(`people:
  "@alice": { name: Alice Smith, emails: [alice@home.example] }
teams:
  "@acme/payments": { members: ["@alice"] }
`);
    const me = resolveIdentity({ git: { email: 'someone@else.example', name: ' alice smith ' }, config: c });
    assert.deepEqual(me.why('@alice'), { handle: '@alice', via: 'person', from: 'Alice Smith' });
    assert.ok(me.has('alice@home.example'), "the person's other emails are mine too");
    assert.equal(me.why('@acme/payments')?.from, '@alice');
  });

  it("links git's user.email to a person listed with it", () => {
    const c = config('people:\n  "@alice": { emails: [alice@acme.example] }\n');
    assert.equal(resolveIdentity({ git: { email: 'ALICE@acme.example' }, config: c }).why('@alice')?.via, 'person');
  });

  it('does not take user.name as a handle by itself (a name is not a login)', () => {
    const me = resolveIdentity({ git: { name: 'alice' }, config: config('teams:\n  "@acme/x": { members: ["@alice"] }\n') });
    assert.ok(me.isEmpty);
  });

  it('follows nested teams to a fixed point, and survives membership cycles', () => {
    const c = config(`teams:
  "@acme/all": { members: ["@acme/backend"] }
  "@acme/backend": { members: ["@acme/payments", "@acme/all"] }
  "@acme/payments": { members: ["@alice"] }
  "@acme/search": { members: ["@bob"] }
`);
    const me = resolveIdentity({ explicit: ['@alice'], config: c });
    assert.deepEqual(me.handles.sort(), ['@acme/all', '@acme/backend', '@acme/payments', '@alice']);
  });
});

describe('the git client', () => {
  it('works when the environment has variables simple-git refuses (EDITOR, PAGER, GIT_SSH_COMMAND)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-home-'));
    try {
      fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\temail = alice@acme.example\n');
      const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', EDITOR: 'vi', PAGER: 'less', GIT_SSH_COMMAND: 'ssh' };
      assert.equal((await createGitClient(home, { env }).user()).email, 'alice@acme.example');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
