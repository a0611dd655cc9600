// Turns a CODEOWNERS pattern into a segment pattern plus two flags, per host.
//
// Every host's rule can be stated as: a pattern G over path segments, which applies to
//   - the path itself when G matches the whole path (`self`), and/or
//   - every path below a directory that G matches (`descendants`).
// GitHub `docs` is self+descendants of `**/docs`; `docs/` is descendants only; `docs/*` is
// self only (direct children, not recursive). GitLab hands patterns to Ruby's File.fnmatch
// after a normalisation (`/**/` in front of relative patterns, `**/*` after a trailing slash),
// which is self-only except the `X/**/*` tail, i.e. descendants of X. Stating both hosts this
// way lets the matcher answer "is this directory covered?" once per directory (matcher.ts).

import type { Flavor } from './types';
import { makeSegmentPattern, type SegmentPattern } from './glob';
import { compileSegment, type SegmentMatcher } from './segment-glob';

/** Literal segments shared between the patterns of one file (see GlobSyntax.literals). */
export type Literals = Map<string, SegmentMatcher>;

export interface CompiledPattern {
  segs: SegmentPattern;
  /** Applies to a path that G matches. */
  self: boolean;
  /** Applies to every path below a directory that G matches. */
  descendants: boolean;
  /** The host never matches anything with it (GitHub's `/`). */
  never: boolean;
}

/**
 * Splits on unescaped `/`, keeping escapes inside the parts. With `brackets` (GitLab), as
 * Ruby's fnmatch splits a pattern under FNM_PATHNAME: not at a `/` inside a bracket (from a `[`
 * to the next `]`), so `a[/b]` is one segment (a class holding `/` and `b`), and after a `[`
 * that is never closed there is no more split.
 */
function splitSegments(text: string, brackets: boolean): string[] {
  const open = brackets && text.includes('[');
  if (!open && !text.includes('\\')) return text.split('/');
  const parts: string[] = [];
  let cur = '';
  let inBracket = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
      continue;
    }
    if (open && c === '[') inBracket = true;
    else if (open && c === ']') inBracket = false;
    else if (c === '/' && !inBracket) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

const ANY: SegmentMatcher = Object.freeze({ kind: 'any' });
const GLOBSTAR: SegmentMatcher = Object.freeze({ kind: 'globstar' });

function toMatchers(parts: string[], classes: boolean, trailingDoubleStarIsStar: boolean, literals?: Literals): SegmentMatcher[] {
  const syntax = { classes, literals };
  // Most patterns have no `**`: map gives an exact-size array (the matchers are kept as long
  // as the compiled file, and an array grown by push from empty reserves 17 slots).
  if (!parts.includes('**')) return parts.map((p) => compileSegment(p, syntax));
  const out: SegmentMatcher[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === '**') {
      // fnmatch only recurses on `**/`; a final `**` is an ordinary `*` there.
      if (trailingDoubleStarIsStar && i === parts.length - 1) out.push(ANY);
      // `**/**` is `**`: keeping one lets the index see the pattern's real shape.
      else if (out.length === 0 || out[out.length - 1].kind !== 'globstar') out.push(GLOBSTAR);
    } else out.push(compileSegment(p, syntax));
  }
  return out.slice();
}

/** How many backslashes come right before text[at]. */
function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === 0x5c) n++;
  return n;
}

/** `\/` as `/`, other escapes as they are (`\\/` is an escaped backslash, then a separator). */
function unescapeSlashes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      out += text[i + 1] === '/' ? '/' : c + text[i + 1];
      i++;
    } else out += c;
  }
  return out;
}

/** GitHub and Bitbucket: gitignore-like, with GitHub's documented differences. */
export function compileGithubPattern(raw: string, literals?: Literals): CompiledPattern {
  let text = raw;
  const anchoredByLead = text.startsWith('/');
  if (anchoredByLead) text = text.slice(1);
  let dirOnly = false;
  // A final `/` unless a backslash escapes it: `a\\/` is the folder `a\`, `a\/` no folder.
  if (text.endsWith('/') && backslashesBefore(text, text.length - 1) % 2 === 0) {
    dirOnly = true;
    text = text.slice(0, -1);
  }
  // Git's matching reads `\/` as the `/` it escapes, a separator like any other.
  if (text.includes('\\/')) text = unescapeSlashes(text);
  if (text === '') {
    // `/` alone: GitHub reports that it "will never match anything".
    return { segs: makeSegmentPattern([]), self: false, descendants: false, never: anchoredByLead || dirOnly };
  }
  let parts = splitSegments(text, false);
  // A slash at the start or in the middle anchors the pattern to the root; otherwise it
  // matches at any depth.
  const anchored = anchoredByLead || parts.length > 1;
  if (!anchored) parts = ['**', ...parts];
  let self = true;
  let descendants = true;
  if (dirOnly) self = false;
  else if (parts[parts.length - 1] === '**') self = false;
  else if (parts[parts.length - 1] === '*') descendants = false; // `dir/*`: direct children only
  // Descendants of `X/**` are descendants of X: drop trailing `**` so X can be indexed.
  if (!self) while (parts.length > 0 && parts[parts.length - 1] === '**') parts = parts.slice(0, -1);
  // `*` (any name at any depth) is every path: say so as "below the root", which the
  // matcher answers once instead of per file.
  if (self && !descendants && parts.length === 2 && parts[0] === '**' && parts[1] === '*') return { segs: makeSegmentPattern([]), self: false, descendants: true, never: false };
  return { segs: makeSegmentPattern(toMatchers(parts, false, false, literals)), self, descendants, never: false };
}

/**
 * A GitHub/Bitbucket pattern that is a plain anchored path (`/services/billing/`,
 * `/apps/web/package.json`, `docs/adr`: no wildcard, bracket or escape, a leading or inner
 * slash), which is most of a real file, read as compileGithubPattern reads it: the names of
 * its segments, and whether it names a directory only (a trailing slash: its descendants);
 * otherwise it applies to the path itself and everything below it. Null for any other
 * pattern. The matcher puts such a path straight into its trie, with no segment matchers.
 */
export function githubLiteralPath(raw: string): { names: string[]; dirOnly: boolean } | null {
  let start = 0;
  let end = raw.length;
  if (raw.charCodeAt(0) === 47 /* / */) start = 1;
  const dirOnly = end > start && raw.charCodeAt(end - 1) === 47;
  if (dirOnly) end--;
  if (end <= start) return null;
  let inner = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    // `*` `?` `[` `]` `\`: compiled the general way.
    if (c === 42 || c === 63 || c === 91 || c === 93 || c === 92) return null;
    if (c === 47) inner = true;
  }
  // `docs` or `docs/` (no slash before its end): a name at any depth, not a path.
  if (start === 0 && !inner) return null;
  const names = raw.slice(start, end).split('/');
  // An empty, `.` or `..` part is compiled the general way too.
  if (names.some((n) => n === '' || n === '.' || n === '..')) return null;
  return { names, dirOnly };
}

/**
 * GitLab's normalisation of a pattern, as its `normalize_pattern` does: `*` becomes `/**\/*`,
 * a leading `\#` loses its backslash, escaped whitespace becomes a space, relative patterns
 * get `/**\/` in front and a trailing `/` gets `**\/*`. Entries are keyed by this string
 * within a section, which decides duplicate handling.
 */
export function normalizeGitlabPattern(raw: string): string {
  if (raw === '*') return '/**/*';
  let p = raw.startsWith('\\#') ? raw.slice(1) : raw;
  p = collapseEscapedWhitespace(p);
  if (!p.startsWith('/')) p = `/**/${p}`;
  if (p.endsWith('/')) p = `${p}**/*`;
  return p;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

/** `\` followed by a run of whitespace becomes one space (no regex over repository text). */
function collapseEscapedWhitespace(p: string): string {
  if (!p.includes('\\')) return p;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && i + 1 < p.length && isSpace(p[i + 1])) {
      while (i + 1 < p.length && isSpace(p[i + 1])) i++;
      out += ' ';
    } else out += p[i];
  }
  return out;
}

/** GitLab: fnmatch(normalized, "/" + path, FNM_PATHNAME | FNM_DOTMATCH). */
export function compileGitlabPattern(normalized: string, literals?: Literals): CompiledPattern {
  // Normalised patterns always start with `/`, matched against the path with a leading `/`.
  let matchers = toMatchers(splitSegments(normalized.slice(1), true), true, true, literals);
  let self = true;
  let descendants = false;
  const n = matchers.length;
  if (n >= 2 && matchers[n - 1].kind === 'any' && matchers[n - 2].kind === 'globstar') {
    // `X/**/*` is "at least one segment below X": descendants of X.
    matchers = matchers.slice(0, -2);
    self = false;
    descendants = true;
  }
  return { segs: makeSegmentPattern(matchers), self, descendants, never: false };
}

/**
 * Compiles a pattern. `literals` (one map per file being compiled) shares the literal
 * segments between its patterns.
 */
export function compilePattern(flavor: Flavor, raw: string, literals?: Literals): CompiledPattern {
  return flavor === 'gitlab' ? compileGitlabPattern(normalizeGitlabPattern(raw), literals) : compileGithubPattern(raw, literals);
}
