// Real git repositories in temporary directories for tests. The environment is built from
// scratch: no global or system git config of the developer's, no GIT_* variables inherited
// from a hook the tests might run inside, and this Node first on PATH (for hooks that run it).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestRepo {
  /** Absolute, symlinks resolved (macOS's /tmp is a link), so paths compare as git prints them. */
  root: string;
  env: Record<string, string>;
  /** Runs git in the repository; returns stdout. Throws with stderr on failure. */
  git(...args: string[]): string;
  /** Writes a repository-relative file, creating directories. */
  write(rel: string, text: string | Buffer): void;
  /** `git mv`, creating the destination's directories first (git mv does not). */
  move(from: string, to: string): void;
  remove(): void;
}

export function makeRepo(files: Record<string, string> = {}, prefix = 'ol-git-'): TestRepo {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const root = path.join(tmp, 'repo');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(tmp, 'gitconfig'), '');
  const env: Record<string, string> = {
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: tmp,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const move = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
    git('mv', from, to);
  };
  git('init', '-q');
  git('config', 'user.email', 'alice@acme.example');
  git('config', 'user.name', 'Alice');
  git('config', 'commit.gpgsign', 'false');
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { root, env, git, write, move, remove: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Adds everything and commits (used to set up history before the staged change under test). */
export function commitAll(repo: TestRepo, message = 'setup'): void {
  repo.git('add', '-A');
  repo.git('commit', '-q', '--no-verify', '-m', message);
}
