// The segments of a path held as a chain of directories (the matcher's directory states, the
// analysis's file tree), built on first use and kept per link of the chain.

/** A link of such a chain: the root has no parent and depth 0. */
export interface SegmentChain {
  readonly parent: SegmentChain | null;
  readonly name: string;
  readonly depth: number;
  /** The link's segments once built (null before, and always for links deeper than CACHED_DEPTH). */
  segsCache: string[] | null;
}

/** Links deeper than this keep no copy of their segments (see chainSegments). */
const CACHED_DEPTH = 1024;

/**
 * The segments of `link`'s path. Up to the nearest link that has them, then down: a loop, not
 * a recursion, for paths of thousands of segments (a repository's index can hold one, though
 * no checkout can). Each link keeps its own copy, so a chain holds depth² / 2 segments: deeper
 * than CACHED_DEPTH, a link builds them on each call and keeps none.
 */
export function chainSegments(link: SegmentChain): string[] {
  if (link.segsCache !== null) return link.segsCache;
  const chain: SegmentChain[] = [link];
  let up = link.parent;
  while (up !== null && up.segsCache === null) {
    chain.push(up);
    up = up.parent;
  }
  let segs: string[] = up === null ? [] : (up.segsCache as string[]);
  // Whether `segs` is this call's own array (pushed onto), not a link's kept one.
  let own = false;
  for (let k = chain.length - 1; k >= 0; k--) {
    const c = chain[k];
    if (c.parent === null) {
      segs = [];
      own = false;
    } else {
      // slice and push: Array.prototype.concat's generic path cost a quarter of a GitLab lookup.
      if (!own) segs = segs.slice();
      segs.push(c.name);
      own = c.depth > CACHED_DEPTH;
    }
    if (!own) c.segsCache = segs;
  }
  return segs;
}
