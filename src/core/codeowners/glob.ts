// Linear-time glob matching of whole patterns, segment by segment.
//
// CODEOWNERS patterns come from the repository, so nothing here may backtrack: we never build
// a RegExp from a pattern. A pattern is compiled into segments (split on `/`); `**` segments
// split it into blocks. Within a segment, `*` splits the segment pattern into fixed-length
// pieces. Both levels are then matched the same way, by the classic argument for `*`-only
// globs: the first piece must be a prefix, the last a suffix, and every piece in between may be
// taken at its leftmost occurrence after the previous one (taking it later can only leave
// less room for the rest). That gives O(pattern × input) work in the worst case and usually
// O(input), with no exponential corner. Every loop charges the work meter (work.ts).

import type { SegmentMatcher } from './segment-glob';
import { segmentMatches } from './segment-match';
import { charge } from './work';

/**
 * A whole pattern as segment matchers, split into blocks at `**`. `blocks.length === 1` means
 * no `**`: the path must have exactly that many segments.
 */
export interface SegmentPattern {
  segments: SegmentMatcher[];
  blocks: SegmentMatcher[][];
  minSegments: number;
}

export function makeSegmentPattern(segments: SegmentMatcher[]): SegmentPattern {
  // Without `**` (most patterns) the one block is the segments themselves.
  let globstar = false;
  for (let i = 0; i < segments.length && !globstar; i++) globstar = segments[i].kind === 'globstar';
  if (!globstar) return { segments, blocks: [segments], minSegments: segments.length };
  const blocks: SegmentMatcher[][] = [[]];
  for (const m of segments) {
    if (m.kind === 'globstar') {
      // Adjacent `**` are one `**`.
      if (blocks[blocks.length - 1].length > 0 || blocks.length === 1) blocks.push([]);
    } else blocks[blocks.length - 1].push(m);
  }
  return { segments, blocks, minSegments: blocks.reduce((n, b) => n + b.length, 0) };
}

function blockAt(block: readonly SegmentMatcher[], segs: readonly string[], pos: number): boolean {
  for (let k = 0; k < block.length; k++) {
    if (!segmentMatches(block[k], segs[pos + k])) return false;
  }
  return true;
}

/** Does the pattern match segs[start..] exactly (all remaining segments)? */
export function matchSegments(p: SegmentPattern, segs: readonly string[], start = 0): boolean {
  return matchBlocks(p.blocks, p.minSegments, segs, start, segs.length, blockAt);
}

/** Does `block` (a stretch of a pattern between `**`s) match `path`'s segments from `pos` on? */
export type BlockTest<M, P> = (block: readonly M[], path: P, pos: number) => boolean;

/**
 * The search behind matchSegments, for any form of a path's segments (strings here, bytes in
 * byte-glob.ts): does a pattern of `blocks` (split at `**`) match segments from..n of `path`
 * exactly? One block means no `**`: exactly that many segments.
 */
export function matchBlocks<M, P>(blocks: ReadonlyArray<readonly M[]>, minSegments: number, path: P, from: number, n: number, blockAt: BlockTest<M, P>): boolean {
  charge(1);
  if (n - from < minSegments) return false;
  if (blocks.length === 1) return n - from === blocks[0].length && blockAt(blocks[0], path, from);
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!blockAt(first, path, from)) return false;
  const end = n - last.length;
  if (!blockAt(last, path, end)) return false;
  let pos = from + first.length;
  for (let k = 1; k < blocks.length - 1; k++) {
    const block = blocks[k];
    let found = -1;
    for (let at = pos; at + block.length <= end; at++) {
      if (blockAt(block, path, at)) {
        found = at;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + block.length;
  }
  return true;
}
