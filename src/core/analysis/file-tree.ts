// The tracked files of a repository, laid out so that every directory's files are one
// contiguous range of indices.
//
// That layout is what makes the analysis cheap: a rule that applies to everything below a
// directory matches one range [start, end), whatever the number of files, and a rule's whole
// match set is a short sorted list of ranges. Sorted paths have the layout for free (strings
// sharing the prefix `dir/` are adjacent in any lexicographic order), and `git ls-files`
// prints them sorted: the tree is built in one pass with a stack of open directories, with
// no hashing and no copy of the list. Other input is sorted first.

import { chainSegments, type SegmentChain } from '../codeowners/chain-segments';
import { normalizeRepoPath } from '../codeowners/repo-path';

export class DirNode implements SegmentChain {
  /** The files below this directory (at any depth) are the tree indices [start, end). */
  start = 0;
  end = 0;
  /** Subdirectories in tree order; a directory's own files are interleaved with them. */
  readonly children: DirNode[] = [];
  segsCache: string[] | null = null;

  constructor(
    readonly parent: DirNode | null,
    /** Last segment; '' for the root. */
    readonly name: string,
    /** Repository-relative path; '' for the root. */
    readonly path: string,
    /** Number of segments (0 for the root). */
    readonly depth: number,
  ) {}

  /** The path's segments, built on first use (only unusual patterns need them). */
  get segs(): string[] {
    return chainSegments(this);
  }

  get size(): number {
    return this.end - this.start;
  }
}

export class FileTree {
  private constructor(
    /** Every file's path, in tree order (sorted). */
    readonly paths: readonly string[],
    /** Every file's last segment, in tree order. */
    readonly names: readonly string[],
    /** Every file's directory, in tree order. */
    readonly dirOf: readonly DirNode[],
    readonly root: DirNode,
    /** Number of directories, the root included. */
    readonly dirCount: number,
  ) {}

  get size(): number {
    return this.paths.length;
  }

  /**
   * Builds the tree from repository-relative paths (forward slashes); repeated paths count
   * once. Sorted input (what git prints) is used as it is; anything else is sorted first.
   */
  static from(input: readonly string[]): FileTree {
    const built = build(input) ?? build(canonical(input));
    // Canonical input always builds.
    if (built === null) throw new Error('FileTree: canonical paths did not build');
    return new FileTree(built.paths, built.names, built.dirOf, built.root, built.dirCount);
  }

  /** The directory at `path` ('' for the root), or undefined when no tracked file is below it. */
  dir(path: string): DirNode | undefined {
    let d: DirNode | undefined = this.root;
    if (path === '') return d;
    for (const seg of path.split('/')) {
      d = d.children.find((c) => c.name === seg);
      if (d === undefined) return undefined;
    }
    return d;
  }
}

interface Built {
  paths: readonly string[];
  names: string[];
  dirOf: DirNode[];
  root: DirNode;
  dirCount: number;
}

/**
 * One pass over sorted paths with a stack of open directories; null when the input is not
 * strictly increasing or not in canonical form (the caller then sorts and cleans it).
 */
function build(paths: readonly string[]): Built | null {
  const n = paths.length;
  const names = new Array<string>(n);
  const dirOf = new Array<DirNode>(n);
  const root = new DirNode(null, '', '', 0);
  let dirCount = 1;
  // The directories containing the previous file, innermost last.
  const open: DirNode[] = [root];
  // Per open directory, the first string after every path below it: sorted, the paths in
  // `dir/` are exactly those before `dir0` ('0' follows '/'), so one comparison per level
  // decides, without reading the path character by character.
  const bounds: string[] = [''];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const p = paths[i];
    const first = p.charCodeAt(0);
    if (p.length === 0 || first === 47 || (first === 46 && p.charCodeAt(1) === 47)) return null;
    if (!(prev < p)) return null;
    prev = p;
    const cut = p.lastIndexOf('/');
    if (cut === p.length - 1) return null;
    // Close the directories this path is not in; sorted input never comes back to them.
    let top = open[open.length - 1];
    while (top !== root && !(p < bounds[bounds.length - 1])) {
      top.end = i;
      open.pop();
      bounds.pop();
      top = open[open.length - 1];
    }
    // Open the directories between the innermost one still open and the file.
    let from = top === root ? 0 : top.path.length + 1;
    while (from <= cut) {
      const slash = p.indexOf('/', from);
      if (slash === from) return null; // an empty segment (`a//b`)
      const d = new DirNode(top, p.slice(from, slash), p.slice(0, slash), top.depth + 1);
      d.start = i;
      top.children.push(d);
      open.push(d);
      bounds.push(`${d.path}0`);
      dirCount++;
      top = d;
      from = slash + 1;
    }
    names[i] = cut < 0 ? p : p.slice(cut + 1);
    dirOf[i] = top;
  }
  for (const d of open) d.end = n;
  return { paths, names, dirOf, root, dirCount };
}

/** Sorted, without repeats, empty paths, `./`, leading, trailing or doubled slashes. */
function canonical(input: readonly string[]): string[] {
  const sorted = input.map(normalizeRepoPath).sort();
  const out: string[] = [];
  for (const p of sorted) if (p !== '' && p !== out[out.length - 1]) out.push(p);
  return out;
}
