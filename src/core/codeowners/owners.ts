// Recognising owners in a rule line. Each host accepts a slightly different set:
//   GitHub/Bitbucket: `@user`, `@org/team`, `email@domain`.
//   GitLab: `@user`, `@group/subgroup/...` (any depth), `email`, and roles `@@developer`,
//   `@@maintainer`, `@@owner` (a plural `s` is accepted).
// All checks are character loops or regexes without nested quantifiers: owner tokens come
// from the repository, and no check may backtrack.

import type { Flavor, OwnerKind } from './types';

const HANDLE_CHAR = /^[A-Za-z0-9_.-]+$/;
const GITLAB_ROLE = /^@@(developer|maintainer|owner)s?$/i;

function isEmail(token: string): boolean {
  const at = token.indexOf('@');
  if (at <= 0 || at !== token.lastIndexOf('@')) return false;
  const domain = token.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || dot === domain.length - 1) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    // No whitespace, control characters or quotes in an address we accept.
    if (c <= 32 || c === 127 || c === 34 || c === 39 || c === 60 || c === 62) return false;
  }
  return true;
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
