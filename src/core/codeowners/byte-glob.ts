// glob.ts's segment and pattern matchers over bytes, for the batch walker (line-matcher.ts):
// the same semantics, decided on a path's bytes where that is exact (ASCII paths, plain
// literal/prefix/suffix segments), and handed to glob.ts as a string otherwise.
import { charge } from './work';
import { segmentMatches, type SegmentMatcher, type SegmentPattern } from './glob';

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

export function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** One segment matcher in the form the walker checks on bytes. */
export const enum SegKind {
  Any,
  Literal,
  /** `*` then literal text: the segment ends with `bytes`. */
  Suffix,
  /** Literal text then `*`. */
  Prefix,
  /** Anything else: the segment is made a string and given to glob.ts. */
  Glob,
  /** Literal non-ASCII text, which no ASCII segment equals. */
  Never,
}

export class ByteSegment {
  constructor(
    readonly kind: SegKind,
    readonly bytes: Uint8Array,
    readonly source: SegmentMatcher,
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
        return new ByteSegment(SegKind.Glob, EMPTY, m);
      }
      case 'globstar':
        return new ByteSegment(SegKind.Any, EMPTY, m);
    }
  }

  /** Does the (non-empty, ASCII) segment bytes[start, end) match? */
  matches(b: Uint8Array, start: number, end: number): boolean {
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
        return segmentMatches(this.source, latin1(b, start, end));
      case SegKind.Never:
        return false;
    }
  }
}

export const EMPTY = new Uint8Array(0);

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
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

  /** glob.ts's matchSegments on the path's segments from..n (their bounds in starts/ends). */
  matches(b: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, n: number): boolean {
    charge(1);
    if (n - from < this.minSegments) return false;
    const blocks = this.blocks;
    if (blocks.length === 1) return n - from === blocks[0].length && blockAt(blocks[0], b, starts, ends, from);
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    if (!blockAt(first, b, starts, ends, from)) return false;
    const end = n - last.length;
    if (!blockAt(last, b, starts, ends, end)) return false;
    let pos = from + first.length;
    for (let k = 1; k < blocks.length - 1; k++) {
      const block = blocks[k];
      let found = -1;
      for (let at = pos; at + block.length <= end; at++) {
        if (blockAt(block, b, starts, ends, at)) {
          found = at;
          break;
        }
      }
      if (found < 0) return false;
      pos = found + block.length;
    }
    return true;
  }
}

function blockAt(block: ByteSegment[], b: Uint8Array, starts: Int32Array, ends: Int32Array, pos: number): boolean {
  for (let k = 0; k < block.length; k++) {
    charge(1);
    if (!block[k].matches(b, starts[pos + k], ends[pos + k])) return false;
  }
  return true;
}
