// Finding the path under the mouse: a string literal or import specifier, a Markdown link, or
// a path-like word (YAML values, CODEOWNERS patterns, paths in prose). Pure text work, no
// vscode and no file system: resolvePath.ts decides which candidates are real files.
//
// Bounded: only WINDOW characters either side of the mouse are looked at, every scan is a
// single pass, and no regular expression runs over the line, so a minified file or a
// 100,000-character line costs the same as a short one.

export type CandidateKind = 'link' | 'quoted' | 'word';

export interface PathCandidate {
  /** The path as written, cleaned: no quotes, fragment, query, line suffix or glob tail. */
  path: string;
  /** Columns in the line (UTF-16), end exclusive: what the hover highlights. */
  start: number;
  end: number;
  kind: CandidateKind;
}

export interface CandidateOptions {
  languageId: string;
  /** The document is a CODEOWNERS file: the first word of a line is a pattern, `\ ` escapes a space. */
  codeowners?: boolean;
}

export const WINDOW = 400;
export const MAX_PATH_LENGTH = 1024;

/** Languages where a bare word (not in quotes or a link) may well be a path. */
const PROSE_LANGUAGES = new Set(['markdown', 'yaml', 'plaintext', 'codeowners', 'ignore', 'properties', 'toml', 'ini', 'restructuredtext', 'asciidoc', 'dockerfile', 'makefile', 'shellscript']);

/** The candidates at `character`, most specific first, without repeats. */
export function pathCandidatesAt(line: string, character: number, options: CandidateOptions): PathCandidate[] {
  if (character < 0 || character > line.length) return [];
  const from = Math.max(0, character - WINDOW);
  const to = Math.min(line.length, character + WINDOW);
  const found: PathCandidate[] = [];
  const add = (raw: { start: number; end: number } | undefined, kind: CandidateKind) => {
    if (!raw) return;
    const path = cleanPath(line.slice(raw.start, raw.end), kind, options);
    if (path === undefined || !looksLikePath(path, kind, options)) return;
    if (!found.some((c) => c.path === path)) found.push({ path, start: raw.start, end: raw.end, kind });
  };
  if (options.languageId === 'markdown' || options.languageId === 'mdx') add(markdownLinkTarget(line, character, from, to), 'link');
  if (!options.codeowners) {
    const quoted = quotedSpan(line, character, from, to);
    // A template with substitutions is built at run time: no part of it is a path as written.
    if (quoted && line.slice(quoted.start, quoted.end).includes('${')) return found;
    add(quoted, 'quoted');
  }
  // Last, the word under the mouse: a path in prose, in a comment, or inside a longer string.
  add(wordSpan(line, character, from, to, options), 'word');
  return found;
}

/** `[label](target)` or `[ref]: target` around `ch`: the target's span. */
function markdownLinkTarget(line: string, ch: number, from: number, to: number): { start: number; end: number } | undefined {
  // On a target in angle brackets, which may hold spaces: walk left to `](<` without crossing `>`.
  let a = ch;
  while (a > from + 2 && line[a - 1] !== '>' && !(line[a - 1] === '<' && line[a - 2] === '(' && line[a - 3] === ']')) a--;
  if (a > from + 2 && line[a - 1] === '<') return targetFrom(line, a - 1, to);
  // On the target: walk left to `](` without crossing whitespace or a parenthesis.
  let i = ch;
  while (i > from && !isSpace(line[i - 1]) && line[i - 1] !== '(' && line[i - 1] !== ')') i--;
  if (i >= 2 && line[i - 1] === '(' && line[i - 2] === ']') return targetFrom(line, i, to);
  // On the label: walk left to `[`, right to `](`, neither crossing a bracket.
  let l = ch;
  while (l > from && line[l - 1] !== '[' && line[l - 1] !== ']') l--;
  if (l > from && line[l - 1] === '[') {
    let r = ch;
    while (r < to && line[r] !== ']' && line[r] !== '[') r++;
    if (r + 1 < to && line[r] === ']' && line[r + 1] === '(') return targetFrom(line, r + 2, to);
    // A reference definition: `[ref]: target` at the start of the line.
    if (line[r] === ']' && line[r + 1] === ':' && line.slice(0, l - 1).trim() === '') {
      let s = r + 2;
      while (s < to && isSpace(line[s])) s++;
      return targetFrom(line, s, to);
    }
  }
  return undefined;
}

function targetFrom(line: string, start: number, to: number): { start: number; end: number } | undefined {
  let s = start;
  let end: number;
  if (line[s] === '<') {
    s++;
    end = s;
    while (end < to && line[end] !== '>') end++;
  } else {
    end = s;
    while (end < to && !isSpace(line[end]) && line[end] !== ')') end++;
  }
  return end > s ? { start: s, end } : undefined;
}

/** The string literal holding `ch` (quotes excluded), scanning from the window's start. */
function quotedSpan(line: string, ch: number, from: number, to: number): { start: number; end: number } | undefined {
  let quote = '';
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        if (ch >= open && ch <= i) return i > open + 1 ? { start: open + 1, end: i } : undefined;
        quote = '';
      }
    } else if (c === '"' || c === "'" || c === '`') {
      if (i > ch) return undefined;
      quote = c;
      open = i;
    }
  }
  return undefined;
}

const WORD_STOP = new Set([' ', '\t', '"', "'", '`', '(', ')', '[', ']', '{', '}', '<', '>', ',', ';', '|', '=']);

/** The run of path-like characters around `ch`; in CODEOWNERS a backslash escapes the next one. */
function wordSpan(line: string, ch: number, from: number, to: number, options: CandidateOptions): { start: number; end: number } | undefined {
  const escapes = options.codeowners === true;
  const stop = (i: number) => WORD_STOP.has(line[i]) && !(escapes && i > 0 && line[i - 1] === '\\');
  if (ch < line.length && stop(ch) && (ch === 0 || stop(ch - 1))) return undefined;
  let s = Math.min(ch, line.length);
  while (s > from && !stop(s - 1)) s--;
  let e = ch;
  while (e < to && !stop(e)) e++;
  return e > s ? { start: s, end: e } : undefined;
}

/** The candidate as a path to try, or undefined when it cannot be one. */
export function cleanPath(raw: string, kind: CandidateKind, options: CandidateOptions): string | undefined {
  let p = raw.trim();
  if (p.length === 0 || p.length > MAX_PATH_LENGTH) return undefined;
  // URLs, data, template and variable syntax are not workspace paths.
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(p) || p.startsWith('//') || /^[~$%#@]/.test(p) || p.includes('${') || p.includes('{{')) return undefined;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) < 32) return undefined;
  if (kind === 'link') {
    p = cut(p, '#');
    p = cut(p, '?');
    try {
      p = decodeURIComponent(p);
    } catch {
      return undefined;
    }
  }
  if (kind === 'word') {
    // Sentence punctuation after a path in prose, and the colon of `key:` in YAML.
    while (p.length > 0 && '.,;:!?'.includes(p[p.length - 1])) p = p.slice(0, -1);
  }
  // `src/a.ts:12:3`, `src/a.ts#L12`
  p = p.replace(/(?::\d+){1,2}$/, '').replace(/#L\d+(?:-L?\d+)?$/, '');
  if (options.codeowners) p = p.replace(/\\(.)/g, '$1');
  // A glob over a directory stands for the directory: `docs/**`, `services/payments/*`.
  p = p.replace(/(?:\/\*\*?)+$/, '/');
  if (/[*?[\]{}]/.test(p)) return undefined;
  if (p === '' || p === '/' || /^\.{1,2}\/?$/.test(p)) return undefined;
  return p;
}

/** Enough like a path to be worth a few file-system probes. */
function looksLikePath(p: string, kind: CandidateKind, options: CandidateOptions): boolean {
  if (p.includes('/')) return true;
  // In code, a bare word is an identifier far more often than a file.
  if (kind === 'word' && !options.codeowners && !PROSE_LANGUAGES.has(options.languageId)) return false;
  if (kind === 'word' && options.codeowners) return true;
  // A file name with an extension: `README.md`, `package.json` (but not `1.5` or `e.g`).
  const dot = p.lastIndexOf('.');
  return dot > 0 && dot < p.length - 1 && /^[A-Za-z0-9_-]{1,10}$/.test(p.slice(dot + 1)) && /[A-Za-z]/.test(p.slice(dot + 1)) && !/^\d+$/.test(p.slice(0, dot));
}

function cut(p: string, mark: string): string {
  const i = p.indexOf(mark);
  return i < 0 ? p : p.slice(0, i);
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}
