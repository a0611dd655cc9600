// Options shared by the commands that read a repository's ownership map.
import path = require('node:path');
import { findRepositoryRoot, loadRepositoryOwnership, nodeFileSystem, type FlavorSetting, type RepositoryOwnership } from '../core';
import { findBareRepository } from '../core/fs';
import { UsageError, type CliIO } from './io';

export const REPOSITORY_OPTIONS = {
  root: { type: 'string' },
  codeowners: { type: 'string' },
  flavor: { type: 'string' },
} as const;

/** Options of the commands that give guidance (explain, precommit, hook): who I am, which rubric. */
export const GUIDANCE_OPTIONS = {
  me: { type: 'string', multiple: true },
  rubric: { type: 'string' },
} as const;

export const REPOSITORY_USAGE = `  --root DIR          repository root (default: $GIT_WORK_TREE, else the nearest
                      directory upwards with a .git, else the current directory)
  --codeowners FILE   use this CODEOWNERS file instead of searching for one
  --flavor FLAVOR     auto (default), github, gitlab or bitbucket`;

const FLAVORS: readonly FlavorSetting[] = ['auto', 'github', 'gitlab', 'bitbucket'];

export interface RepositoryArgs {
  root?: string;
  codeowners?: string;
  flavor?: string;
}

/**
 * The repository root: --root, else git's GIT_WORK_TREE (as git itself reads it, a work tree
 * apart from its git directory), else the nearest directory with `.git`, else the current one.
 */
export function resolveRoot(args: RepositoryArgs, io: CliIO): string {
  if (args.root !== undefined) return path.resolve(io.cwd, args.root);
  if (io.env.GIT_WORK_TREE) return path.resolve(io.cwd, io.env.GIT_WORK_TREE);
  return findRepositoryRoot(io.cwd) ?? io.cwd;
}

export function parseFlavor(value: string | undefined): FlavorSetting {
  if (value === undefined) return 'auto';
  if (!(FLAVORS as readonly string[]).includes(value)) throw new UsageError(`--flavor must be one of ${FLAVORS.join(', ')} (got "${value}")`);
  return value as FlavorSetting;
}

/**
 * For the commands a person runs by hand (who, explain, report): a --root that is no directory
 * or a --codeowners that is no file is a mistake in the command line, said in one line (exit 2),
 * not an answer in which every path is unowned. (`check` reports a missing --codeowners as a
 * problem of the map; precommit and the hook must never fail a commit over it.)
 */
export function requireRepositoryArgs(args: RepositoryArgs, io: CliIO): void {
  requireRootArg(args, io);
  if (args.codeowners !== undefined) {
    const kind = nodeFileSystem.kind(path.resolve(io.cwd, args.codeowners));
    if (kind !== 'file') throw new UsageError(`--codeowners ${args.codeowners}: ${kind === null ? 'no such file' : 'not a file'}`);
  }
}

/**
 * A valid --flavor, a --root that is a directory, and no bare repository for a root: what
 * every command that reads a repository refuses as a usage error. (`check` stops here: a missing --codeowners is a
 * problem of the map it reports.)
 */
export function requireRootArg(args: RepositoryArgs, io: CliIO): void {
  parseFlavor(args.flavor);
  refuseBareRepository(args, io);
  if (args.root !== undefined) {
    // `--root=` (a variable that was empty) would quietly be the current directory.
    if (args.root === '') throw new UsageError('--root needs a directory');
    const kind = nodeFileSystem.kind(path.resolve(io.cwd, args.root));
    if (kind !== 'directory') throw new UsageError(`--root ${args.root}: ${kind === null ? 'no such directory' : 'not a directory'}`);
  }
}

/**
 * Whether a PATH argument is spelled as a folder: it ends in `/`, or its last segment is `.`
 * or `..` (`docs/`, `docs/.`, `..`). Such a path names a folder even when none is on disk.
 */
export function spelledAsFolder(arg: string): boolean {
  const last = arg.split(path.sep === '/' ? '/' : /[\\/]/).pop();
  return last === '' || last === '.' || last === '..';
}

export function openRepository(args: RepositoryArgs, io: CliIO): RepositoryOwnership {
  const flavor = parseFlavor(args.flavor);
  const root = resolveRoot(args, io);
  return loadRepositoryOwnership(root, {
    flavor,
    ...(args.codeowners !== undefined ? { codeownersPath: path.resolve(io.cwd, args.codeowners) } : {}),
  });
}

/**
 * Run inside a bare repository (a server's `repo.git`), a command would read its git files as
 * the tree and answer "0 tracked files" or "no CODEOWNERS": say instead, in one line, that
 * there is no working tree. Not with --root, and not under GIT_DIR or GIT_WORK_TREE (git then
 * knows the tree).
 */
function refuseBareRepository(args: RepositoryArgs, io: CliIO): void {
  if (args.root !== undefined || io.env.GIT_DIR || io.env.GIT_WORK_TREE || findRepositoryRoot(io.cwd) !== null) return;
  const bare = findBareRepository(io.cwd);
  if (bare !== null) throw new UsageError(`${bare} is a bare git repository: it has no working tree to read owners in; run this in a checkout (a clone, or \`git worktree add\`), or give --root DIR`);
}

/** One line on stderr when the map has problems, so `who` stays quiet but never misleading. */
export function summarizeProblems(repo: RepositoryOwnership, io: CliIO): void {
  const errors = repo.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = repo.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings === 0) return;
  const file = repo.file ?? repo.diagnostics[0].file;
  io.stderr(`ownership-lens: ${file}: ${errors} error(s), ${warnings} warning(s); \`ownership-lens check\` lists them\n`);
}
