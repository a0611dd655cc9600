// Which CODEOWNERS file governs a repository, the way each host looks for it.
//   GitHub: .github/, then the root, then docs/ (first found wins).
//   GitLab: the root, then docs/, then .gitlab/.
//   Bitbucket: .bitbucket/.
// `auto` tries the union in GitHub's order and lets the file's location (or, for the shared
// root and docs/ locations, its content) decide the flavor.

import type { Flavor, FlavorSetting } from './types';
import type { EntryKind } from '../fs';

export const LOCATIONS: Readonly<Record<Flavor, readonly string[]>> = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
  bitbucket: ['.bitbucket/CODEOWNERS'],
};

/** Auto: every location, each with the flavor it implies (null: decide by content). */
const AUTO_LOCATIONS: ReadonlyArray<[string, Flavor | null]> = [
  ['.github/CODEOWNERS', 'github'],
  ['CODEOWNERS', null],
  ['docs/CODEOWNERS', null],
  ['.gitlab/CODEOWNERS', 'gitlab'],
  ['.bitbucket/CODEOWNERS', 'bitbucket'],
];

export interface Located {
  /** Repository-relative path, forward slashes. */
  file: string;
  /** The flavor the location implies; null when only the content can tell. */
  flavor: Flavor | null;
}

export interface LocateResult {
  located: Located | null;
  /** Candidates that exist but are not regular files (a directory named CODEOWNERS, a loop). */
  skipped: Array<{ file: string; kind: EntryKind }>;
}

/** `kindOf` receives repository-relative paths. */
export function locateCodeowners(kindOf: (relative: string) => EntryKind | null, flavor: FlavorSetting): LocateResult {
  const candidates: ReadonlyArray<[string, Flavor | null]> =
    flavor === 'auto' ? AUTO_LOCATIONS : LOCATIONS[flavor].map((f): [string, Flavor | null] => [f, flavor]);
  const skipped: LocateResult['skipped'] = [];
  for (const [file, implied] of candidates) {
    const kind = kindOf(file);
    if (kind === 'file') return { located: { file, flavor: implied }, skipped };
    if (kind !== null) skipped.push({ file, kind });
  }
  return { located: null, skipped };
}

/**
 * The flavor a repository-relative CODEOWNERS path implies under `auto`, as the search above
 * reads it: a file named by a setting or `--codeowners` at a host's own place is that host's.
 */
export function flavorOfLocation(relative: string): Flavor | null {
  return AUTO_LOCATIONS.find(([file]) => file === relative)?.[1] ?? null;
}
