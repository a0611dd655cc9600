// The ownership report as plain data: what `ownership-lens report --json` prints and what the
// HTML page is drawn from.

import type { Flavor } from '../codeowners/types';
import type { OwnershipConfig } from '../practices/types';
import type { Analysis } from './analyzer';
import { coverage, fileOwners } from './coverage';
import { ownershipMap, type OwnershipMap } from './ownership-map';
import { ownerKey } from '../codeowners/owners';

export interface OwnershipReport {
  /** Repository-relative path of the CODEOWNERS read, or null when there is none. */
  codeowners: string | null;
  flavor: Flavor | null;
  files: { total: number; owned: number; unowned: number };
  /** Most files first; `name` is the team's display name from ownership.yml. */
  owners: Array<{ owner: string; name?: string; files: number }>;
  /** Top-level directories in tree order; '' holds the files at the root. */
  directories: Array<{ directory: string; files: number; owned: number; unowned: number }>;
  unowned: string[];
  /** Every rule with the tracked files it matches and those it decides. */
  rules: Array<{ line: number; pattern: string; matched: number; won: number }>;
}

export interface ReportParts {
  report: OwnershipReport;
  map: OwnershipMap;
}

export function buildReport(analysis: Analysis, codeowners: string | null, config?: OwnershipConfig): ReportParts {
  const fo = fileOwners(analysis);
  const c = coverage(analysis, fo);
  const report: OwnershipReport = {
    codeowners,
    flavor: analysis.parsed.flavor,
    files: { total: c.files, owned: c.owned, unowned: c.unowned },
    owners: c.owners.map(({ owner, files }) => {
      const name = config?.teams.get(ownerKey(owner))?.name;
      return name === undefined ? { owner, files } : { owner, name, files };
    }),
    directories: c.directories,
    unowned: c.unownedFiles,
    rules: analysis.parsed.rules.map((r) => ({ line: r.line, pattern: r.pattern, ...analysis.stats[r.index] })),
  };
  return { report, map: ownershipMap(analysis, {}, fo) };
}
