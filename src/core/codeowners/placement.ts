// Whether a CODEOWNERS file is the one its repository is read by. Each host reads exactly one
// file per repository, the first found of a few places, so a CODEOWNERS in a subfolder, or in a
// later place than one that exists, changes nothing; yet it opens in the editor like the real
// one and its rules look as if they applied. Many believe nested files combine as .gitignore
// files do: none of the three hosts does that.

import type { EntryKind } from '../fs';
import { LOCATIONS } from './locate';
import type { Diagnostic, Flavor, FlavorSetting } from './types';

const HOSTS: Readonly<Record<Flavor, string>> = { github: 'GitHub', gitlab: 'GitLab', bitbucket: 'Bitbucket' };
const FLAVORS: readonly Flavor[] = ['github', 'gitlab', 'bitbucket'];

export interface Placement {
  /** The CODEOWNERS in question, repository-relative with forward slashes. */
  relative: string;
  /** What the search finds in the repository (what the hosts read), with its flavor (null: not known); null: nothing. */
  searched: { file: string; flavor: Flavor | null } | null;
  /** The file a setting names instead of the search, repository-relative; null when none is named. */
  named: string | null;
  setting: FlavorSetting;
  /** What is at a repository-relative path: whether another host's search would reach this file. */
  kindOf: (relative: string) => EntryKind | null;
}

/** A warning for line 1 of the file when no host, or not Ownership Lens, reads it; null when it is read. */
export function placementDiagnostic(p: Placement): Diagnostic | null {
  const hosts = p.setting === 'auto' ? FLAVORS : [p.setting];
  const warn = (code: string, message: string, read: { file: string; what: string } | null): Diagnostic => ({
    line: 1,
    column: 1,
    severity: 'warning',
    code,
    message,
    ...(read ? { related: [{ file: read.file, line: 1, column: 1, message: read.what }] } : {}),
  });
  const hostOf = (flavor: Flavor | null) => (flavor ? HOSTS[flavor] : 'the host');
  const searchedRead = p.searched ? { file: p.searched.file, what: `the CODEOWNERS ${hostOf(p.searched.flavor)} reads` } : null;
  if (!hosts.some((f) => LOCATIONS[f].includes(p.relative))) {
    const places = hosts.map((f) => `${HOSTS[f]}: ${LOCATIONS[f].join(', ')}`).join('; ');
    const who = p.setting === 'auto' ? 'No host reads' : `${HOSTS[p.setting]} does not read`;
    const target = p.searched?.file ?? 'one of those';
    const read = p.named === p.relative ? ' Ownership Lens reads it only because it was named (the codeownersPath setting, --codeowners).' : '';
    const slash = p.relative.lastIndexOf('/');
    const from = slash > 0 ? ` (its patterns are read from the repository root there, not from ${p.relative.slice(0, slash + 1)})` : '';
    return warn('unread-location', `${who} a CODEOWNERS here, so its rules take no effect on reviews. Each host reads one file per repository, the first found of (${places}); files in other folders are not combined with it, so move these rules into ${target}${from}.${read}`, searchedRead);
  }
  if (p.named !== null && p.named !== p.relative) {
    const hostToo = p.searched?.file === p.relative ? ` ${p.searched.flavor ? HOSTS[p.searched.flavor] : 'The host'} reads this one, so the editor and reviews may disagree.` : '';
    return warn('not-in-effect', `The settings name ${p.named} as this repository's CODEOWNERS, so Ownership Lens does not read this file.${hostToo}`, { file: p.named, what: 'the CODEOWNERS the settings name' });
  }
  if (p.searched === null || p.searched.file === p.relative) return null;
  const found = p.searched;
  // Under auto a .github/ file makes the repository GitHub's, but GitLab never looks there: a
  // GitLab repository is read from this file when nothing comes before it in GitLab's order.
  const other = hosts.find((f) => f !== found.flavor && reaches(f, p.relative, p.kindOf));
  const hint = other ? ` On ${HOSTS[other]} this file is the one read: choose the ${other} flavor if the repository is hosted there.` : '';
  return warn('not-in-effect', `${found.flavor ? HOSTS[found.flavor] : 'The host'} reads ${found.file}, which it finds before this file, so the rules here take no effect.${hint}`, searchedRead);
}

/** Whether the search of `flavor` stops at `relative`: it is one of its places and no earlier place holds a file. */
function reaches(flavor: Flavor, relative: string, kindOf: (relative: string) => EntryKind | null): boolean {
  const places = LOCATIONS[flavor];
  const at = places.indexOf(relative);
  return at >= 0 && places.slice(0, at).every((place) => kindOf(place) !== 'file');
}
