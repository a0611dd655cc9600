// Recognising owners in a rule line. Each host accepts a slightly different set:
//   GitHub/Bitbucket: `@user`, `@org/team`, `email@domain`.
//   GitLab: `@user`, `@group/subgroup/...` (any depth), `email`, and roles `@@developer`,
//   `@@maintainer`, `@@owner` (a plural `s` is accepted).
// All checks are character loops or regexes without nested quantifiers: owner tokens come
// from the repository, and no check may backtrack.

import type { Flavor, OwnerKind } from './types';

const HANDLE_CHAR = /^[A-Za-z0-9_.-]+$/;
const GITLAB_ROLE = /^@@(developer|maintainer|owner)s?$/i;

/**
 * Characters of an address's local part: RFC 5322's `atext` (letters, digits and
 * `!#$%&'*+-/=?^_{|}~`, the apostrophe of `o'neil@` included) and `.`, without the double
 * quote and backtick. Anything else (brackets,
 * parentheses, `<>`, `:`, `"`, control, bidi or zero-width characters, non-ASCII) is not in
 * an address a host would match to an account, but is in `[x](command:…)@x.io`, which reads as
 * a link wherever it is shown as Markdown.
 */
const LOCAL_CHAR = /^[A-Za-z0-9!#$%&'*+\-/=?^_{|}~.]$/;
/** Domain labels: ASCII letters, digits and inner hyphens (IDNs are written in punycode). */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** RFC 5321's limits: 64 characters before the `@`, 254 in all. */
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

function isEmail(token: string): boolean {
  if (token.length > MAX_EMAIL) return false;
  const at = token.indexOf('@');
  if (at <= 0 || at > MAX_LOCAL || at !== token.lastIndexOf('@')) return false;
  const local = token.slice(0, at);
  if (local.startsWith('.') || local.endsWith('.')) return false;
  for (let i = 0; i < local.length; i++) if (!LOCAL_CHAR.test(local[i])) return false;
  const labels = token.slice(at + 1).split('.');
  // At least `domain.tld`, and a top-level domain is never only digits.
  if (labels.length < 2 || /^[0-9]+$/.test(labels[labels.length - 1])) return false;
  return labels.every((l) => LABEL.test(l));
}

/** The kind of owner `token` is for `flavor`, or null when the host would not accept it. */
export function classifyOwner(token: string, flavor: Flavor): OwnerKind | null {
  if (token.startsWith('@@')) {
    return flavor === 'gitlab' && GITLAB_ROLE.test(token) ? 'role' : null;
  }
  if (token.startsWith('@')) {
    const parts = token.slice(1).split('/');
    if (parts.some((p) => p.length === 0 || !HANDLE_CHAR.test(p))) return null;
    if (parts.length === 1) return 'user';
    // GitHub teams are exactly `@org/team`; GitLab groups nest.
    if (flavor !== 'gitlab' && parts.length !== 2) return null;
    return 'team';
  }
  return isEmail(token) ? 'email' : null;
}

/** Owner handles compare case-insensitively on every host (and emails do too). */
export function ownerKey(owner: string): string {
  return owner.toLowerCase();
}
