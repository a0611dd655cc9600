// The staged changes, read with `git diff --cached --name-status -z`: what the next commit
// will contain, against HEAD (or against nothing when there are no commits yet, which git
// handles by itself). -z keeps paths exactly as they are: no quoting of spaces or non-ASCII.
import fs = require('node:fs');
import path = require('node:path');
import type { SimpleGit } from 'simple-git';
import type { StagedChange, StagedStatus } from '../core/reminders/staged';

export const STAGED_DIFF_ARGS = [
  // diff.relative=true would make paths relative to the current directory. As a setting rather
  // than --no-relative (git 2.28+), so that older gits, which know neither, still work.
  '-c',
  'diff.relative=false',
  'diff',
  '--cached',
  '--name-status',
  '-z',
  // Explicit, so that diff.renames=false in someone's config cannot hide a rename's old path.
  '--find-renames',
  '--find-copies',
  '--no-ext-diff',
  '--no-color',
] as const;

export async function readStagedChanges(git: SimpleGit): Promise<StagedChange[]> {
  return parseNameStatusZ(await git.raw([...STAGED_DIFF_ARGS]));
}

/**
 * Whether the commit concludes a merge (MERGE_HEAD exists): its staged set is then everything
 * the merged branch brings, changes whose authors already went through their owners.
 * `dir` is where git runs: what the relative answer of older gits is relative to.
 */
export async function readMergeInProgress(git: SimpleGit, dir: string): Promise<boolean> {
  const mergeHead = (await git.raw(['rev-parse', '--git-path', 'MERGE_HEAD'])).trim();
  return mergeHead !== '' && fs.existsSync(path.resolve(dir, mergeHead));
}

const STATUS: Record<string, StagedStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
};

/**
 * Parses `--name-status -z`: `X\0path\0` per change, and `R<score>\0old\0new\0` (or `C`) for
 * renames and copies. A record cut short (it cannot happen with a git that finished) is dropped.
 */
export function parseNameStatusZ(out: string): StagedChange[] {
  const fields = out.split('\0');
  const changes: StagedChange[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++];
    if (code === '') continue;
    const status = STATUS[code[0]] ?? 'unknown';
    if (status === 'renamed' || status === 'copied') {
      const from = fields[i++];
      const to = fields[i++];
      if (from === undefined || to === undefined || to === '') break;
      changes.push({ status, path: to, from });
    } else {
      const path = fields[i++];
      if (path === undefined || path === '') break;
      changes.push({ status, path });
    }
  }
  return changes;
}
