// Text-level helpers of the CODEOWNERS reader: lines, whitespace, tokens and byte budgets,
// with no CODEOWNERS meaning of their own. Character loops only: no RegExp touches the file.

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';
}

/** The same test on a character code: the hot loops use it to avoid one-character strings. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 11;
}

/**
 * Whether `text` is blank as Rails reads it (String#blank?: `/\A[[:space:]]*\z/`, Unicode's
 * White_Space: ASCII spaces, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000). Not JavaScript's `\s`, which adds U+FEFF and lacks U+0085.
 */
export function isUnicodeBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) continue;
    return false;
  }
  return true;
}

/** Splits into lines without the terminators; a trailing newline does not add a line. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

export interface Token {
  text: string;
  /** 0-based offset in the line. */
  start: number;
}

/** Whitespace-separated tokens of s[from..]. */
export function tokens(s: string, from: number): Token[] {
  const out: Token[] = [];
  let i = from;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
    out.push({ text: s.slice(start, i), start });
  }
  return out;
}

export function onlySlashes(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 47) return false;
  return true;
}

export function hasUnescaped(s: string, ch: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return true;
  }
  return false;
}

/** Length (UTF-16 units) of the longest run of whole lines of `text` that fits in `maxBytes` of UTF-8. */
export function wholeLinesWithin(text: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : isPair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    if (isPair) i++;
  }
  if (i >= text.length) return text.length;
  // A line cut in the middle is dropped whole: its owners would be a guess.
  return text.lastIndexOf('\n', i - 1) + 1;
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
