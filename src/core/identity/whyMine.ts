// Why a handle is mine, in words: one wording for every surface. Only what differs by surface
// is passed in: how a handle was given explicitly (`--me` or a setting) and how a host's answer
// reads there.
import { HOST_NAMES, type HostKind } from '../membership/types';
import type { IdentityEntry } from './identity';

export interface WhyMineWording {
  /** e.g. "given with --me". */
  explicit: string;
  /** A GitHub or GitLab answer: `from` is the team or login it confirmed ('' for the login itself). */
  host(host: string, from: string, fetchedAt: number | undefined, via: HostKind): string;
}

export function whyMine(why: IdentityEntry, wording: WhyMineWording): string {
  const from = why.from ?? '';
  switch (why.via) {
    case 'explicit':
      return wording.explicit;
    case 'git-email':
      return 'your git user.email';
    case 'git-noreply':
      return `your login in git's user.email ${from}`;
    case 'person':
      return `you, by ${from} in ownership.yml`;
    case 'team':
      return `you are a member, as ${from}`;
    case 'github':
    case 'gitlab':
      return wording.host(HOST_NAMES[why.via], from, why.fetchedAt, why.via);
  }
}
