// Linear-time glob matching, one path segment at a time.
//
// CODEOWNERS patterns come from the repository, so nothing here may backtrack: we never build
// a RegExp from a pattern. A pattern is compiled into segments (split on `/`); `**` segments
// split it into blocks. Within a segment, `*` splits the segment pattern into fixed-length
// pieces. Both levels are then matched the same way, by the classic argument for `*`-only
// globs: the first piece must be a prefix, the last a suffix, and every piece in between may be
// taken at its leftmost occurrence after the previous one (taking it later can only leave
// less room for the rest). That gives O(pattern × input) work in the worst case and usually
// O(input), with no exponential corner. Every loop charges the work meter (work.ts).

import { charge } from './work';

/**
 * One character of a segment pattern: a literal character, `?`, or a `[...]` class. A
 * character is a code point, as Ruby's fnmatch reads UTF-8: `?` takes one emoji, not half of
 * one (JavaScript strings count such a character as two code units).
 */
type Atom =
  | { kind: 'char'; ch: string; code: number }
  | { kind: 'one' }
  | { kind: 'class'; negate: boolean; ranges: Array<[number, number]> };

/** A run of atoms between stars. `literal` is set when every atom is a plain character. */
interface Piece {
  atoms: Atom[];
  literal: string | null;
  /**
   * Its length in a segment without surrogate pairs: the literal's code units, or one per
   * atom (such a segment holds no character outside the Basic Multilingual Plane, so an atom
   * that is one never matches there, and every other atom takes one code unit).
   */
  units: number;
}

/** A compiled pattern for a single path segment containing at least one wildcard. */
export interface SegmentGlob {
  /** Pieces between stars; a pattern without `*` has exactly one piece and `starred` false. */
  pieces: Piece[];
  starred: boolean;
  /** Shortest segment that can match, in code units (sum of the pieces' `units`). */
  minLength: number;
  /**
   * Has `?` or a class, which take one code point: on a segment with surrogate pairs it is
   * matched code point by code point (globMatches). Without them, code units and code points
   * give the same answer (a literal is the same sequence of code units either way).
   */
  perCodePoint: boolean;
  /** The literal text after the last star, when there is one (used by the extension index). */
  literalSuffix: string | null;
}

export type SegmentMatcher =
  | { kind: 'literal'; text: string }
  /** `*` alone: any one segment. */
  | { kind: 'any' }
  | { kind: 'glob'; glob: SegmentGlob }
  /** `**` alone: zero or more segments. */
  | { kind: 'globstar' };

export interface GlobSyntax {
  /** GitLab (Ruby fnmatch) reads `[...]` as a character class; GitHub matches it literally. */
  classes: boolean;
  /**
   * Literal segments already made while compiling this file, to share: real files repeat
   * the same directory names in thousands of rules, and each object kept is one more for the
   * garbage collector to copy.
   */
  literals?: Map<string, SegmentMatcher>;
}

/**
 * Parses one segment of a pattern (no `/` inside). `**` that is not the whole segment behaves
 * as `*`, as in gitignore and fnmatch. Backslash escapes the next character.
 */
export function compileSegment(text: string, syntax: GlobSyntax): SegmentMatcher {
  if (text === '*') return { kind: 'any' };
  // Most segments are plain names: no need to look at them character by character.
  if (isPlain(text, syntax)) {
    const known = syntax.literals?.get(text);
    if (known !== undefined) return known;
    const made: SegmentMatcher = { kind: 'literal', text };
    syntax.literals?.set(text, made);
    return made;
  }
  const pieces: Piece[] = [];
  let atoms: Atom[] = [];
  let starred = false;
  let wild = false;
  let i = 0;
  const flush = (): void => {
    pieces.push(makePiece(atoms));
    atoms = [];
  };
  while (i < text.length) {
    const c = text[i];
    charge(1);
    if (c === '\\' && i + 1 < text.length) {
      const escaped = charAt(text, i + 1);
      atoms.push(escaped);
      i += 1 + escaped.ch.length;
    } else if (c === '*') {
      // Consecutive stars are one star inside a segment.
      while (i < text.length && text[i] === '*') i++;
      flush();
      starred = true;
      wild = true;
    } else if (c === '?') {
      atoms.push({ kind: 'one' });
      wild = true;
      i++;
    } else if (c === '[' && syntax.classes) {
      const parsed = parseClass(text, i);
      atoms.push(parsed.atom);
      wild = true;
      i = parsed.end;
    } else {
      const ch = charAt(text, i);
      atoms.push(ch);
      i += ch.ch.length;
    }
  }
  flush();
  if (!wild) return { kind: 'literal', text: pieces[0].literal ?? '' };
  const last = pieces[pieces.length - 1];
  return {
    kind: 'glob',
    glob: {
      pieces,
      starred,
      minLength: pieces.reduce((n, p) => n + p.units, 0),
      perCodePoint: pieces.some((p) => p.literal === null),
      literalSuffix: starred && last.literal !== null && last.literal.length > 0 ? last.literal : null,
    },
  };
}

function isPlain(text: string, syntax: GlobSyntax): boolean {
  charge(1);
  return !(text.includes('*') || text.includes('?') || text.includes('\\') || (syntax.classes && text.includes('[')));
}

/** The character (code point) at text[i], as an atom. */
function charAt(text: string, i: number): { kind: 'char'; ch: string; code: number } {
  const code = text.codePointAt(i) as number;
  return { kind: 'char', ch: String.fromCodePoint(code), code };
}

function makePiece(atoms: Atom[]): Piece {
  let literal: string | null = '';
  for (const a of atoms) {
    if (a.kind !== 'char') {
      literal = null;
      break;
    }
    literal += a.ch;
  }
  return { atoms, literal, units: literal !== null ? literal.length : atoms.length };
}

/**
 * Parses `[...]` starting at `start` (the `[`), as Ruby's fnmatch reads it: the first `]`
 * closes the class, even right after the `[` (`[]` matches nothing, `[!]` any character); `\`
 * escapes; `a-z` is a range, and a reversed one (`z-a`) holds only its two ends. A class with
 * no closing bracket makes the match fail wherever it is reached: it is returned as a class
 * that matches nothing, taking the rest of the segment with it.
 */
function parseClass(text: string, start: number): { atom: Atom; end: number } {
  let i = start + 1;
  let negate = false;
  if (text[i] === '!' || text[i] === '^') {
    negate = true;
    i++;
  }
  const ranges: Array<[number, number]> = [];
  // Ends of ranges are code points; `i` moves past each by its length in code units.
  const width = (code: number): number => (code > 0xffff ? 2 : 1);
  while (i < text.length) {
    charge(1);
    if (text[i] === ']') return { atom: { kind: 'class', negate, ranges }, end: i + 1 };
    if (text[i] === '\\' && i + 1 < text.length) i++;
    const lo = text.codePointAt(i) as number;
    i += width(lo);
    let hi = lo;
    if (text[i] === '-' && i + 1 < text.length && text[i + 1] !== ']') {
      i++;
      if (text[i] === '\\' && i + 1 < text.length) i++;
      hi = text.codePointAt(i) as number;
      i += width(hi);
    }
    ranges.push([lo, hi]);
  }
  return { atom: { kind: 'class', negate: false, ranges: [] }, end: text.length };
}

function atomMatches(a: Atom, code: number): boolean {
  switch (a.kind) {
    case 'char':
      return a.code === code;
    case 'one':
      return true;
    case 'class': {
      let hit = false;
      // A reversed range (`z-a`) holds only its two ends, as in Ruby.
      for (const [lo, hi] of a.ranges) {
        if ((code >= lo && code <= hi) || code === lo || code === hi) {
          hit = true;
          break;
        }
      }
      return hit !== a.negate;
    }
  }
}

/** Does `piece` match `s` at exactly `pos`? */
function pieceAt(piece: Piece, s: string, pos: number): boolean {
  if (piece.literal !== null) {
    charge(piece.literal.length || 1);
    return s.startsWith(piece.literal, pos);
  }
  const atoms = piece.atoms;
  for (let k = 0; k < atoms.length; k++) {
    charge(1);
    if (!atomMatches(atoms[k], s.charCodeAt(pos + k))) return false;
  }
  return true;
}

/** Leftmost position >= from where `piece` matches inside s[0, limit), or -1. */
function findPiece(piece: Piece, s: string, from: number, limit: number): number {
  const len = piece.units;
  if (piece.literal !== null) {
    const at = s.indexOf(piece.literal, from);
    charge((at < 0 ? s.length - from : at - from) + len + 1);
    return at >= 0 && at + len <= limit ? at : -1;
  }
  return shiftAndSearch(piece, (i) => s.charCodeAt(i), from, limit);
}

const WORD = 31;

/**
 * Bit-parallel search (Shift-And) for a piece with `?` or classes: one pass over the text,
 * ⌈length/31⌉ words of state per character, so a long run of near-matches cannot make it
 * quadratic the way trying every start position would.
 */
function shiftAndSearch(piece: Piece, codeAt: (i: number) => number, from: number, limit: number): number {
  const atoms = piece.atoms;
  const len = atoms.length;
  if (len === 0) return from <= limit ? from : -1;
  const words = Math.ceil(len / WORD);
  const state = new Uint32Array(words);
  const masks = new Map<number, Uint32Array>();
  const maskFor = (code: number): Uint32Array => {
    let m = masks.get(code);
    if (m === undefined) {
      m = new Uint32Array(words);
      for (let k = 0; k < len; k++) if (atomMatches(atoms[k], code)) m[(k / WORD) | 0] |= 1 << k % WORD;
      charge(len);
      masks.set(code, m);
    }
    return m;
  };
  const lastWord = ((len - 1) / WORD) | 0;
  const lastBit = 1 << (len - 1) % WORD;
  for (let i = from; i < limit; i++) {
    charge(words);
    const m = maskFor(codeAt(i));
    // state = ((state << 1) | 1) & mask, carried across words.
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const v = state[w];
      const out = (v >>> (WORD - 1)) & 1;
      state[w] = (((v << 1) | carry) & m[w]) & 0x7fffffff;
      carry = out;
    }
    if (state[lastWord] & lastBit) return i - len + 1;
  }
  return -1;
}

export function globMatches(g: SegmentGlob, s: string): boolean {
  charge(1);
  if (s.length < g.minLength) return false;
  if (g.perCodePoint && hasSurrogates(s)) return codePointsMatch(g, s);
  const pieces = g.pieces;
  if (!g.starred) return s.length === pieces[0].units && pieceAt(pieces[0], s, 0);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!pieceAt(first, s, 0)) return false;
  const end = s.length - last.units;
  if (!pieceAt(last, s, end)) return false;
  let pos = first.units;
  for (let k = 1; k < pieces.length - 1; k++) {
    const at = findPiece(pieces[k], s, pos, end);
    if (at < 0) return false;
    pos = at + pieces[k].units;
  }
  return true;
}

function hasSurrogates(s: string): boolean {
  charge(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * globMatches on the segment's code points (for a segment with characters outside the Basic
 * Multilingual Plane): the same leftmost-piece argument, each atom one code point.
 */
function codePointsMatch(g: SegmentGlob, s: string): boolean {
  const codes: number[] = [];
  for (const ch of s) codes.push(ch.codePointAt(0) as number);
  charge(codes.length);
  const pieces = g.pieces;
  const at = (piece: Piece, pos: number): boolean => {
    const atoms = piece.atoms;
    if (pos < 0 || pos + atoms.length > codes.length) return false;
    for (let k = 0; k < atoms.length; k++) {
      charge(1);
      if (!atomMatches(atoms[k], codes[pos + k])) return false;
    }
    return true;
  };
  if (!g.starred) return codes.length === pieces[0].atoms.length && at(pieces[0], 0);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const end = codes.length - last.atoms.length;
  if (end < first.atoms.length || !at(first, 0) || !at(last, end)) return false;
  let pos = first.atoms.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const found = shiftAndSearch(pieces[k], (i) => codes[i], pos, end);
    if (found < 0) return false;
    pos = found + pieces[k].atoms.length;
  }
  return true;
}

export function segmentMatches(m: SegmentMatcher, s: string): boolean {
  switch (m.kind) {
    case 'literal':
      charge(1);
      return m.text === s;
    case 'any':
      charge(1);
      return true;
    case 'glob':
      return globMatches(m.glob, s);
    case 'globstar':
      return true;
  }
}

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
