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

export interface MapNode {
  name: string;
  /** Repository-relative; '' for the root. */
  path: string;
  files: number;
  unowned: number;
  /** The main owners: [owner id, files], most files first. */
  owners: Array<[number, number]>;
  children: MapNode[];
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
  const node = (d: DirNode): MapNode => {
    const { perOwner, unowned } = ownerCounts(fo, d.start, d.end);
    const owners: Array<[number, number]> = [];
    perOwner.forEach((files, id) => files > 0 && owners.push([id, files]));
    owners.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    owners.length = Math.min(owners.length, topOwners);
    const children = d.children.filter((c) => kept.has(c)).map(node);
    return { name: d.name, path: d.path, files: d.size, unowned, owners, children };
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
