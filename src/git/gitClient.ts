// Git behind a small interface, so the core can be tested with plain data and the extension
// can later substitute the built-in Git extension's API. simple-git runs the `git` binary.
import { simpleGit } from 'simple-git';
import type { HookLocation } from '../core/hooks/location';
import type { GitUser } from '../core/identity/identity';
import type { StagedChange } from '../core/reminders/staged';
import { readHookLocation } from './hookLocation';
import { readMergeInProgress, readStagedChanges } from './stagedChanges';
import { readTrackedFiles, type TrackedFilesOptions } from './trackedFiles';

export interface GitClient {
  /** user.email and user.name as git resolves them for the repository (local, global, system). */
  user(): Promise<GitUser>;
  /** What the next commit will change, against HEAD (against nothing before the first commit). */
  stagedChanges(): Promise<StagedChange[]>;
  /** Whether the next commit concludes a merge. */
  mergeInProgress(): Promise<boolean>;
  /** Where git runs this repository's hooks (core.hooksPath, worktrees and all). */
  hookLocation(): Promise<HookLocation>;
  /** The tracked files (`git ls-files`), relative to the directory the client runs in. */
  trackedFiles(options?: TrackedFilesOptions): Promise<string[]>;
}

export interface GitClientOptions {
  /** The environment to take git's variables from (HOME, XDG_CONFIG_HOME...); default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Gives up on a git process that does not answer (a hung network drive). */
  timeoutMs?: number;
}

/**
 * What git needs to find and read its configuration, and nothing else. simple-git refuses to
 * run when handed variables that can make git execute programs (EDITOR, PAGER, GIT_SSH...),
 * and reading `user.*` needs none of them. Compared case-insensitively (Windows has `Path`).
 */
const GIT_ENV = new Set([
  'path', 'pathext', 'systemroot', 'home', 'userprofile', 'homedrive', 'homepath', 'appdata', 'xdg_config_home',
  'lang', 'lc_all', 'lc_ctype', 'tmpdir', 'temp', 'tmp',
  // A git hook runs us with GIT_DIR set: keep reading the same repository's config.
  'git_dir', 'git_ceiling_directories', 'git_config_global', 'git_config_system', 'git_config_nosystem',
  // The pre-commit hook of `git commit -a` or `git commit PATH` stages into a temporary index
  // named by GIT_INDEX_FILE: reading the staged changes must read that one. `git -c` settings
  // (GIT_CONFIG_PARAMETERS) and a worktree's variables keep applying too.
  'git_index_file', 'git_work_tree', 'git_common_dir', 'git_object_directory', 'git_config_parameters',
]);

export function createGitClient(dir: string, options: GitClientOptions = {}): GitClient {
  const git = simpleGit({
    baseDir: dir,
    timeout: { block: options.timeoutMs ?? 10_000 },
    // GIT_CONFIG_GLOBAL/SYSTEM only choose which config files `git config --get` reads.
    unsafe: { allowUnsafeConfigPaths: true },
  }).env(gitEnvironment(options.env ?? process.env));
  return {
    async user() {
      const [email, name] = await Promise.all([git.getConfig('user.email'), git.getConfig('user.name')]);
      return { email: email.value ?? undefined, name: name.value ?? undefined };
    },
    stagedChanges: () => readStagedChanges(git),
    mergeInProgress: () => readMergeInProgress(git, dir),
    hookLocation: () => readHookLocation(git, dir),
    trackedFiles: (o) => readTrackedFiles(git, o),
  };
}

/** The files git tracks under `root` (its repository's root, for paths relative to it). */
export function listTrackedFiles(root: string, options: GitClientOptions & TrackedFilesOptions = {}): Promise<string[]> {
  return createGitClient(root, options).trackedFiles(options);
}

function gitEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && GIT_ENV.has(k.toLowerCase())) out[k] = v;
  return out;
}
