// `ownership-lens check` on real git repositories: the parser's diagnostics with the analysis'
// (shadowed rules, patterns matching no tracked file, owners unknown to ownership.yml), in line
// order, as text or JSON Lines, and the exit codes CI relies on.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => new Uint8Array() };
  const code = await main(argv, io);
  return { code, out, err };
}

const jsonLines = (s: string): Array<Record<string, unknown>> => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const CODEOWNERS = [
  '* @acme/all',
  'docs/*.md @acme/docs',
  '*.md @acme/writers',
  '/src/ @acme/src @acme/srcc',
  '/generated/ @acme/all',
  '/src/legacy/',
].join('\n');

const OWNERSHIP = 'teams:\n  "@acme/all": { name: Everyone }\n  "@acme/src": { name: Source }\n  "@acme/writers": {}\n  "@acme/docs": {}\n';

describe('cli: check in a git repository', () => {
  let repo: TestRepo;
  afterEach(() => repo.remove());

  function setup(codeowners = CODEOWNERS, extra: Record<string, string> = {}): TestRepo {
    repo = makeRepo({
      '.github/CODEOWNERS': `${codeowners}\n`,
      '.github/ownership.yml': OWNERSHIP,
      'README.md': '',
      'docs/guide.md': '',
      'src/main.c': '',
      'src/legacy/old.c': '',
      ...extra,
    });
    commitAll(repo);
    return repo;
  }

  it('adds shadowed, no-match and unknown-owner warnings to the parser diagnostics, in line order', async () => {
    setup();
    const r = await run(['check'], repo.root, repo.env);
    assert.equal(r.code, 0, 'warnings only');
    assert.equal(r.err, '');
    assert.deepEqual(r.out.trim().split('\n'), [
      '.github/CODEOWNERS:2:1: warning shadowed-rule This rule never applies: the one tracked file it matches is taken by a later rule (line 3 "*.md").',
      '.github/CODEOWNERS:4:17: warning unknown-owner "@acme/srcc" is not a team listed in .github/ownership.yml. Did you mean "@acme/src"?',
      '.github/CODEOWNERS:5:1: warning no-match This pattern matches no tracked file.',
    ]);
  });

  it('prints the same as JSON Lines, with positions and end columns', async () => {
    setup();
    const r = await run(['check', '--json'], repo.root, repo.env);
    assert.equal(r.code, 0);
    assert.deepEqual(
      jsonLines(r.out).map((d) => [d.file, d.line, d.column, d.endColumn, d.severity, d.code]),
      [
        ['.github/CODEOWNERS', 2, 1, 10, 'warning', 'shadowed-rule'],
        ['.github/CODEOWNERS', 4, 17, 27, 'warning', 'unknown-owner'],
        ['.github/CODEOWNERS', 5, 1, 12, 'warning', 'no-match'],
      ],
    );
    // The places a message names, each with its file: the later rule that takes the shadowed rule's file.
    assert.deepEqual(jsonLines(r.out)[0].related, [{ file: '.github/CODEOWNERS', line: 3, column: 1, endColumn: 5, message: 'takes its file' }]);
  });

  it('exits 1 when there is an error, and interleaves it by line with the analysis', async () => {
    setup(`${CODEOWNERS}\n!/src/main.c @acme/all`);
    const r = await run(['check'], repo.root, repo.env);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), [
      '.github/CODEOWNERS:2:1: warning shadowed-rule',
      '.github/CODEOWNERS:4:17: warning unknown-owner',
      '.github/CODEOWNERS:5:1: warning no-match',
      '.github/CODEOWNERS:7:1: error unsupported-negation',
    ]);
  });

  it('exits 0 on a clean map', async () => {
    setup('* @acme/all\n/src/ @acme/src');
    const r = await run(['check'], repo.root, repo.env);
    assert.deepEqual([r.code, r.out, r.err], [0, '', '']);
  });

  it('counts staged files as tracked (what a pre-commit hook checks) but not untracked ones', async () => {
    setup('* @acme/all\n/generated/ @acme/all\n/scratch/ @acme/all');
    repo.write('generated/out.c', '');
    repo.git('add', 'generated/out.c');
    repo.write('scratch/notes.txt', '');
    const r = await run(['check', '--json'], repo.root, repo.env);
    assert.deepEqual(jsonLines(r.out).map((d) => [d.line, d.code]), [[3, 'no-match']]);
  });

  it('finds the repository from a subdirectory and honours --root from elsewhere', async () => {
    setup();
    const fromSub = await run(['check'], path.join(repo.root, 'src', 'legacy'), repo.env);
    const fromElsewhere = await run(['check', '--root', repo.root], os.tmpdir(), repo.env);
    assert.equal(fromSub.out.split('\n').length, 4);
    assert.equal(fromElsewhere.out, fromSub.out);
  });

  it('neutralises control and bidi characters from the repository in the terminal', async () => {
    setup('/a\u202eb/x.c @acme/all\n/a\u202eb/ @acme/src', { 'a\u202eb/x.c': '' });
    const r = await run(['check'], repo.root, repo.env);
    assert.ok(!r.out.includes('\u202e'), 'no raw bidi override reaches the terminal');
    assert.match(r.out, /shadowed-rule .*line 2 "\/a\\u202eb\/"/);
    const json = jsonLines((await run(['check', '--json'], repo.root, repo.env)).out);
    assert.match(String(json[0].message), /\u202e/, 'JSON keeps the text exact');
  });

  it('outside a git repository: the parser and owner checks only, silently', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-check-nogit-'));
    try {
      fs.mkdirSync(path.join(dir, '.github'));
      fs.writeFileSync(path.join(dir, '.github', 'CODEOWNERS'), CODEOWNERS);
      fs.writeFileSync(path.join(dir, '.github', 'ownership.yml'), OWNERSHIP);
      const r = await run(['check', '--root', dir], os.tmpdir(), { PATH: process.env.PATH ?? '' });
      assert.deepEqual([r.code, r.err], [0, '']);
      assert.deepEqual(r.out.trim().split('\n').map((l) => l.split(' ')[2]), ['unknown-owner']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .git that git cannot read: says so on stderr and still checks the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-check-badgit-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '!x @a\n');
      const r = await run(['check', '--root', dir], os.tmpdir(), { PATH: process.env.PATH ?? '', GIT_CEILING_DIRECTORIES: os.tmpdir() });
      assert.equal(r.code, 1);
      assert.match(r.out, /^CODEOWNERS:1:1: error unsupported-negation /);
      const [flavor, tracked, ...rest] = r.err.split('\n');
      assert.equal(flavor, 'ownership-lens check: CODEOWNERS is read as GitHub syntax (no line is a GitLab section header or names a role); --flavor chooses another');
      assert.match(tracked, /^ownership-lens check: cannot list the tracked files \(.+\); shadowed and unmatched rules are not checked$/);
      assert.deepEqual(rest, ['']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('says which syntax a root or docs/ CODEOWNERS was read with, and why', () => {
    const note = (file: string, why: string, host: string) => `ownership-lens check: ${file} is read as ${host} syntax (${why}); --flavor chooses another\n`;

    it('a section header makes it GitLab, naming the line', async () => {
      repo = makeRepo({ CODEOWNERS: '# owners\n* @a\n\n[Docs] @d\ndocs/ @e\n', 'docs/x.md': '' });
      commitAll(repo);
      const r = await run(['check'], repo.root, repo.env);
      assert.equal(r.err, note('CODEOWNERS', 'line 4 is a GitLab section header', 'GitLab'));
    });

    it('a role owner makes it GitLab, naming the line', async () => {
      repo = makeRepo({ 'docs/CODEOWNERS': '* @a\n/docs/ @@maintainer\n', 'docs/x.md': '' });
      commitAll(repo);
      const r = await run(['check'], repo.root, repo.env);
      assert.equal(r.err, note('docs/CODEOWNERS', 'line 2 names a GitLab role (@@)', 'GitLab'));
    });

    it('with neither it is GitHub; a line GitLab would not read as a header ([Docs, unclosed) does not count', async () => {
      repo = makeRepo({ CODEOWNERS: '* @a\n[Docs @b\n', abc: '' });
      commitAll(repo);
      const r = await run(['check'], repo.root, repo.env);
      assert.equal(r.err, note('CODEOWNERS', 'no line is a GitLab section header or names a role', 'GitHub'));
    });

    it('nothing is said when --flavor, the location or --json decide', async () => {
      repo = makeRepo({ CODEOWNERS: '[Docs]\n* @a\n/nothing/ @b\n', x: '' });
      commitAll(repo);
      assert.equal((await run(['check', '--flavor', 'gitlab'], repo.root, repo.env)).err, '');
      assert.equal((await run(['check', '--json'], repo.root, repo.env)).err, '');
      fs.mkdirSync(path.join(repo.root, '.gitlab'), { recursive: true });
      fs.renameSync(path.join(repo.root, 'CODEOWNERS'), path.join(repo.root, '.gitlab', 'CODEOWNERS'));
      const located = await run(['check'], repo.root, repo.env);
      assert.equal(located.err, '');
      assert.match(located.out, /^\.gitlab\/CODEOWNERS:/m, 'still checks the file');
    });
  });

  it('--codeowners naming a file the hosts do not read says so: one in a subfolder, one behind the file found first', async () => {
    setup(CODEOWNERS, { 'src/CODEOWNERS': '*.c @acme/src\n', 'docs/CODEOWNERS': '*.md @acme/docs\n' });
    const sub = await run(['check', '--codeowners', 'src/CODEOWNERS'], repo.root, repo.env);
    assert.equal(sub.code, 0, 'a warning');
    assert.match(sub.out, /^src\/CODEOWNERS:1:1: warning unread-location No host reads a CODEOWNERS here, so its rules take no effect on reviews\. .* so move these rules into \.github\/CODEOWNERS \(its patterns are read from the repository root there, not from src\/\)\. Ownership Lens reads it only because it was named \(the codeownersPath setting, --codeowners\)\.$/m);
    const behind = await run(['check', '--codeowners', 'docs/CODEOWNERS', '--json'], repo.root, repo.env);
    const first = jsonLines(behind.out)[0];
    assert.deepEqual([first.file, first.line, first.column, first.code], ['docs/CODEOWNERS', 1, 1, 'not-in-effect']);
    assert.deepEqual(first.related, [{ file: '.github/CODEOWNERS', line: 1, column: 1, message: 'the CODEOWNERS GitHub reads' }]);
    // No root CODEOWNERS: GitLab, which never looks in .github/, would read docs/CODEOWNERS.
    assert.equal(first.message, 'GitHub reads .github/CODEOWNERS, which it finds before this file, so the rules here take no effect. On GitLab this file is the one read: choose the gitlab flavor if the repository is hosted there.');
    const asGithub = await run(['check', '--codeowners', 'docs/CODEOWNERS', '--flavor', 'github', '--json'], repo.root, repo.env);
    assert.equal(jsonLines(asGithub.out)[0].message, 'GitHub reads .github/CODEOWNERS, which it finds before this file, so the rules here take no effect.');
    const inUse = await run(['check', '--codeowners', '.github/CODEOWNERS'], repo.root, repo.env);
    assert.doesNotMatch(inUse.out, /unread-location|not-in-effect/);
    // Without --codeowners the file checked is the one found: nothing to say.
    assert.doesNotMatch((await run(['check'], repo.root, repo.env)).out, /unread-location|not-in-effect/);
  });

  it('--help describes the new checks; bad options exit 2', async () => {
    setup();
    const help = await run(['check', '--help'], repo.root, repo.env);
    assert.equal(help.code, 0);
    assert.match(help.out, /shadowed-rule/);
    assert.match(help.out, /no-match/);
    assert.equal((await run(['check', '--nope'], repo.root, repo.env)).code, 2);
  });

  it('runs as a separate process through dist/cli.js with the same exit codes', () => {
    const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    setup(`${CODEOWNERS}\n!/x @acme/all`);
    const r = spawnSync(process.execPath, [cli, 'check', '--json'], { cwd: repo.root, env: repo.env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(jsonLines(r.stdout).map((d) => d.code), ['shadowed-rule', 'unknown-owner', 'no-match', 'unsupported-negation']);
  });
});
