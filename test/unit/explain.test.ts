// `ownership-lens explain` on a fixture repository (test/fixtures/explain/repo), run
// in-process with a fake CliIO, and once through the built dist/cli.js.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explainCommand } from '../../src/cli/commands/explain';
import { UsageError, type CliIO } from '../../src/cli/io';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'explain', 'repo');
const PACKAGE_ROOT = path.join(__dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('ownership-lens explain', () => {
  let tmp: string;
  let repo: string;
  let env: Record<string, string | undefined>;

  async function explain(args: string[], cwd = repo): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = {
      cwd,
      env,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readStdin: async () => new Uint8Array(),
    };
    const code = await explainCommand(args, io);
    return { code, stdout, stderr };
  }
  const jsonLines = (run: Run) => run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-explain-'));
    repo = path.join(tmp, 'repo');
    fs.cpSync(FIXTURE, repo, { recursive: true });
    // A private HOME and no system config: only this repository's git identity counts.
    env = { PATH: process.env.PATH, HOME: tmp, GIT_CONFIG_NOSYSTEM: '1' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'alice@acme.example');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('--json', () => {
    let records: Array<Record<string, unknown>>;
    before(async () => {
      // From inside the component, as a person at a shell would: paths are relative to here.
      const run = await explain(['--json', 'api/charge.py', '../search/index.py', '../../docs/guide.md', '../../scripts/deploy.sh'], path.join(repo, 'services', 'payments'));
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      records = jsonLines(run);
    });

    it('prints one JSON line per path, with repository-relative paths', () => {
      assert.deepEqual(records.map((r) => r.path), ['services/payments/api/charge.py', 'services/search/index.py', 'docs/guide.md', 'scripts/deploy.sh']);
    });

    it('has exactly the documented keys, in order ("team" only when described)', () => {
      const keys = ['path', 'owners', 'rule', 'situation', 'practices', 'contributing', 'etiquette', 'expectations'];
      assert.deepEqual(Object.keys(records[0]), [...keys.slice(0, 4), 'team', ...keys.slice(4)]);
      for (const r of records.slice(1)) assert.deepEqual(Object.keys(r), keys);
      for (const r of records) {
        for (const e of r.expectations as object[]) assert.deepEqual(Object.keys(e), ['id', 'title', 'text']);
      }
    });

    it('mine, through team membership by git user.email: team, practices, the component guide, no etiquette', () => {
      const [mine] = records;
      assert.equal(mine.situation, 'mine');
      assert.deepEqual(mine.owners, ['@acme/payments']);
      assert.deepEqual(mine.rule, { file: '.github/CODEOWNERS', line: 2, pattern: '/services/payments/' });
      assert.deepEqual(mine.team, {
        handle: '@acme/payments',
        name: 'Payments',
        contact: '#payments-eng',
        links: { runbook: 'https://runbooks.acme.example/payments', docs: 'https://docs.acme.example/payments' },
        members: ['@alice', 'alice@acme.example'],
      });
      assert.deepEqual(mine.practices, [
        'Ship every change to money movement behind a feature flag.',
        'Never \u001b[31mforce-push\u001b[0m to release branches.',
        'Run the contract tests before asking for review.',
      ]);
      assert.equal(mine.contributing, 'services/payments/CONTRIBUTING.md');
      assert.deepEqual(mine.etiquette, []);
      assert.equal((mine.expectations as Array<{ id: string }>)[0].id, 'simplify-complex-components');
    });

    it("upstream: the rubric's etiquette extended by the repository's, upstream expectations first", () => {
      const up = records[1];
      assert.equal(up.situation, 'upstream');
      assert.deepEqual(up.owners, ['@bob']);
      assert.equal(up.contributing, null);
      const etiquette = up.etiquette as string[];
      assert.equal(etiquette[0], 'Follow the practices the owner publishes for their component.');
      assert.equal(etiquette[etiquette.length - 1], 'Talk to the owning team before a large change.');
      assert.equal((up.expectations as Array<{ id: string }>)[0].id, 'fix-upstream-the-owners-way');
    });

    it('unowned: by a rule without owners, and by no rule (then the repository guide applies)', () => {
      assert.deepEqual([records[2].situation, records[2].owners, records[2].contributing], ['unowned', [], null]);
      assert.deepEqual(records[2].rule, { file: '.github/CODEOWNERS', line: 4, pattern: '/docs/' });
      assert.deepEqual([records[3].situation, records[3].rule, records[3].contributing], ['unowned', null, 'CONTRIBUTING.md']);
      assert.equal((records[3].expectations as Array<{ id: string }>)[0].id, 'own-failures');
    });
  });

  it('no-map: a repository without CODEOWNERS', async () => {
    const bare = path.join(tmp, 'bare');
    fs.mkdirSync(path.join(bare, '.git'), { recursive: true });
    fs.writeFileSync(path.join(bare, 'main.py'), '');
    const run = await explain(['--json', '--me', '@alice', 'main.py'], bare);
    const [r] = jsonLines(run);
    assert.deepEqual([r.situation, r.owners, r.rule], ['no-map', [], null]);
  });

  it('--me adds handles: a file owned by @bob becomes mine', async () => {
    const [r] = jsonLines(await explain(['--json', '--me', 'bob', 'services/search/index.py']));
    assert.equal(r.situation, 'mine');
  });

  it('--rubric l6 uses the Staff-level rubric', async () => {
    const [r] = jsonLines(await explain(['--json', '--rubric', 'l6', 'docs/guide.md']));
    const ids = (r.expectations as Array<{ id: string }>).map((e) => e.id);
    assert.ok(ids.includes('own-orphaned-work'));
    assert.equal(ids[0], 'help-when-you-can');
  });

  it('a folder gets the owners of a new file directly in it, as in who and the hover over a folder', async () => {
    // `/services/payments/` owns the folder's contents; read as a file, `services/payments` has no rule.
    const [folder] = jsonLines(await explain(['--json', 'services/payments']));
    assert.deepEqual([folder.path, folder.owners, folder.situation, (folder.rule as { line: number }).line], ['services/payments', ['@acme/payments'], 'mine', 2]);
    const [named] = jsonLines(await explain(['--json', 'services/search/']));
    assert.deepEqual([named.path, named.owners], ['services/search', ['@bob']]);
    const [here] = jsonLines(await explain(['--json', '.'], path.join(repo, 'services', 'search')));
    assert.deepEqual([here.path, here.owners], ['services/search', ['@bob']]);
    // Not on disk: the trailing slash alone says folder.
    const planned = path.join(tmp, 'planned');
    fs.mkdirSync(path.join(planned, '.github'), { recursive: true });
    fs.writeFileSync(path.join(planned, '.github', 'CODEOWNERS'), '/planned/ @acme/planned\n');
    execFileSync('git', ['init', '-q'], { cwd: planned, env, stdio: 'pipe' });
    const [asFolder, asFile] = jsonLines(await explain(['--json', 'planned/', 'planned'], planned));
    assert.deepEqual([asFolder.path, asFolder.owners, asFile.path, asFile.owners], ['planned', ['@acme/planned'], 'planned', []]);
  });

  it('paths are relative to the root when the current directory is outside the repository', async () => {
    const [r] = jsonLines(await explain(['--json', '--root', repo, 'services/search/index.py'], os.tmpdir()));
    assert.equal(r.situation, 'upstream');
  });

  describe('text output', () => {
    let text: string;
    before(async () => {
      const run = await explain(['services/payments/api/charge.py', 'services/search/index.py']);
      assert.equal(run.code, 0);
      text = run.stdout;
    });

    it('reads as a block per path: owners, rule, situation and why, practices, guide', () => {
      assert.match(text, /^services\/payments\/api\/charge\.py\n {2}Owners {5}@acme\/payments \(Payments\)\n/);
      assert.match(text, /\n {2}Rule {7}\/services\/payments\/ at \.github\/CODEOWNERS:2\n/);
      assert.match(text, /\n {2}Situation {2}mine: you own this as @acme\/payments \(you are a member, as\n {13}alice@acme\.example\)\n/);
      assert.match(text, /\n {4}Contributing guide: services\/payments\/CONTRIBUTING\.md\n/);
      assert.match(text, /\n {2}Holistic Ownership, Senior Software Engineer \(L4\): what matters here\n/);
      assert.match(text, /\n {6}Ask yourself:\n/);
    });

    it('shows the etiquette only for the upstream file', () => {
      assert.equal(text.split('Etiquette for changing code someone else owns').length, 2);
      assert.ok(text.indexOf('Etiquette') > text.indexOf('services/search/index.py'));
    });

    it('never prints a control character from the repository: escapes are shown, not obeyed', () => {
      assert.ok(!text.includes('\u001b'), 'raw ESC in the output');
      assert.ok(text.includes('Never \\x1b[31mforce-push\\x1b[0m to release branches.'));
    });

    it('keeps every line within 80 columns unless a single word is longer', () => {
      for (const line of text.split('\n')) assert.ok(line.length <= 80 || !line.trim().includes(' '), line);
    });
  });

  describe('problems', () => {
    it('--help prints the usage and exits 0', async () => {
      const run = await explain(['--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: ownership-lens explain \[options\] PATH\.\.\./);
    });

    it('no PATH is a usage error', async () => {
      await assert.rejects(explain([]), (e) => e instanceof UsageError && /at least one PATH/.test(e.message));
    });

    it('a path outside the repository is a usage error', async () => {
      await assert.rejects(explain(['../elsewhere.py']), (e) => e instanceof UsageError && /outside the repository/.test(e.message));
    });

    it('a --rubric file that does not exist is a usage error', async () => {
      await assert.rejects(explain(['--rubric', 'nope.yaml', 'docs/guide.md']), (e) => e instanceof UsageError && /--rubric nope\.yaml: no such file/.test(e.message));
    });

    it('an unknown option is refused by the strict parser', async () => {
      await assert.rejects(explain(['--frobnicate', 'docs/guide.md']), (e: NodeJS.ErrnoException) => e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION');
    });

    it('a broken --rubric: diagnostics with line and column on stderr, and the bundled rubric still answers', async () => {
      fs.writeFileSync(path.join(repo, 'team-rubric.yaml'), 'id: team\ntitle: Team\nlevel: All\nexpectations: many\n');
      const run = await explain(['--json', '--rubric', 'team-rubric.yaml', 'docs/guide.md']);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /^team-rubric\.yaml:4:15: error schema expectations: must be a list, not a string$/m);
      assert.match(run.stderr, /showing the bundled Holistic Ownership rubric instead/);
      assert.equal((jsonLines(run)[0].expectations as unknown[]).length, 7);
    });

    it('a broken ownership.yml entry: a positioned diagnostic, and the rest of the file still applies', async () => {
      const file = path.join(repo, '.github', 'ownership.yml');
      const original = fs.readFileSync(file, 'utf8');
      try {
        fs.writeFileSync(file, original.replace('paths: ["services/payments/**"]', 'paths: "services/payments/**"'));
        const run = await explain(['--json', 'services/payments/api/charge.py']);
        assert.match(run.stderr, /^\.github\/ownership\.yml:13:12: error schema components\[0\]\.paths: must be a list, not a string$/m);
        const [r] = jsonLines(run);
        assert.equal(r.situation, 'mine', 'team membership still read');
        assert.ok(!(r.practices as string[]).includes('Run the contract tests before asking for review.'), 'the broken component is left out');
      } finally {
        fs.writeFileSync(file, original);
      }
    });

    it('without any identity, says so on stderr; owned files are then upstream', async () => {
      const saved = env;
      env = { PATH: process.env.PATH, HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: path.join(tmp, 'no-such-git-dir') };
      try {
        const run = await explain(['--json', 'services/payments/api/charge.py']);
        assert.match(run.stderr, /no file counts as yours|cannot read git/);
        assert.equal(jsonLines(run)[0].situation, 'upstream');
      } finally {
        env = saved;
      }
    });
  });

  describe('through the built CLI', () => {
    const cli = path.join(PACKAGE_ROOT, 'dist', 'cli.js');
    before(function () {
      // `npm test` builds first; a lone `mocha` run builds here (esbuild takes well under a second).
      if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'build.mjs')], { cwd: PACKAGE_ROOT, stdio: 'pipe' });
    });

    it('node dist/cli.js explain --json prints what the command prints in-process, and finds the bundled rubrics', async () => {
      const args = ['--json', 'services/payments/api/charge.py', 'services/search/index.py'];
      const out = execFileSync(process.execPath, [cli, 'explain', ...args], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(out, (await explain(args)).stdout);
    });
  });
});
