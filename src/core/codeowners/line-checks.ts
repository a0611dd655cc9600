// What the batch walker (line-matcher.ts) verifies on a path once its index has found a
// pattern that may match: candidates.ts's restMatches and keyedMatches, restated on bytes
// (byte-glob.ts), and the best of a key's patterns for a path.
import { keepHiddenClasses } from '../hiddenClasses';
import { BytePattern, ByteSegment, EMPTY, PathBytes, SegKind } from './byte-glob';
import type { KeyedEntry, RestEntry } from './rule-index';

/** The walker's answer when no rule matches; ids of entries are 0 and up. */
export const NO_RULE = -1;

export const enum CheckKind {
  /** Some segment below `depth`, and the last one matches `segment` (`**` + one segment). */
  Last,
  /** Exactly one segment below `depth`, matching `segment`. */
  One,
  /** `pattern` matches all the segments below `depth`. */
  Full,
}

/** One pattern the walker must verify on a path, with the id it gives when it matches. */
export class Check {
  constructor(
    readonly id: number,
    readonly kind: CheckKind,
    /** Segments of literal prefix before what is checked (0 for keyed patterns). */
    readonly depth: number,
    readonly segment: ByteSegment,
    readonly pattern: BytePattern,
  ) {}

  /** restMatches/keyedMatches (candidates.ts) for the path's first n segments. */
  matches(path: PathBytes, n: number): boolean {
    const below = n - this.depth;
    switch (this.kind) {
      case CheckKind.Last:
        return below > 0 && this.segment.matches(path, n - 1);
      case CheckKind.One:
        return below === 1 && this.segment.matches(path, n - 1);
      case CheckKind.Full:
        return this.pattern.matches(path, this.depth, n);
    }
  }
}

const NO_PATTERN = new BytePattern([[]], 0);
export const ANY = new ByteSegment(SegKind.Any, EMPTY, { kind: 'any' });

/** A trie node's wildcard-tailed pattern (RestEntry), as candidates.ts's restMatches reads it. */
export function restCheck(id: number, e: RestEntry<unknown>): Check {
  if (e.lastOnly !== null) return new Check(id, CheckKind.Last, e.depth, ByteSegment.of(e.lastOnly), NO_PATTERN);
  if (e.oneOnly !== null) return new Check(id, CheckKind.One, e.depth, ByteSegment.of(e.oneOnly), NO_PATTERN);
  return new Check(id, CheckKind.Full, e.depth, ANY, BytePattern.of(e.rest));
}

/**
 * A keyed pattern (KeyedEntry), as keyedMatches reads it. (A name key's unproven entry has no
 * `lastOnly`: collectMatches's full check is this one's too.)
 */
export function keyedCheck(id: number, e: KeyedEntry<unknown>): Check {
  if (e.lastOnly !== null) return new Check(id, CheckKind.Last, 0, ByteSegment.of(e.lastOnly), NO_PATTERN);
  return new Check(id, CheckKind.Full, 0, ANY, BytePattern.of(e.item.segs));
}

/** A name or extension key's patterns, for files (self) and for directories (descendants). */
export interface KeyedSide {
  /** The best entry proven by the key alone, or NO_RULE. */
  proven: number;
  /** Entries that need more checked. */
  checks: Check[];
}

export function emptySide(): KeyedSide {
  return { proven: NO_RULE, checks: [] };
}

/** The better of `best` and what a key's patterns give the path's first n segments. */
export function sideBest(side: KeyedSide, path: PathBytes, n: number, best: number): number {
  let out = side.proven > best ? side.proven : best;
  const checks = side.checks;
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k];
    if (c.id > out && c.matches(path, n)) out = c.id;
  }
  return out;
}

/** Extension and last-segment patterns (keyedMatches): `**` + `*` is always true below the root. */
export function addChecks<E>(list: ReadonlyArray<KeyedEntry<E>>, idOf: (entry: E) => number, side: KeyedSide): void {
  for (const e of list) {
    const id = idOf(e.item.value);
    if (e.lastOnly !== null && e.lastOnly.kind === 'any') side.proven = Math.max(side.proven, id);
    else side.checks.push(keyedCheck(id, e));
  }
}

export const NO_CHECKS: Check[] = [];

// Each compile may build a walker and drop it with its matcher (see hiddenClasses.ts).
keepHiddenClasses(new Check(0, CheckKind.Last, 0, ANY, NO_PATTERN));
