// What a repository's files looked like on disk when its answers were read: whether each
// place where a CODEOWNERS or an ownership.yml may be holds a file, and which (inode, size,
// modification time). File watchers are the editor's news of a change, but they miss some:
// inotify's watch limit used up by a large monorepo, network and WSL drives, a folder made
// and removed behind the editor's back. Comparing stamps now and then catches what they miss.
// No vscode import (tested in Node).
import nodeFs = require('node:fs');

/** One string that changes when any of `paths` (absolute) is created, deleted, replaced or rewritten. */
export function stampOf(paths: readonly string[]): string {
  let stamp = '';
  for (const path of paths) {
    let st: nodeFs.Stats | undefined;
    try {
      st = nodeFs.statSync(path, { throwIfNoEntry: false });
    } catch {
      // Unreadable (a symlink loop, no permission): stamped as absent, like a missing file.
      st = undefined;
    }
    stamp += st ? `${st.ino}:${st.size}:${st.mtimeMs};` : '-;';
  }
  return stamp;
}

/** Files whose stamp is remembered, to ask later whether they changed since. */
export class FileStamp {
  private stamp: string;

  constructor(
    readonly paths: readonly string[],
    private readonly take: (paths: readonly string[]) => string = stampOf,
  ) {
    this.stamp = take(paths);
  }

  /** Whether the files changed since this was made or last asked; the new state is remembered. */
  changed(): boolean {
    const now = this.take(this.paths);
    if (now === this.stamp) return false;
    this.stamp = now;
    return true;
  }
}
