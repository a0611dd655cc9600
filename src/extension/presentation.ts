// How situations, owners and reasons read, shared by every surface so that the status bar,
// the hover and the sidebar say the same thing the same way. Plain strings, no vscode: the
// callers escape them for Markdown where needed.
import type { IdentityEntry } from '../core/identity/identity';
import { whyMine, type WhyMineWording } from '../core/identity/whyMine';
import { ownerKey } from '../core/codeowners/owners';
import type { Team } from '../core/practices/types';
import type { Situation } from '../core/situation/situation';

export interface SituationText {
  /** One word or two, for badges and headings. */
  label: string;
  /** A codicon id. */
  icon: string;
  /** The explorer badge (at most two characters). */
  badge: string;
}

export const SITUATIONS: Readonly<Record<Situation, SituationText>> = {
  mine: { label: 'Yours', icon: 'home', badge: '⌂' },
  upstream: { label: 'Upstream', icon: 'organization', badge: '↑' },
  unowned: { label: 'Unowned', icon: 'question', badge: '?' },
  'no-map': { label: 'No CODEOWNERS', icon: 'circle-slash', badge: '' },
};

/** `Payments (@acme/payments)` when ownership.yml names the team, else the handle. */
export function ownerLabel(owner: string, teams: readonly Team[]): string {
  const team = teams.find((t) => ownerKey(t.handle) === ownerKey(owner));
  return team?.name ? `${team.name} (${owner})` : owner;
}

export function ownersLabel(owners: readonly string[], teams: readonly Team[]): string {
  return owners.map((o) => ownerLabel(o, teams)).join(', ');
}

/** Short owners for a status bar: the first one and how many more. */
export function ownersShort(owners: readonly string[]): string {
  if (owners.length === 0) return 'no owner';
  return owners.length === 1 ? owners[0] : `${owners[0]} +${owners.length - 1}`;
}

export interface SituationFacts {
  situation: Situation;
  owners: readonly string[];
  teams: readonly Team[];
  /** Where the deciding rule is, e.g. `.github/CODEOWNERS:17`, or null when none matched. */
  ruleAt: string | null;
  mineAs?: { owner: string; why: IdentityEntry };
}

/** The situation stated plainly, in one sentence. */
export function situationSentence(f: SituationFacts): string {
  switch (f.situation) {
    case 'mine':
      return f.mineAs ? `You own this, as ${f.mineAs.owner} (${whyMine(f.mineAs.why, EDITOR_WORDING)}).` : 'You own this.';
    case 'upstream':
      return `Someone else owns this: ${ownersLabel(f.owners, f.teams)}.`;
    case 'unowned':
      return f.ruleAt ? `Nobody owns this: the rule at ${f.ruleAt} names no owners.` : 'Nobody owns this: no CODEOWNERS rule matches it.';
    case 'no-map':
      return 'This repository has no CODEOWNERS file, so nothing in it has an owner.';
  }
}

/** The editor's words for what differs by surface; the rest is shared (core/identity/whyMine). */
const EDITOR_WORDING: WhyMineWording = {
  explicit: 'one of your handles in the ownershipLens.me setting',
  // The "You" section says when a host's answer was fetched.
  host: (host, from) => (from === '' ? `your ${host} login` : `you are a member on ${host}, as ${from}`),
};

/** `.github/CODEOWNERS:17` */
export function ruleLocation(rule: { file: string; line: number }): string {
  return `${rule.file}:${rule.line}`;
}
