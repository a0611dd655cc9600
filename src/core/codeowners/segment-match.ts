// Matching one path segment against a compiled segment (segment-glob.ts), in linear time: the
// pieces between stars by their leftmost places, and a piece with `?` or classes found by a
// bit-parallel search, never by trying every start. Every loop charges the work meter (work.ts).

import type { Atom, Piece, SegmentGlob, SegmentMatcher } from './segment-glob';
import { charge } from './work';

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
  return piecesMatch(g, g.perCodePoint && hasSurrogates(s) ? new CodePoints(s) : new CodeUnits(s));
}

/**
 * A segment as the piece search reads it: by code unit (the common case, where literal pieces
 * are found with the string's own indexOf), or by code point, for a glob with `?` or a class on
 * a segment with characters outside the Basic Multilingual Plane.
 */
interface PieceText {
  readonly length: number;
  /** Positions the piece takes. */
  size(piece: Piece): number;
  /** Does the piece match at exactly `pos`? */
  at(piece: Piece, pos: number): boolean;
  /** Leftmost position >= from where the piece matches inside [0, limit), or -1. */
  find(piece: Piece, from: number, limit: number): number;
}

/**
 * The leftmost-piece argument (see glob.ts): the first piece is a prefix, the last a suffix,
 * and each one between is taken at its leftmost place after the one before.
 */
function piecesMatch(g: SegmentGlob, t: PieceText): boolean {
  const pieces = g.pieces;
  if (!g.starred) return t.length === t.size(pieces[0]) && t.at(pieces[0], 0);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const end = t.length - t.size(last);
  if (end < t.size(first) || !t.at(first, 0) || !t.at(last, end)) return false;
  let pos = t.size(first);
  for (let k = 1; k < pieces.length - 1; k++) {
    const at = t.find(pieces[k], pos, end);
    if (at < 0) return false;
    pos = at + t.size(pieces[k]);
  }
  return true;
}

class CodeUnits implements PieceText {
  readonly length: number;

  constructor(private readonly s: string) {
    this.length = s.length;
  }

  size(piece: Piece): number {
    return piece.units;
  }

  at(piece: Piece, pos: number): boolean {
    const s = this.s;
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

  find(piece: Piece, from: number, limit: number): number {
    const s = this.s;
    if (piece.literal !== null) {
      const at = s.indexOf(piece.literal, from);
      charge((at < 0 ? s.length - from : at - from) + piece.units + 1);
      return at >= 0 && at + piece.units <= limit ? at : -1;
    }
    return shiftAndSearch(piece, (i) => s.charCodeAt(i), from, limit);
  }
}

class CodePoints implements PieceText {
  private readonly codes: number[] = [];

  constructor(s: string) {
    for (const ch of s) this.codes.push(ch.codePointAt(0) as number);
    charge(this.codes.length);
  }

  get length(): number {
    return this.codes.length;
  }

  size(piece: Piece): number {
    return piece.atoms.length;
  }

  at(piece: Piece, pos: number): boolean {
    const atoms = piece.atoms;
    for (let k = 0; k < atoms.length; k++) {
      charge(1);
      if (!atomMatches(atoms[k], this.codes[pos + k])) return false;
    }
    return true;
  }

  find(piece: Piece, from: number, limit: number): number {
    return shiftAndSearch(piece, (i) => this.codes[i], from, limit);
  }
}

function hasSurrogates(s: string): boolean {
  charge(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
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
