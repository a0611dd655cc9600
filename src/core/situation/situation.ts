// The situation of a file for me. Every surface chooses what to show by it.
import type { IdentityEntry, Me } from '../identity/identity';

/**
 * `mine`: I am among its owners. `upstream`: others own it. `unowned`: no rule matches, or the
 * rule that does names no owners. `no-map`: the repository has no CODEOWNERS file.
 */
export type Situation = 'mine' | 'upstream' | 'unowned' | 'no-map';

export function situationOf(hasMap: boolean, owners: readonly string[], me: Me): Situation {
  if (!hasMap) return 'no-map';
  if (owners.length === 0) return 'unowned';
  return owners.some((o) => me.has(o)) ? 'mine' : 'upstream';
}

/** The first owner that is me, and why: what "mine" rests on. */
export function myOwnership(owners: readonly string[], me: Me): { owner: string; why: IdentityEntry } | undefined {
  for (const owner of owners) {
    const why = me.why(owner);
    if (why) return { owner, why };
  }
  return undefined;
}
