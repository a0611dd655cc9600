// segment-match.ts's and glob.ts's matchers over bytes, for the batch walker (line-matcher.ts):
// the same semantics, decided on a path's bytes where that is simple (literal, `*x` and `x*`
// segments of ASCII paths), and otherwise handed to segment-match.ts on the segment's text, made at
// most once per path (PathBytes.textOf).
import { sameBytes } from '../byteLines';
import { charge } from './work';
import { matchBlocks, type SegmentPattern } from './glob';
import type { SegmentMatcher } from './segment-glob';
import { segmentMatches } from './segment-match';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The FNV-1a hash of bytes[start, end), the same for a pattern's text as for a path's. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return h;
}

/** The text's bytes when it is ASCII; null otherwise (no ASCII path can equal it). */
export function asciiBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return null;
    out[i] = c;
  }
  return out;
}

/** One segment matcher in the form the walker checks on bytes. */
export const enum SegKind {
  Any,
  Literal,
  /** `*` then literal text: the segment ends with `bytes`. */
  Suffix,
  /** Literal text then `*`. */
  Prefix,
  /** Anything else: the segment is made a string and given to segment-match.ts. */
  Glob,
  /** Literal non-ASCII text, which no ASCII segment equals. */
  Never,
}

export class ByteSegment {
  constructor(
    readonly kind: SegKind,
    readonly bytes: Uint8Array,
    readonly source: SegmentMatcher,
    /** Glob: the shortest segment that can match (segment-match.ts checks it first, and so do we). */
    readonly minLength = 0,
    /** Glob: has a `*` (without one, only segments of exactly minLength can match). */
    readonly starred = true,
  ) {}

  static of(m: SegmentMatcher): ByteSegment {
    switch (m.kind) {
      case 'any':
        return new ByteSegment(SegKind.Any, EMPTY, m);
      case 'literal': {
        const bytes = asciiBytes(m.text);
        return bytes === null ? new ByteSegment(SegKind.Never, EMPTY, m) : new ByteSegment(SegKind.Literal, bytes, m);
      }
      case 'glob': {
        const pieces = m.glob.pieces;
        if (m.glob.starred && pieces.length === 2 && pieces[0].literal !== null && pieces[1].literal !== null) {
          const prefix = asciiBytes(pieces[0].literal);
          const suffix = asciiBytes(pieces[1].literal);
          if (prefix !== null && suffix !== null) {
            if (prefix.length === 0) return new ByteSegment(SegKind.Suffix, suffix, m);
            if (suffix.length === 0) return new ByteSegment(SegKind.Prefix, prefix, m);
          }
        }
        return new ByteSegment(SegKind.Glob, EMPTY, m, m.glob.minLength, m.glob.starred);
      }
      case 'globstar':
        return new ByteSegment(SegKind.Any, EMPTY, m);
    }
  }

  /** Does segment k of the path (non-empty, ASCII) match? */
  matches(path: PathBytes, k: number): boolean {
    const b = path.bytes;
    const start = path.starts[k];
    const end = path.ends[k];
    const n = this.bytes.length;
    switch (this.kind) {
      case SegKind.Any:
        return true;
      case SegKind.Literal:
        return end - start === n && sameBytes(b, start, this.bytes, 0, n);
      case SegKind.Suffix:
        // `*` needs no character of its own: `*.md` matches `.md`.
        return end - start >= n && sameBytes(b, end - n, this.bytes, 0, n);
      case SegKind.Prefix:
        return end - start >= n && sameBytes(b, start, this.bytes, 0, n);
      case SegKind.Glob:
        // The length tests segment-match.ts makes first, before the segment's text is made for it.
        if (this.starred ? end - start < this.minLength : end - start !== this.minLength) return false;
        return segmentMatches(this.source, path.textOf(k));
      case SegKind.Never:
        return false;
    }
  }
}

export const EMPTY = new Uint8Array(0);
/** For ASCII bytes (all the walker decides), any single-byte decoding gives the same text. */
const ASCII = new TextDecoder('latin1');

/**
 * The path being matched: its bytes and its segments' bounds (segment k is
 * bytes[starts[k], ends[k])). A segment's text, which only segment-match.ts needs, is made at
 * most once per path: a pattern tried at every directory below it asks for the same segments
 * again and again, and remaking them would cost depth × length.
 */
export class PathBytes {
  bytes: Uint8Array = EMPTY;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly texts: Array<string | undefined>;
  /** texts[0, textsUsed) may hold the current path's texts. */
  private textsUsed = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.texts = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** Starts on another path. */
  reset(bytes: Uint8Array): void {
    this.resetFrom(bytes, 0);
  }

  /**
   * Starts on another path whose first `kept` segments have the same bytes as this one's (the
   * caller sets their bounds): their texts, if made, still hold.
   */
  resetFrom(bytes: Uint8Array, kept: number): void {
    this.bytes = bytes;
    for (let k = kept; k < this.textsUsed; k++) this.texts[k] = undefined;
    if (this.textsUsed > kept) this.textsUsed = kept;
  }

  /** Segment k as a string (ASCII: one character per byte). */
  textOf(k: number): string {
    let text = this.texts[k];
    if (text === undefined) {
      const start = this.starts[k];
      const end = this.ends[k];
      if (end - start > 16) text = ASCII.decode(this.bytes.subarray(start, end));
      else {
        text = '';
        for (let i = start; i < end; i++) text += String.fromCharCode(this.bytes[i]);
      }
      charge(end - start);
      this.texts[k] = text;
      if (k >= this.textsUsed) this.textsUsed = k + 1;
    }
    return text;
  }
}

/** A whole pattern (or a trie pattern's tail) over byte segments: glob.ts's SegmentPattern. */
export class BytePattern {
  constructor(
    /** Split at `**`; one block: exactly that many segments. */
    readonly blocks: ByteSegment[][],
    readonly minSegments: number,
  ) {}

  static of(p: SegmentPattern): BytePattern {
    return new BytePattern(
      p.blocks.map((block) => block.map((m) => ByteSegment.of(m))),
      p.minSegments,
    );
  }

  /** glob.ts's matchSegments, on the path's segments from..n. */
  matches(path: PathBytes, from: number, n: number): boolean {
    return matchBlocks(this.blocks, this.minSegments, path, from, n, blockAt);
  }
}

function blockAt(block: readonly ByteSegment[], path: PathBytes, pos: number): boolean {
  for (let k = 0; k < block.length; k++) {
    charge(1);
    if (!block[k].matches(path, pos + k)) return false;
  }
  return true;
}
