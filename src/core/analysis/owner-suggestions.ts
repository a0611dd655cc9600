// The owners worth offering while an owner is typed in CODEOWNERS: the teams and people
// `.github/ownership.yml` describes (with their names), then the owners the file already
// names (most used first), then GitLab's roles. A handle picked from the list is one the
// unknown-owner check (owners-check.ts) will not flag, and one spelled as the file spells it.

import { classifyOwner, GITLAB_ROLE_NAMES, ownerKey } from '../codeowners/owners';
import type { OwnerKind, ParsedCodeowners } from '../codeowners/types';
import type { OwnershipConfig } from '../practices/types';

export interface OwnerSuggestion {
  text: string;
  kind: OwnerKind;
  /** The team's or person's name in ownership.yml. */
  name?: string;
  description?: string;
  /** Listed in ownership.yml. */
  listed: boolean;
  /** How often the file names it: on rules (a GitLab rule without owners names its section's defaults) and on section headers. */
  uses: number;
}

const GITLAB_ROLES = GITLAB_ROLE_NAMES.map((name) => `@@${name}`);

export function ownerSuggestions(parsed: ParsedCodeowners, config: OwnershipConfig): OwnerSuggestion[] {
  const uses = new Map<string, { text: string; count: number }>();
  const use = (text: string) => {
    const key = ownerKey(text);
    const seen = uses.get(key);
    if (seen) seen.count++;
    else uses.set(key, { text, count: 1 });
  };
  for (const rule of parsed.rules) for (const o of rule.owners) use(o.text);
  for (const header of parsed.headers) for (const o of header.defaultOwners) use(o.text);

  const out: OwnerSuggestion[] = [];
  const offered = new Set<string>();
  const offer = (text: string, extra: { name?: string; description?: string; listed: boolean }) => {
    const key = ownerKey(text);
    const kind = classifyOwner(text, parsed.flavor);
    if (kind === null || offered.has(key)) return;
    offered.add(key);
    out.push({ text, kind, ...extra, uses: uses.get(key)?.count ?? 0 });
  };
  for (const team of config.teams.values()) offer(team.handle, { name: team.name, description: team.description, listed: true });
  for (const person of config.people) {
    offer(person.handle, { name: person.name, listed: true });
    for (const email of person.emails) offer(email, { name: person.name, listed: true });
  }
  for (const { text } of [...uses.values()].sort((a, b) => b.count - a.count)) offer(text, { listed: false });
  if (parsed.flavor === 'gitlab') for (const role of GITLAB_ROLES) offer(role, { listed: false });
  return out;
}
