// Where a repository's git directory is: `.git`, or where a `.git` file points (a worktree or
// a submodule keeps its index there, not in `.git/`). Read without running git, so it works in
// Restricted Mode too.
import { promises as nodeFs } from 'node:fs';
import nodePath = require('node:path');

/** git writes one short `gitdir: <path>` line; anything longer is not such a file. */
const MAX_GIT_FILE = 4096;

/** The git directory of the repository at `root`, or undefined when it has none. */
export async function gitDirOf(root: string): Promise<string | undefined> {
  const dotGit = nodePath.join(root, '.git');
  try {
    const st = await nodeFs.stat(dotGit);
    if (st.isDirectory()) return dotGit;
    // A `.git` file is repository content: read a bounded head, parse it without a regex.
    if (!st.isFile() || st.size > MAX_GIT_FILE) return undefined;
    const line = (await nodeFs.readFile(dotGit, 'utf8')).split('\n', 1)[0];
    if (!line.startsWith('gitdir:')) return undefined;
    const target = line.slice('gitdir:'.length).trim();
    return target === '' ? undefined : nodePath.resolve(root, target);
  } catch {
    return undefined;
  }
}
