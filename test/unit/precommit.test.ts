// `ownership-lens precommit` in real git repositories: in-process with a recording CliIO, and
// end to end through the bundled dist/cli.js (built by `npm test` before the unit tests).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

const FILES = {
  '.github/CODEOWNERS': '* @acme/core\n/services/payments/ @acme/payments\n/services/search/ @acme/search\n/vendor/\n',
  '.github/ownership.yml': 'teams:\n  "@acme/payments":\n    name: Payments\n    contact: "#payments-eng"\n    practices: ["Put money movement behind a feature flag."]\n  "@acme/search":\n    members: ["alice@acme.example"]\n',
  'services/payments/api/charge.py': 'def charge(): pass\n'.repeat(5),
  'services/search/index.py': 'def index(): pass\n',
  'docs/Read Me.md': 'read me\n',
};

interface Run {
  code: number;
  out: string;
  err: string;
}

async function precommit(repo: TestRepo, args: string[] = [], cwd = repo.root): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: repo.env, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => new Uint8Array() };
  const code = await main(['precommit', ...args], io);
  return { code, out, err };
}

/** A repository with a change to Payments' code and one to Search's (mine) staged. */
function stagedPaymentsAndSearch(): TestRepo {
  const repo = makeRepo(FILES);
  commitAll(repo);
  repo.write('services/payments/api/charge.py', 'changed\n');
  repo.write('services/search/index.py', 'changed\n');
  repo.git('add', '-A');
  return repo;
}

const jsonLines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ownership-lens precommit', () => {
  let repo: TestRepo;
  afterEach(() => repo.remove());

  it('groups a rename, a deletion and paths with spaces and unicode by owner (JSON Lines)', async () => {
    repo = makeRepo(FILES);
    commitAll(repo);
    repo.move('services/payments/api/charge.py', 'services/search/ünï code/charge.py');
    repo.git('rm', '-q', 'docs/Read Me.md');
    repo.write('vendor/new lib/ç.c', 'int x;\n');
    repo.git('add', '-A');
    const r = await precommit(repo, ['--json']);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const groups = jsonLines(r.out);
    assert.deepEqual(Object.keys(groups[0]), ['key', 'situation', 'owners', 'teams', 'files', 'practices', 'contacts', 'contributing', 'etiquette', 'expectations', 'advice']);
    assert.deepEqual(
      groups.map((g) => [g.key, (g.files as Array<{ path: string; status: string }>).map((f) => `${f.status} ${f.path}`)]),
      [
        ['upstream:@acme/core', ['deleted docs/Read Me.md']],
        ['upstream:@acme/payments', ['renamed services/payments/api/charge.py']],
        ['unowned', ['added vendor/new lib/ç.c']],
        ['mine:@acme/search', ['renamed services/search/ünï code/charge.py']],
      ],
    );
    assert.deepEqual(groups[1].contacts, [{ name: 'Payments', contact: '#payments-eng' }]);
    assert.deepEqual(groups[1].practices, ['Put money movement behind a feature flag.']);
  });

  it('prints readable reminders: headline, each group, the etiquette once', async () => {
    repo = stagedPaymentsAndSearch();
    const r = await precommit(repo);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Before you commit: 1 staged path other teams own\.\n/);
    assert.match(r.out, /\n@acme\/payments \(Payments\) own:\n {2}modified {2}services\/payments\/api\/charge\.py\n {2}Contact {4}Payments: #payments-eng\n {2}Practices {2}• Put money movement behind a feature flag\.\n/);
    assert.match(r.out, /\nYours \(@acme\/search\): 1 path\. Before committing: /);
    assert.equal(r.out.match(/Etiquette/g)?.length, 1);
    assert.match(r.out, /Ask {8}• /);
  });

  it('--markdown prints the reviews needed and each group for a pull request; not with --json', async () => {
    repo = stagedPaymentsAndSearch();
    const r = await precommit(repo, ['--markdown']);
    assert.equal(r.code, 0);
    const lines = r.out.split('\n');
    assert.deepEqual(lines.slice(0, 8), [
      '### Code owners of this change',
      '',
      'Reviews needed from: \\@acme\\/payments',
      '',
      '**Payments \\(\\@acme\\/payments\\)** · 1 file',
      '- services\\/payments\\/api\\/charge\\.py',
      '',
      'They ask:',
    ]);
    assert.ok(lines.includes('Contact: Payments, \\#payments\\-eng'), r.out);
    assert.ok(lines.includes('**Yours \\(\\@acme\\/search\\)** · 1 file'), r.out);
    const both = await precommit(repo, ['--markdown', '--json']);
    assert.deepEqual([both.code, both.out], [2, '']);
    assert.match(both.err, /--json and --markdown are two answers: choose one/);
  });

  it('is silent when nothing is staged, also before the first commit', async () => {
    repo = makeRepo(FILES);
    const r = await precommit(repo);
    assert.deepEqual(r, { code: 0, out: '', err: '' });
  });

  it('works before the first commit and on a detached HEAD', async () => {
    repo = makeRepo(FILES);
    repo.git('add', '-A');
    const first = jsonLines((await precommit(repo, ['--json'])).out);
    assert.equal((first.flatMap((g) => g.files as unknown[]) as unknown[]).length, 5);
    repo.git('commit', '-q', '-m', 'one');
    repo.git('checkout', '-q', '--detach');
    repo.write('services/payments/x.py', 'x\n');
    repo.git('add', '-A');
    assert.deepEqual(jsonLines((await precommit(repo, ['--json'])).out).map((g) => g.key), ['upstream:@acme/payments']);
  });

  it('finds the repository from a subdirectory, and --me makes code mine', async () => {
    repo = makeRepo(FILES);
    commitAll(repo);
    repo.write('services/payments/api/charge.py', 'changed\n');
    repo.git('add', '-A');
    const r = await precommit(repo, ['--json', '--me', 'acme/payments'], path.join(repo.root, 'services', 'search'));
    assert.deepEqual(jsonLines(r.out).map((g) => [g.key, g.situation]), [['mine:@acme/payments', 'mine']]);
  });

  it('--strict exits 1 when upstream or unowned files are staged, 0 when all are mine', async () => {
    repo = makeRepo(FILES);
    commitAll(repo);
    repo.write('services/search/index.py', 'mine\n');
    repo.git('add', '-A');
    assert.equal((await precommit(repo, ['--strict'])).code, 0);
    repo.write('vendor/a.c', 'unowned\n');
    repo.git('add', '-A');
    const r = await precommit(repo, ['--strict']);
    assert.equal(r.code, 1);
    assert.match(r.err, /--strict: 0 staged path\(s\) owned by others and 1 unowned/);
  });

  it('concluding a merge: one line, not the other branch\'s changes, and --strict does not refuse', async () => {
    repo = makeRepo(FILES);
    commitAll(repo);
    const base = repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'theirs');
    repo.write('services/payments/api/charge.py', 'theirs\n');
    repo.write('services/payments/new.py', 'theirs\n');
    commitAll(repo, 'theirs');
    repo.git('checkout', '-q', base);
    repo.write('services/payments/api/charge.py', 'ours\n');
    commitAll(repo, 'ours');
    assert.throws(() => repo.git('merge', '-q', 'theirs')); // a conflict: the merge waits for a commit
    repo.write('services/payments/api/charge.py', 'resolved\n');
    repo.git('add', '-A');
    const r = await precommit(repo, ['--strict']);
    assert.deepEqual(r, { code: 0, out: '', err: 'ownership-lens precommit: this commit concludes a merge; the changes it brings in are not checked\n' });
  });

  it('GitLab sections: owners of every matching section', async () => {
    repo = makeRepo({ '.gitlab/CODEOWNERS': '[Code]\n* @acme/core\n[Docs]\n*.md @acme/docs\n', 'guide.md': 'g\n' });
    commitAll(repo);
    repo.write('guide.md', 'g2\n');
    repo.git('add', '-A');
    assert.deepEqual(jsonLines((await precommit(repo, ['--json'])).out).map((g) => g.owners), [['@acme/core', '@acme/docs']]);
  });

  it('outside a repository: one line, exit 0; with --strict, exit 70', async () => {
    repo = makeRepo();
    const outside = fs.mkdtempSync(path.join(path.dirname(repo.root), 'not-a-repo-'));
    const r = await precommit(repo, ['--root', outside]);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /^ownership-lens precommit: cannot check the staged files \(.* is not in a git repository\); the commit is not held up\n$/);
    assert.equal((await precommit(repo, ['--root', outside, '--strict'])).code, 70);
  });

  it('a user mistake is exit 2; --help exit 0', async () => {
    repo = makeRepo();
    assert.equal((await precommit(repo, ['--nope'])).code, 2);
    assert.equal((await precommit(repo, ['--rubric', 'no-such.yaml'])).code, 2);
    const help = await precommit(repo, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: ownership-lens precommit/);
  });

  it('runs as a separate process through dist/cli.js', () => {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    repo = makeRepo(FILES);
    commitAll(repo);
    repo.move('services/search/index.py', 'services/payments/index.py');
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'precommit', ...args], { cwd: repo.root, env: repo.env, encoding: 'utf8' });
    const json = run(['--json']);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(jsonLines(json.stdout).map((g) => g.key), ['upstream:@acme/payments', 'mine:@acme/search']);
    assert.equal(run(['--strict']).status, 1);
  });
});
