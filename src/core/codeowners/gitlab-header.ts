// GitLab's section headers (`^[Name][N] @default owners`) as GitLab's own parser reads them,
// and the flavor detection that looks for them.

import { isSpace } from './line-text';
import type { Flavor } from './types';

/**
 * GitLab section header, as GitLab's section parser reads it (its HEADER_REGEX,
 * `^(\^)?\[(.*?)\](?:\[([\s\d]*)\])?(\s*[@\w.\-/\s]*)?`, not anchored at the end):
 * `^[Name][N] @default owners`.
 */
export interface HeaderSyntax {
  optional: boolean;
  name: string;
  nameColumn: number;
  /** The approvals count as written between the second brackets (undefined without them). */
  rawApprovals: string | undefined;
  /** What GitLab makes of it (Ruby's to_i: leading digits after spaces, else 0). */
  approvals: number;
  defaultOwners: string;
  /** 0-based offset of defaultOwners in the header. */
  defaultOwnersColumn: number;
  /** What follows the part GitLab reads (it reports the header as malformed then), and its 0-based offset. */
  rest: string;
  restColumn: number;
}

const WORD = /^[A-Za-z0-9_]$/;

/** Characters GitLab reads as a header's default owners (`[@\w.\-/\s]`). */
function isDefaultOwnerChar(c: string): boolean {
  return c === '@' || c === '.' || c === '-' || c === '/' || isSpace(c) || WORD.test(c);
}

function isApprovalsChar(c: string): boolean {
  return (c >= '0' && c <= '9') || isSpace(c);
}

/** Ruby's String#to_i on the approvals text: digits after leading whitespace, else 0. */
function rubyToInt(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  let j = i;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
  return j > i ? Number(s.slice(i, j)) : 0;
}

export function readHeader(s: string): HeaderSyntax | null {
  let i = 0;
  const optional = s[0] === '^';
  if (optional) i++;
  if (s[i] !== '[') return null;
  const close = s.indexOf(']', i + 1);
  if (close < 0) return null;
  const name = s.slice(i + 1, close);
  let k = close + 1;
  let rawApprovals: string | undefined;
  if (s[k] === '[') {
    let j = k + 1;
    while (j < s.length && isApprovalsChar(s[j])) j++;
    if (s[j] === ']') {
      rawApprovals = s.slice(k + 1, j);
      k = j + 1;
    }
  }
  let j = k;
  while (j < s.length && isDefaultOwnerChar(s[j])) j++;
  return { optional, name, nameColumn: i + 1, rawApprovals, approvals: rawApprovals === undefined ? 0 : rubyToInt(rawApprovals), defaultOwners: s.slice(k, j), defaultOwnersColumn: k, rest: s.slice(j), restColumn: j };
}

/** Whether approvals text is a count as GitLab requires it (`^\s*\d+\s*$`). */
export function isApprovalsCount(raw: string): boolean {
  return /^\s*\d+\s*$/.test(raw);
}

/**
 * What keeps a header GitLab reads from its stricter form (STRICT_HEADER_REGEX, which it
 * reports as malformed when a header fails it and nothing else is wrong), said as the fix;
 * null when nothing does. Text after what GitLab reads (`rest`) is reported on its own.
 */
export function looseHeaderForm(h: HeaderSyntax): string | null {
  if (h.rawApprovals !== undefined && !/^[0-9]+$/.test(h.rawApprovals)) return `write the approvals as "[${h.rawApprovals.trim()}]"`;
  if (h.defaultOwners !== '' && !isSpace(h.defaultOwners[0])) return 'put a space between "]" and the default owners';
  return null;
}

/** Why auto read a text as GitLab's: the first line with a section header or a role owner. */
export interface FlavorEvidence {
  flavor: Flavor;
  /** 1-based line of the first GitLab sign; null when there is none (GitHub). */
  line: number | null;
  sign: 'section' | 'role' | null;
}

/** Why, in a few words: "line 4 is a GitLab section header", or that no line made it GitLab's. */
export function flavorReason(evidence: FlavorEvidence): string {
  if (evidence.sign === 'section') return `line ${evidence.line} is a GitLab section header`;
  if (evidence.sign === 'role') return `line ${evidence.line} names a GitLab role (@@)`;
  return 'no line is a GitLab section header or names a role';
}

/** Whether the text reads as GitLab's (section headers or roles). */
export function detectFlavor(text: string): Flavor {
  return detectFlavorEvidence(text).flavor;
}

/** detectFlavor, with the line that decided it, so that a tool can say why. */
export function detectFlavorEvidence(text: string): FlavorEvidence {
  // Line by line without splitting the whole text first: a GitHub file is read to its end.
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const s = text.slice(start, end).trim();
    start = end + 1;
    line++;
    if (s === '' || s[0] === '#') continue;
    if (s[0] === '[' || (s[0] === '^' && s[1] === '[')) {
      if (readHeader(s)) return { flavor: 'gitlab', line, sign: 'section' };
    }
    if (s.includes(' @@') || s.includes('\t@@')) return { flavor: 'gitlab', line, sign: 'role' };
  }
  return { flavor: 'github', line: null, sign: null };
}
