// Where git runs hooks, asked of git itself: `--git-path hooks` already applies core.hooksPath
// (relative to the working tree where the hook runs, `~` expanded) and, in a linked worktree,
// the common directory that all worktrees share.
import path = require('node:path');
import type { SimpleGit } from 'simple-git';
import type { HookLocation } from '../core/hooks/location';

/** `dir` is where git runs: what a relative answer is relative to. */
export async function readHookLocation(git: SimpleGit, dir: string): Promise<HookLocation> {
  let out: string;
  try {
    out = await git.raw(['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-path', 'hooks']);
  } catch {
    // git before 2.31 has no --path-format: its answer may be relative to `dir`.
    out = await git.raw(['rev-parse', '--show-toplevel', '--git-path', 'hooks']);
  }
  const [root, hooksDir] = out.split('\n').map((line) => line.trim());
  if (!root || !hooksDir) throw new Error('git did not say where the working tree and its hooks are (a bare repository?)');
  const configured = await git.getConfig('core.hooksPath');
  return { root: path.resolve(root), hooksDir: path.resolve(dir, hooksDir), hooksPathConfigured: configured.value !== null && configured.value !== '' };
}
