// Every file each pattern matches, for many patterns at once, in one walk over the tree.
//
// Trying every pattern on every file would be rules × files (10^9 on a large monorepo). The
// patterns go into the same index the matcher uses (rule-index.ts): a trie of literal
// prefixes plus hashes by last name and extension. The walk descends the trie alongside the
// directory tree, so each directory and file only meets the patterns that can match it.
// Patterns that apply to everything below a directory are checked once per directory and
// record one range; file patterns are checked per file and record single files, merged with
// their neighbours. A walk with few patterns (re-analysis after an edit) also skips every
// subtree no pattern can reach.

import { collectMatches, extendRest, type MatchSink, type PathLike } from '../codeowners/candidates';
import type { CompiledPattern } from '../codeowners/pattern';
import { RuleIndex, type RestEntry, type TrieNode } from '../codeowners/rule-index';
import type { DirNode, FileTree } from './file-tree';

/** A set of files as sorted, disjoint, non-adjacent [start, end) pairs of tree indices. */
export interface MatchSet {
  readonly ranges: Int32Array;
  /** Number of files in the set. */
  readonly count: number;
}

export const EMPTY_SET: MatchSet = Object.freeze({ ranges: new Int32Array(0), count: 0 });

/** A file seen through its directory; reused for every file of the walk. */
class FileView implements PathLike {
  dir!: DirNode;
  name = '';
  depth = 0;
  private segsCache: string[] | null = null;

  reset(dir: DirNode, name: string): this {
    this.dir = dir;
    this.name = name;
    this.depth = dir.depth + 1;
    this.segsCache = null;
    return this;
  }

  get segs(): string[] {
    if (this.segsCache === null) this.segsCache = this.dir.segs.concat(this.name);
    return this.segsCache;
  }
}

/** The index state along the current directory's path (what the matcher memoises per directory). */
interface Cursor {
  selfNode: TrieNode<number> | null;
  selfRest: ReadonlyArray<RestEntry<number>>;
  descNode: TrieNode<number> | null;
  descRest: ReadonlyArray<RestEntry<number>>;
}

class Walk {
  private readonly self = new RuleIndex<number>();
  private readonly desc = new RuleIndex<number>();
  /** Patterns outside the trie (found by name, extension or tried everywhere): they forbid pruning. */
  private global = 0;
  private readonly ranges: number[][];
  private readonly lastEnd: Int32Array;
  private readonly file = new FileView();
  /** Receives the matches of the path being looked at; they cover the range [at, atEnd). */
  private readonly sink: MatchSink<number> = { accept: (id) => this.add(id, this.at, this.atEnd) };
  private at = 0;
  private atEnd = 0;

  constructor(
    private readonly tree: FileTree,
    patterns: ReadonlyArray<CompiledPattern | null>,
  ) {
    this.ranges = patterns.map(() => []);
    this.lastEnd = new Int32Array(patterns.length).fill(-1);
    patterns.forEach((p, id) => {
      if (p === null) return;
      const ms = p.segs.segments;
      if (ms.length > 0 && ms[0].kind !== 'literal') this.global++;
      if (p.self) this.self.add({ segs: p.segs, value: id });
      if (p.descendants) this.desc.add({ segs: p.segs, value: id });
    });
  }

  run(): MatchSet[] {
    const root = this.tree.root;
    if (this.tree.size > 0) this.walk(root, { selfNode: this.self.root, selfRest: this.self.root.rest, descNode: this.desc.root, descRest: this.desc.root.rest });
    return this.ranges.map((r) => {
      if (r.length === 0) return EMPTY_SET;
      let count = 0;
      for (let k = 0; k < r.length; k += 2) count += r[k + 1] - r[k];
      return { ranges: Int32Array.from(r), count };
    });
  }

  /** Records [s, e) for a pattern, unless a directory above already covers it. */
  private add(id: number, s: number, e: number): void {
    const last = this.lastEnd[id];
    // Ranges arrive in increasing order and directories nest, so "covered" is "ends later".
    if (last >= e) return;
    const r = this.ranges[id];
    if (last === s) r[r.length - 1] = e;
    else r.push(s, e);
    this.lastEnd[id] = e;
  }

  /**
   * Every directory below `root` with the files in it, in tree order (the ranges arrive
   * sorted). A loop over a stack of open directories, not a recursion: a repository's index
   * can hold a path thousands of directories deep.
   */
  private walk(root: DirNode, c: Cursor): void {
    const { names, dirOf } = this.tree;
    this.enter(root, c);
    const open: Open[] = [{ dir: root, c, i: root.start, child: 0 }];
    while (open.length > 0) {
      const top = open[open.length - 1];
      const dir = top.dir;
      if (top.i >= dir.end) {
        open.pop();
        continue;
      }
      // The directory's own files are interleaved with its subdirectories, in tree order.
      if (dirOf[top.i] !== dir) {
        const sub = dir.children[top.child++];
        top.i = sub.end;
        const next = this.cursorBelow(sub, top.c);
        if (next !== null) {
          this.enter(sub, next);
          open.push({ dir: sub, c: next, i: sub.start, child: 0 });
        }
        continue;
      }
      if (!this.self.isEmpty) {
        const name = names[top.i];
        const node = top.c.selfNode === null ? null : top.c.selfNode.child(name);
        this.at = top.i;
        this.atEnd = top.i + 1;
        collectMatches(this.self, node, extendRest(top.c.selfRest, node), this.file.reset(dir, name), this.sink);
      }
      top.i++;
    }
  }

  /** A directory's own matches in the descendants index: they cover everything below it. */
  private enter(dir: DirNode, c: Cursor): void {
    if (this.desc.isEmpty) return;
    this.at = dir.start;
    this.atEnd = dir.end;
    collectMatches(this.desc, c.descNode, c.descRest, dir, this.sink);
  }

  /** The cursor in `sub`, or null when its subtree can be skipped. */
  private cursorBelow(sub: DirNode, c: Cursor): Cursor | null {
    const selfNode = c.selfNode === null ? null : c.selfNode.child(sub.name);
    const descNode = c.descNode === null ? null : c.descNode.child(sub.name);
    const next: Cursor = { selfNode, selfRest: extendRest(c.selfRest, selfNode), descNode, descRest: extendRest(c.descRest, descNode) };
    // Nothing in the trie leads here and no pattern is looked up by name: skip the subtree.
    if (this.global === 0 && selfNode === null && descNode === null && next.selfRest.length === 0 && next.descRest.length === 0) return null;
    return next;
  }
}

/** A directory being walked: where its walk is (a tree index, its next subdirectory). */
interface Open {
  dir: DirNode;
  c: Cursor;
  i: number;
  child: number;
}

/** The files each pattern matches (null: matches nothing), in one walk. */
export function computeMatchSets(tree: FileTree, patterns: ReadonlyArray<CompiledPattern | null>): MatchSet[] {
  return new Walk(tree, patterns).run();
}

/** Whether tree index `i` is in the set (binary search over its ranges). */
export function setHas(set: MatchSet, i: number): boolean {
  const r = set.ranges;
  let lo = 0;
  let hi = r.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (r[2 * mid + 1] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo < r.length / 2 && r[2 * lo] <= i;
}
