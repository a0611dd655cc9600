// The files git tracks, read with `git ls-files -z`: what a CODEOWNERS file is checked
// against. -z keeps paths exactly as they are (no quoting of spaces or non-ASCII). Paths are
// relative to the directory git runs in, which is the repository root for our callers.
import type { SimpleGit } from 'simple-git';

export interface TrackedFilesOptions {
  /**
   * Also list the untracked files git does not ignore: what the editor wants while files are
   * being created. CI wants only what is committed or staged (the default).
   */
  untracked?: boolean;
}

export async function readTrackedFiles(git: SimpleGit, options: TrackedFilesOptions = {}): Promise<string[]> {
  // --cached is the index: committed files plus what is staged, as a pre-commit hook needs.
  const args = ['ls-files', '-z', '--cached'];
  if (options.untracked) args.push('--others', '--exclude-standard');
  const out = await git.raw(args);
  const paths = out.split('\0');
  if (paths[paths.length - 1] === '') paths.pop();
  return paths;
}
