// The CONTRIBUTING guide that applies to a file: the nearest one between the file and its
// component's root, so a component's own guide wins over the repository's.
import path = require('node:path');
import type { FileSystem } from '../fs';

/** The spellings hosts render, probed in this order (probing avoids listing big directories). */
export const CONTRIBUTING_NAMES = ['CONTRIBUTING.md', 'contributing.md', 'Contributing.md', 'CONTRIBUTING', 'CONTRIBUTING.rst', 'CONTRIBUTING.txt', 'CONTRIBUTING.adoc'];
/** Where GitHub also looks for the repository-wide guide. */
export const ROOT_EXTRA_DIRS = ['.github', 'docs'];

/**
 * Repository-relative path of the nearest CONTRIBUTING file, looking in the file's directory
 * (or the folder itself) and each parent up to `stopAt` (a directory above `relPath`; '' is the
 * repository root, where `.github/` and `docs/` are searched too). Null when there is none.
 * `isDirectory`, when the caller knows it, saves asking the disk whether `relPath` is a folder.
 */
export function nearestContributing(fs: FileSystem, root: string, relPath: string, stopAt: string, isDirectory?: boolean): string | null {
  const segs = relPath.split('/').filter((s) => s.length > 0);
  const stopSegs = stopAt.split('/').filter((s) => s.length > 0);
  // A folder's own guide counts when the path is a folder.
  let depth = (isDirectory ?? fs.kind(path.join(root, ...segs)) === 'directory') ? segs.length : segs.length - 1;
  for (; depth >= stopSegs.length; depth--) {
    const hit = findIn(fs, root, segs.slice(0, depth));
    if (hit) return hit;
  }
  if (stopSegs.length === 0) {
    for (const extra of ROOT_EXTRA_DIRS) {
      const hit = findIn(fs, root, [extra]);
      if (hit) return hit;
    }
  }
  return null;
}

function findIn(fs: FileSystem, root: string, dir: string[]): string | null {
  const candidates = guideCandidates(path.join(root, ...dir));
  const at = candidates.findIndex((p) => fs.kind(p) === 'file');
  return at < 0 ? null : [...dir, CONTRIBUTING_NAMES[at]].join('/');
}

/**
 * The absolute paths of the guide's spellings in `dir` (an absolute, normalised directory), in
 * probing order: what path.join(dir, name) gives, without normalising the whole path again
 * for each of the seven names (an editor switch asks this for every directory above the file).
 */
export function guideCandidates(dir: string): string[] {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return CONTRIBUTING_NAMES.map((n) => prefix + n);
}
