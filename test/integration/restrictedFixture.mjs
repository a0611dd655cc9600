// The Restricted Mode window's world, made in the run's sandbox (test/integration/restricted/
// asserts on it from inside the extension host):
//   workspace/restricted.code-workspace   two folders, never trusted:
//     repo/    test/integration/fixtures/restricted as a committed git repository, one change
//              staged, a foreign pre-commit hook, and .vscode/settings.json naming a rubric and
//              a CODEOWNERS outside the workspace (restricted settings: must be ignored);
//     starter/ a git repository without CODEOWNERS (Create Starter would write there);
//   outside/   that rubric and that CODEOWNERS;
//   bin/git    a wrapper first on the window's PATH that logs every git call to git-calls.log;
//   fsmonitor.sh, the `core.fsmonitor` of both repositories: it appends to `fsmonitor-ran`.
// A repository's .git/config can make git run programs (core.fsmonitor, core.pager, hooks...):
// the window must run no git at all. The positive control below proves both detectors work.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from '../../scripts/vscode/gitWorkspace.mjs';
import { initRepository } from './fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** What the suite reads from $OWNERSHIP_LENS_RESTRICTED_FIXTURE. */
const FIXTURE_ENV = 'OWNERSHIP_LENS_RESTRICTED_FIXTURE';

const FOREIGN_HOOK = '#!/bin/sh\n# A hook the developer installed before Ownership Lens: it must stay byte for byte.\necho "foreign pre-commit hook"\n';
const USER = { name: 'Restricted User', email: 'restricted.user@acme.example' };

/**
 * Creates the fixture inside `parent` and checks that git started there does leave traces.
 * Returns the workspace file and the environment for the VS Code server.
 */
export function createRestrictedWorkspace(parent, baseEnv) {
  const at = (...parts) => path.join(parent, ...parts);
  const facts = {
    workspace: at('workspace', 'restricted.code-workspace'),
    repo: at('workspace', 'repo'),
    starter: at('workspace', 'starter'),
    outsideRubric: at('outside', 'rubric.yaml'),
    outsideCodeowners: at('outside', 'CODEOWNERS'),
    fsmonitorMarker: at('fsmonitor-ran'),
    gitBin: at('bin'),
    gitLog: at('git-calls.log'),
    foreignHook: FOREIGN_HOOK,
    hookFiles: [],
    staged: 'src/payments/charge.ts',
  };

  // Outside the workspace: a valid rubric with its own title, and a CODEOWNERS giving all to one owner.
  mkdirSync(at('outside'), { recursive: true });
  const l4 = readFileSync(path.join(repoRoot, 'rubrics', 'l4-holistic-ownership.yaml'), 'utf8');
  writeFileSync(facts.outsideRubric, l4.replace(/^\$schema: .*\n/m, '').replace(/^id: .*$/m, 'id: outside-rubric').replace(/^title: .*$/m, 'title: Outside Rubric'));
  writeFileSync(facts.outsideCodeowners, '*  @outside/takeover\n');

  // The repositories, committed before any fsmonitor is configured (git add/commit would run it).
  cpSync(path.join(here, 'fixtures', 'restricted'), facts.repo, { recursive: true });
  initRepository(facts.repo, USER, ['.']);
  writeFileSync(path.join(facts.repo, facts.staged), '\n// staged by the fixture\n', { flag: 'a' });
  git(facts.repo, ['add', '--', facts.staged]);
  mkdirSync(facts.starter, { recursive: true });
  writeFileSync(path.join(facts.starter, 'README.md'), '# No CODEOWNERS here\n');
  mkdirSync(path.join(facts.starter, 'lib'));
  writeFileSync(path.join(facts.starter, 'lib', 'index.ts'), 'export {};\n');
  initRepository(facts.starter, USER, ['README.md', 'lib']);

  const hooks = path.join(facts.repo, '.git', 'hooks');
  writeFileSync(path.join(hooks, 'pre-commit'), FOREIGN_HOOK, { mode: 0o755 });
  facts.hookFiles = readdirSync(hooks).sort();

  // The workspace's own settings name files outside it: restricted settings VS Code must not
  // apply until the workspace is trusted (package.json capabilities.untrustedWorkspaces).
  mkdirSync(path.join(facts.repo, '.vscode'));
  const settings = { 'ownershipLens.rubric': facts.outsideRubric, 'ownershipLens.codeownersPath': facts.outsideCodeowners };
  writeFileSync(path.join(facts.repo, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(facts.workspace, JSON.stringify({ folders: [{ path: 'repo' }, { path: 'starter' }] }, null, 2));

  // Every git call the window makes goes through this wrapper.
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  mkdirSync(facts.gitBin);
  writeFileSync(
    path.join(facts.gitBin, 'git'),
    `#!/bin/sh\nprintf '%s\\t%s\\n' "$PWD" "$*" >> ${shellQuote(facts.gitLog)}\nexec ${shellQuote(realGit)} "$@"\n`,
    { mode: 0o755 },
  );
  const fsmonitor = at('fsmonitor.sh');
  writeFileSync(fsmonitor, `#!/bin/sh\n# Run by git as core.fsmonitor. Exits 1: git then scans the tree itself.\nprintf '%s\\n' "$PWD" >> ${shellQuote(facts.fsmonitorMarker)}\nexit 1\n`);
  chmodSync(fsmonitor, 0o755);
  for (const r of [facts.repo, facts.starter]) git(r, ['config', 'core.fsmonitor', fsmonitor]);

  const env = { ...baseEnv, PATH: `${facts.gitBin}${path.delimiter}${baseEnv.PATH ?? ''}`, [FIXTURE_ENV]: at('fixture.json') };
  positiveControl(facts, env);
  writeFileSync(env[FIXTURE_ENV], JSON.stringify(facts, null, 2));
  return { workspaceFile: facts.workspace, env, facts };
}

/**
 * Outside VS Code, `git status` found as the window will find it (PATH) must both log the call
 * and run the fsmonitor, or the suite's "no git ran" could never fail. Both traces are removed
 * before the window opens.
 */
function positiveControl(facts, env) {
  execFileSync('git', ['status', '--short'], { cwd: facts.repo, env, stdio: 'ignore' });
  const logged = existsSync(facts.gitLog) ? readFileSync(facts.gitLog, 'utf8') : '';
  if (!existsSync(facts.fsmonitorMarker)) throw new Error(`positive control: git status in ${facts.repo} did not run core.fsmonitor (no ${facts.fsmonitorMarker})`);
  if (!logged.startsWith(`${facts.repo}\t`)) throw new Error(`positive control: the git wrapper in ${facts.gitBin} logged ${JSON.stringify(logged)}`);
  rmSync(facts.fsmonitorMarker);
  rmSync(facts.gitLog);
}

const shellQuote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
