// What is staged for the next commit, as plain data. The git layer produces it (from
// `git diff --cached --name-status`, or the editor's Git API); the reminders consume it.

export type StagedStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'unknown';

export interface StagedChange {
  status: StagedStatus;
  /** Repository-relative, forward slashes: the path the commit will have (for a deletion, the path removed). */
  path: string;
  /** Renames and copies: the path it came from. */
  from?: string;
}

/** One path a change touches, and how it looks from there. */
export interface TouchedPath {
  path: string;
  change: StagedChange;
  /** The old path of a rename: the change takes the file away from here, to `change.path`. */
  side: 'old' | 'new';
}

/**
 * The paths whose owners a change concerns. A rename concerns both: the old owners lose the
 * file, the new owners gain it. A copy leaves its source as it was, so only the copy counts.
 */
export function touchedPaths(change: StagedChange): TouchedPath[] {
  if (change.status === 'renamed' && change.from !== undefined && change.from !== change.path) {
    return [
      { path: change.from, change, side: 'old' },
      { path: change.path, change, side: 'new' },
    ];
  }
  return [{ path: change.path, change, side: 'new' }];
}
