// The picture of ownership by directory, as data: a tree of directories with their number of
// files, unowned files and main owners. The HTML report and the editor's "Show ownership
// map" draw it; it is plain JSON so a webview can receive it as a message.
//
// A large monorepo has tens of thousands of directories, far more than a picture can show
// (or a page should carry): the map keeps the largest directories, up to a budget, and a
// directory's remaining files are left to its "other files" area. Largest-first keeps the
// picture balanced: a wide directory of many mid-sized packages still shows its packages.

import type { Analysis } from './analyzer';
import { fileOwners, ownerCounts, type FileOwners } from './coverage';
import type { DirNode } from './file-tree';

/** Files and their main owners. */
export interface MapCounts {
  files: number;
  unowned: number;
  /** The main owners: [owner id, files], most files first. */
  owners: Array<[number, number]>;
}

export interface MapNode extends MapCounts {
  name: string;
  /** Repository-relative; '' for the root. */
  path: string;
  children: MapNode[];
  /** The files not in `children`: the directory's own, and those of directories too small to keep. */
  rest: MapCounts | null;
}

export interface OwnershipMap {
  /** Owner texts by id. */
  owners: string[];
  root: MapNode;
}

export interface MapOptions {
  /** Directories kept, the root included. */
  maxNodes?: number;
  /** Deepest directory level kept (the root is 0). */
  maxDepth?: number;
  /** Main owners kept per directory. */
  topOwners?: number;
}

export function ownershipMap(analysis: Analysis, options: MapOptions = {}, fo: FileOwners = fileOwners(analysis)): OwnershipMap {
  const maxDepth = options.maxDepth ?? 8;
  const topOwners = options.topOwners ?? 3;
  const kept = largestDirectories(analysis.tree.root, options.maxNodes ?? 3000, maxDepth);
  const counts = (ranges: number[]): MapCounts => {
    const { perOwner, unowned, files } = ownerCounts(fo, ranges);
    const owners: Array<[number, number]> = [];
    perOwner.forEach((k, id) => k > 0 && owners.push([id, k]));
    owners.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    owners.length = Math.min(owners.length, topOwners);
    return { files, unowned, owners };
  };
  const node = (d: DirNode): MapNode => {
    const kids = d.children.filter((c) => kept.has(c));
    // The directory's range with its kept subdirectories cut out.
    const rest: number[] = [];
    let at = d.start;
    for (const c of kids) {
      if (c.start > at) rest.push(at, c.start);
      at = c.end;
    }
    if (d.end > at) rest.push(at, d.end);
    return { name: d.name, path: d.path, ...counts([d.start, d.end]), children: kids.map(node), rest: rest.length > 0 ? counts(rest) : null };
  };
  return { owners: fo.owners, root: node(analysis.tree.root) };
}

/**
 * The `budget` largest directories down to `maxDepth`. A directory is never smaller than its
 * subdirectories, so taking them largest-first (parents first on ties) keeps every kept
 * directory's parent: the result is a tree.
 */
function largestDirectories(root: DirNode, budget: number, maxDepth: number): Set<DirNode> {
  const all: DirNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const d = stack.pop() as DirNode;
    all.push(d);
    if (d.depth < maxDepth) for (const c of d.children) stack.push(c);
  }
  all.sort((a, b) => b.size - a.size || a.depth - b.depth);
  return new Set(all.slice(0, budget));
}
