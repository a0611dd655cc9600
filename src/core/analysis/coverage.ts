// Who owns how much: per file, per owner, per top-level directory, and the unowned files.
//
// Files are not given owner lists one by one: most files share their owners with thousands
// of others, so each distinct combination of owners becomes one "owner set", and a file
// holds the id of its set. Counting per owner is then a histogram over set ids.

import { ownerKey } from '../codeowners/owners';
import type { Analysis } from './analyzer';
import { NONE } from './paint';

export interface FileOwners {
  /** Owners as first written in the file, by owner id (handles compare case-insensitively). */
  owners: string[];
  /** Owner ids of each owner set. */
  sets: number[][];
  /** Per file (tree order): its owner set, or NONE when the file is unowned. */
  setOf: Int32Array;
}

export interface OwnerCoverage {
  owner: string;
  files: number;
}

export interface DirectoryCoverage {
  /** Top-level directory name; '' for the files at the root. */
  directory: string;
  files: number;
  owned: number;
  unowned: number;
}

export interface Coverage {
  files: number;
  owned: number;
  unowned: number;
  /** Most files first (a file with two owners counts for both). */
  owners: OwnerCoverage[];
  /** In tree order, the root's own files first. */
  directories: DirectoryCoverage[];
  unownedFiles: string[];
}

/** The owners of every tracked file, as owner sets. */
export function fileOwners(analysis: Analysis): FileOwners {
  const owners: string[] = [];
  const ownerIds = new Map<string, number>();
  const sets: number[][] = [];
  const setIds = new Map<string, number>();
  const intern = (ids: number[]): number => {
    if (ids.length === 0) return NONE;
    ids.sort((a, b) => a - b);
    const key = ids.join(',');
    let id = setIds.get(key);
    if (id === undefined) {
      id = sets.length;
      sets.push(ids);
      setIds.set(key, id);
    }
    return id;
  };
  const entrySet = analysis.entries.map((e) => {
    const ids: number[] = [];
    for (const o of e.rule.owners) {
      const key = ownerKey(o.text);
      let id = ownerIds.get(key);
      if (id === undefined) {
        id = owners.length;
        owners.push(o.text);
        ownerIds.set(key, id);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return intern(ids);
  });

  const n = analysis.tree.size;
  const setOf = new Int32Array(n).fill(NONE);
  const sections = analysis.sections.length;
  if (sections === 1) {
    for (let i = 0; i < n; i++) {
      const w = analysis.winnerOf(0, i);
      if (w !== NONE) setOf[i] = entrySet[w];
    }
    return { owners, sets, setOf };
  }
  // GitLab: the owners of a file are the union over its sections. Combinations repeat, so
  // they are interned by the winning entries' set ids.
  const unions = new Map<string, number>();
  const parts: number[] = [];
  for (let i = 0; i < n; i++) {
    parts.length = 0;
    for (let s = 0; s < sections; s++) {
      const w = analysis.winnerOf(s, i);
      if (w !== NONE && entrySet[w] !== NONE) parts.push(entrySet[w]);
    }
    if (parts.length === 0) continue;
    if (parts.length === 1) {
      setOf[i] = parts[0];
      continue;
    }
    const key = parts.join(' ');
    let id = unions.get(key);
    if (id === undefined) {
      const ids = new Set<number>();
      for (const p of parts) for (const o of sets[p]) ids.add(o);
      id = intern([...ids]);
      unions.set(key, id);
    }
    setOf[i] = id;
  }
  return { owners, sets, setOf };
}

/** Files per owner id over tree index ranges ([start, end) pairs). */
export function ownerCounts(fo: FileOwners, ranges: readonly number[]): { perOwner: number[]; unowned: number; files: number } {
  const perSet = new Array<number>(fo.sets.length).fill(0);
  let unowned = 0;
  let files = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    files += ranges[k + 1] - ranges[k];
    for (let i = ranges[k]; i < ranges[k + 1]; i++) {
      const s = fo.setOf[i];
      if (s === NONE) unowned++;
      else perSet[s]++;
    }
  }
  const perOwner = new Array<number>(fo.owners.length).fill(0);
  for (let s = 0; s < perSet.length; s++) if (perSet[s] > 0) for (const o of fo.sets[s]) perOwner[o] += perSet[s];
  return { perOwner, unowned, files };
}

export function coverage(analysis: Analysis, fo: FileOwners = fileOwners(analysis)): Coverage {
  const { tree } = analysis;
  const { perOwner, unowned } = ownerCounts(fo, [0, tree.size]);
  const owners = fo.owners
    .map((owner, id) => ({ owner, files: perOwner[id] }))
    .filter((o) => o.files > 0)
    .sort((a, b) => b.files - a.files || (a.owner < b.owner ? -1 : 1));

  const directories: DirectoryCoverage[] = [];
  let rootFiles = 0;
  let rootOwned = 0;
  const unownedFiles: string[] = [];
  for (let i = 0; i < tree.size; i++) {
    const owned = fo.setOf[i] !== NONE;
    if (!owned) unownedFiles.push(tree.paths[i]);
    if (tree.dirOf[i] === tree.root) {
      rootFiles++;
      if (owned) rootOwned++;
    }
  }
  if (rootFiles > 0) directories.push({ directory: '', files: rootFiles, owned: rootOwned, unowned: rootFiles - rootOwned });
  for (const d of tree.root.children) {
    let owned = 0;
    for (let i = d.start; i < d.end; i++) if (fo.setOf[i] !== NONE) owned++;
    directories.push({ directory: d.name, files: d.size, owned, unowned: d.size - owned });
  }
  return { files: tree.size, owned: tree.size - unowned, unowned, owners, directories, unownedFiles };
}
