// What a lookup works with: the best match per section so far (Accumulator), the path being
// matched as the index sees it (PathView), and what is known about a directory (DirState, the
// matcher's memo). The matcher (matcher.ts) builds and walks them.

import type { MatchSink, PathLike } from './candidates';
import { chainSegments, type SegmentChain } from './chain-segments';
import type { Entry as SharedEntry } from './entries';
import type { RestEntry, TrieNode } from './rule-index';
import type { OwnershipResult } from './types';

/** An entry (entries.ts) with what a lookup hands back for it. */
export interface Entry extends SharedEntry {
  owners: string[];
  /** GitHub/Bitbucket: the answer for paths this entry decides, built once and shared. */
  result: OwnershipResult;
}

/**
 * The best match per section so far. One section without exclusions (every GitHub and
 * Bitbucket file) keeps a single field: lookups then allocate almost nothing.
 */
export class Accumulator implements MatchSink<Entry> {
  single: Entry | null = null;
  best: Array<Entry | null> | null = null;
  excluded: boolean[] | null = null;

  static fresh(sections: number, single: boolean): Accumulator {
    const acc = new Accumulator();
    if (!single) {
      acc.best = new Array<Entry | null>(sections).fill(null);
      acc.excluded = new Array<boolean>(sections).fill(false);
    }
    return acc;
  }

  /** Single-section only: restart from a directory's best match, without allocating. */
  from(single: Entry | null): Accumulator {
    this.single = single;
    return this;
  }

  copy(): Accumulator {
    const acc = new Accumulator();
    acc.single = this.single;
    if (this.best) {
      acc.best = this.best.slice();
      acc.excluded = (this.excluded as boolean[]).slice();
    }
    return acc;
  }

  accept(e: Entry): void {
    if (this.best === null) {
      if (this.single === null || e.priority > this.single.priority) this.single = e;
      return;
    }
    if (e.exclusion) {
      (this.excluded as boolean[])[e.section] = true;
      return;
    }
    const cur = this.best[e.section];
    if (cur === null || e.priority > cur.priority) this.best[e.section] = e;
  }
}

/**
 * A path being matched, seen the way the index needs it: its last segment, its number of
 * segments, and (only when a pattern needs more than the last segment) all its segments,
 * built on first use.
 */
export class PathView implements PathLike, SegmentChain {
  segsCache: string[] | null = null;

  constructor(
    public parent: PathView | null,
    public name: string,
    public depth: number,
  ) {}

  get segs(): string[] {
    return chainSegments(this);
  }

  /** Reuses this view for another path (the per-file view is recycled on every lookup). */
  reset(parent: PathView, name: string): void {
    this.parent = parent;
    this.name = name;
    this.depth = parent.depth + 1;
    this.segsCache = null;
  }
}

/** What is known about a directory: everything that applies to the paths below it. */
export class DirState extends PathView {
  /**
   * GitHub/Bitbucket: the best match so far, held here rather than in an Accumulator of its
   * own: a lookup is a chain of memory reads (the directory memo, this state, the entry), and
   * one object fewer in that chain is one cache miss fewer per path.
   */
  single: Entry | null = null;

  constructor(
    parent: DirState | null,
    name: string,
    /** GitLab: the best match per section so far; null for a single section (see `single`). */
    readonly acc: Accumulator | null,
    /** Self-index trie node for this directory (null once the path leaves the trie). */
    readonly selfNode: TrieNode<Entry> | null,
    /** Wildcard-tailed self patterns from the trie nodes along this directory's path. */
    readonly selfRest: ReadonlyArray<RestEntry<Entry>>,
    readonly descNode: TrieNode<Entry> | null,
    readonly descRest: ReadonlyArray<RestEntry<Entry>>,
  ) {
    super(parent, name, parent === null ? 0 : parent.depth + 1);
  }
}
