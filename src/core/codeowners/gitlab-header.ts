// GitLab's section headers (`^[Name][N] @default owners`) as GitLab's own parser reads them,
// and the flavor detection that looks for them.

import { isSpace } from './line-text';
import type { Flavor } from './types';

/** GitLab section header, per GitLab's own parser: `^[Name][N] @default owners`. */
export interface HeaderSyntax {
  optional: boolean;
  name: string;
  nameColumn: number;
  approvals: number;
  defaultOwners: string;
  defaultOwnersColumn: number;
}

const WORD = /^[A-Za-z0-9_]$/;

/** Characters GitLab accepts in a header's default-owners part (`[@\w_.\-\/\s+]`). */
function isDefaultOwnerChar(c: string): boolean {
  return c === '@' || c === '.' || c === '-' || c === '/' || c === '+' || isSpace(c) || WORD.test(c);
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
  let approvals = 0;
  if (s[k] === '[') {
    let j = k + 1;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    if (s[j] === ']') {
      approvals = j > k + 1 ? Number(s.slice(k + 1, j)) : 0;
      k = j + 1;
    }
  }
  let defaultOwners = '';
  let defaultOwnersColumn = k;
  if (isSpace(s[k])) {
    let j = k;
    while (j < s.length && isDefaultOwnerChar(s[j])) j++;
    defaultOwners = s.slice(k, j);
    defaultOwnersColumn = k;
  }
  return { optional, name, nameColumn: i + 1, approvals, defaultOwners, defaultOwnersColumn };
}

/** Whether the text reads as GitLab's (section headers or roles). */
export function detectFlavor(text: string): Flavor {
  // Line by line without splitting the whole text first: a GitHub file is read to its end.
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const s = text.slice(start, end).trim();
    start = end + 1;
    if (s === '' || s[0] === '#') continue;
    if (s[0] === '[' || (s[0] === '^' && s[1] === '[')) {
      if (readHeader(s)) return 'gitlab';
    }
    if (s.includes(' @@') || s.includes('\t@@')) return 'gitlab';
  }
  return 'github';
}
