// The one routine that finds which indexed patterns match a path, shared by the matcher (which
// keeps the best match per section) and the analysis (which records every match). Both walk a
// directory at a time and hand in the trie node reached so far and the wildcard-tailed
// patterns met on the way down; this module does the rest.

import { matchSegments, type SegmentPattern } from './glob';
import { segmentMatches } from './segment-match';
import type { KeyedEntry, RestEntry, RuleIndex, TrieNode } from './rule-index';

/** What the index needs to know of a path: its last segment, depth and (rarely) all segments. */
export interface PathLike {
  readonly name: string;
  /** Number of segments. */
  readonly depth: number;
  /** All segments; implementations build them on first use. */
  readonly segs: readonly string[];
}

/** Receives each matching pattern's value. An object, not a callback: no closure per lookup. */
export interface MatchSink<T> {
  accept(value: T): void;
}

/** A wildcard-tailed trie entry against a path; common shapes are decided on its last segment. */
export function restMatches<T>(e: RestEntry<T>, path: PathLike): boolean {
  const below = path.depth - e.depth;
  if (e.lastOnly !== null) return below > 0 && segmentMatches(e.lastOnly, path.name);
  if (e.oneOnly !== null) return below === 1 && segmentMatches(e.oneOnly, path.name);
  return lengthFits(e.rest, below) && matchSegments(e.rest, path.segs, e.depth);
}

function keyedMatches<T>(e: KeyedEntry<T>, path: PathLike): boolean {
  return e.lastOnly !== null ? segmentMatches(e.lastOnly, path.name) : wholeMatches(e.item.segs, path);
}

/**
 * Whether a pattern can match `n` segments at all: a cheap test before the path's segments are
 * built (building them costs a copy per directory, and for a path thousands of segments deep,
 * one per level of it).
 */
function lengthFits(p: SegmentPattern, n: number): boolean {
  return p.blocks.length === 1 ? n === p.minSegments : n >= p.minSegments;
}

/** matchSegments on the whole path, after the length test. */
function wholeMatches(p: SegmentPattern, path: PathLike): boolean {
  return lengthFits(p, path.depth) && matchSegments(p, path.segs);
}

/** The wildcard-tailed patterns in force one level down, through `node`. */
export function extendRest<T>(rest: ReadonlyArray<RestEntry<T>>, node: TrieNode<T> | null): ReadonlyArray<RestEntry<T>> {
  if (node === null || node.rest.length === 0) return rest;
  return rest.length === 0 ? node.rest : rest.concat(node.rest);
}

/**
 * Hands `sink` every pattern of `index` that matches `path` in full: those at its trie node,
 * the wildcard-tailed ones from the nodes above it, those found by its last segment's name and
 * extension, and the few that must be tried everywhere.
 */
export function collectMatches<T>(index: RuleIndex<T>, node: TrieNode<T> | null, rest: ReadonlyArray<RestEntry<T>>, path: PathLike, sink: MatchSink<T>): void {
  if (index.isEmpty) return;
  if (node !== null) for (const item of node.exact) sink.accept(item.value);
  for (const e of rest) if (restMatches(e, path)) sink.accept(e.item.value);
  if (path.depth > 0) {
    const name = path.name;
    const named = index.named(name);
    if (named !== undefined) for (const e of named) if (e.proven || wholeMatches(e.item.segs, path)) sink.accept(e.item.value);
    const ext = index.byExtensionOf(name);
    if (ext !== undefined) for (const e of ext) if (keyedMatches(e, path)) sink.accept(e.item.value);
    for (const e of index.lastSegmentOnly) if (keyedMatches(e, path)) sink.accept(e.item.value);
  }
  for (const item of index.unindexed) if (wholeMatches(item.segs, path)) sink.accept(item.value);
}
