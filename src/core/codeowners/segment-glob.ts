// One segment of a CODEOWNERS pattern (no `/` inside), compiled: a literal name, `*`, `**`, or
// a glob of pieces between stars, each piece a run of characters, `?` and (GitLab) `[...]`
// classes. Matching a segment is segment-match.ts; a whole pattern, glob.ts.
//
// Nothing here builds a RegExp from the pattern: patterns come from the repository.

import { charge } from './work';

/**
 * One character of a segment pattern: a literal character, `?`, or a `[...]` class. A
 * character is a code point, as Ruby's fnmatch reads UTF-8: `?` takes one emoji, not half of
 * one (JavaScript strings count such a character as two code units).
 */
export type Atom =
  | { kind: 'char'; ch: string; code: number }
  | { kind: 'one' }
  | { kind: 'class'; negate: boolean; ranges: Array<[number, number]> };

/** A run of atoms between stars. `literal` is set when every atom is a plain character. */
export interface Piece {
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
