// Every repository the editor has looked into, each parsed once and cached until one of its
// files changes: its CODEOWNERS, its ownership.yml and who "me" is there. Surfaces ask this
// catalog; they never parse. No vscode import: the VS Code side (ownershipModel.ts) supplies
// settings, trust and git, and tells the catalog what changed.
import nodePath = require('node:path');
import { LOCATIONS, loadRepositoryOwnershipAsync, type FlavorSetting, type OwnershipResult, type RepositoryOwnership, type RuleRef } from '../../core';
import { isInside, type EntryKind, type FileSystem } from '../../core/fs';
import { resolveIdentity, type GitUser, type Me } from '../../core/identity/identity';
import type { Membership } from '../../core/membership/types';
import { CONTRIBUTING_NAMES, guideCandidates, ROOT_EXTRA_DIRS } from '../../core/practices/contributing';
import { findOwnershipConfig, OWNERSHIP_CONFIG_LOCATIONS } from '../../core/practices/configLocations';
import type { OwnershipConfigLoad } from '../../core/practices/loadOwnershipConfig';
import { EMPTY_OWNERSHIP_CONFIG, type OwnershipConfig } from '../../core/practices/types';
import type { Rubric } from '../../core/rubric/types';
import { timeSlices, type Slicer } from '../../core/slices';
import { guidanceFor, type Guidance } from '../../core/situation/guidance';
import { situationOf, type Situation } from '../../core/situation/situation';
import type { FileDiagnostic } from '../../core/yaml/boundedYaml';
import { lazyBundle, type LazyBundles } from '../lazy';
import { FileStamp, stampOf } from './fileStamps';

export interface RepositorySettings {
  /** A CODEOWNERS path relative to the repository root (or absolute) that overrides the search. */
  codeownersPath?: string;
  flavor: FlavorSetting;
  /** Handles and emails that are me, from the settings. */
  me: readonly string[];
}

export interface CatalogHost {
  fs: FileSystem;
  settings(root: string): RepositorySettings;
  /** git's user.email/user.name there, or undefined when git may not run (untrusted workspace). */
  gitUser(root: string): Promise<GitUser | undefined>;
  /** What GitHub and GitLab say about me (cached answers; the catalog never waits for a host). */
  memberships?(): readonly Membership[];
  /**
   * How a CODEOWNERS is parsed and compiled: in slices that give the event loop back (a
   * 5,000-rule file takes 100 ms and more in one go). Default: slices of about 8 ms.
   */
  slicer?(): Slicer;
  /** The disk's stamp of these files (default: fileStamps.stampOf); see `recheck`. */
  stamp?(paths: readonly string[]): string;
  /** Milliseconds, for spacing the rechecks (default: Date.now). */
  now?(): number;
}

export interface RepositoryState {
  /** Absolute repository root. */
  root: string;
  ownership: RepositoryOwnership;
  config: OwnershipConfig;
  /** Problems in its CODEOWNERS and ownership.yml. */
  diagnostics: FileDiagnostic[];
  me: Me;
  /** False when git was not asked who I am (an untrusted workspace). */
  usedGit: boolean;
  /** Why git could not say who I am (not on the PATH, not answering), in a few words. */
  gitProblem?: string;
}

export interface PathLookup {
  repo: RepositoryState;
  /** Repository-relative, forward slashes. */
  path: string;
  isDirectory: boolean;
  owners: string[];
  rule: RuleRef | null;
  /** The engine's full answer (GitLab sections included). */
  result: OwnershipResult;
  situation: Situation;
}

const GUIDE_NAMES = new Set(CONTRIBUTING_NAMES);
/** Every place a host looks for a CODEOWNERS, and where ownership.yml may be. */
const STAMPED_LOCATIONS = [...new Set([...Object.values(LOCATIONS).flat(), ...OWNERSHIP_CONFIG_LOCATIONS])];
/**
 * A loaded repository's files are compared with the disk at most this often, and only while
 * something asks about the repository: a dozen stat calls, a few tens of microseconds.
 */
export const RECHECK_INTERVAL_MS = 2000;
/** CONTRIBUTING probes remembered at most (about 100 bytes each). */
const MAX_PROBES_KEPT = 50_000;

export class RepositoryCatalog {
  /** Directory → the repository root it is in (null: none). Cleared by `invalidateAll`. */
  private readonly roots = new Map<string, string | null>();
  private readonly repositories = new Map<string, Promise<RepositoryState>>();
  private readonly gitUsers = new Map<string, Promise<{ user?: GitUser; problem?: string }>>();
  /**
   * Where CONTRIBUTING guides are and are not, by absolute path, for the directories of the
   * paths looked up so far (`prepareGuidance`): the guidance looks for the nearest guide with
   * up to 7 names per directory, and asks this map. Forgotten when such a file is created or
   * deleted (`contributingChanged`).
   */
  private readonly contributing = new Map<string, EntryKind | null>();
  private readonly guidanceFs: FileSystem;
  /** By root: the stamp of its files taken as its load began, and when it was last compared. */
  private readonly stamps = new Map<string, { files: FileStamp; checkedAt: number }>();

  constructor(private readonly host: CatalogHost) {
    const { fs } = host;
    const known = this.contributing;
    this.guidanceFs = {
      // A guide not probed ahead is not looked for (the hover asks for none; see OwnershipModel.guidance).
      kind: (p) => (known.has(p) ? (known.get(p) as EntryKind | null) : GUIDE_NAMES.has(nodePath.basename(p)) ? null : fs.kind(p)),
      size: (p) => fs.size(p),
      readFile: (p) => fs.readFile(p),
      realpath: (p) => fs.realpath(p),
    };
  }

  /**
   * The root of the git repository holding `absPath` (a nested repository wins over the one
   * around it), or `fallback` (the workspace folder) when it is in none.
   */
  rootOf(absPath: string, fallback?: string): string | undefined {
    const seen: string[] = [];
    let dir = absPath;
    let found: string | null | undefined;
    for (;;) {
      found = this.roots.get(dir);
      if (found !== undefined) break;
      seen.push(dir);
      if (this.host.fs.kind(nodePath.join(dir, '.git')) !== null) {
        found = dir;
        break;
      }
      const parent = nodePath.dirname(dir);
      if (parent === dir) {
        found = null;
        break;
      }
      dir = parent;
    }
    for (const d of seen) this.roots.set(d, found);
    return found ?? fallback;
  }

  repository(root: string): Promise<RepositoryState> {
    let state = this.repositories.get(root);
    if (!state) {
      state = this.load(root);
      this.repositories.set(root, state);
      // Remembered once loaded, for answers that need no waiting (lookupNow), and only while
      // this load is still the current one.
      const loading = state;
      loading.then(
        (loaded) => {
          if (this.repositories.get(root) === loading) this.loaded.set(root, loaded);
        },
        () => undefined,
      );
    }
    return state;
  }

  /**
   * The repository's ownership.yml. The YAML parser (a bundle of its own, a 20–30 ms require
   * on a busy host) loads only when the repository has one: most have none.
   */
  private async ownershipConfig(root: string): Promise<OwnershipConfigLoad> {
    let load = this.configs.get(root);
    if (load === undefined) {
      load = this.readOwnershipConfig(root);
      this.configs.set(root, load);
      // A failed read is not kept: the next load tries again.
      load.catch(() => this.configs.get(root) === load && this.configs.delete(root));
    }
    return load;
  }

  /** Each repository's ownership.yml as last read (see invalidateFile: kept across CODEOWNERS edits). */
  private readonly configs = new Map<string, Promise<OwnershipConfigLoad>>();

  private async readOwnershipConfig(root: string): Promise<OwnershipConfigLoad> {
    const fs = this.host.fs;
    const found = findOwnershipConfig(root, fs);
    if (found === null) return { config: EMPTY_OWNERSHIP_CONFIG, diagnostics: [] };
    const { loadOwnershipConfig }: LazyBundles['files'] = typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('files') : await import('../lazy/files.js');
    return loadOwnershipConfig(root, fs, found);
  }

  /** Repositories whose load has finished, by root (a subset of `repositories`). */
  private readonly loaded = new Map<string, RepositoryState>();

  /**
   * lookup() answered at once, when the repository holding `absPath` is already loaded;
   * undefined when that needs waiting (then call lookup()), or when nothing holds it.
   */
  lookupNow(absPath: string, options: { isDirectory?: boolean; fallbackRoot?: string } = {}): PathLookup | undefined {
    const at = this.locate(absPath, options);
    const repo = at && this.loaded.get(at.root);
    return repo ? lookupIn(repo, at.path, at.isDirectory) : undefined;
  }

  /** The repositories loaded so far (or loading). */
  get loadedRoots(): string[] {
    return [...this.repositories.keys()];
  }

  /**
   * Who owns `absPath` and what that means for me. `isDirectory` says whether it is a folder
   * (asked of the file system when not given). Undefined outside any repository or folder.
   */
  async lookup(absPath: string, options: { isDirectory?: boolean; fallbackRoot?: string } = {}): Promise<PathLookup | undefined> {
    const at = this.locate(absPath, options);
    return at ? lookupIn(await this.repository(at.root), at.path, at.isDirectory) : undefined;
  }

  /**
   * The repository root holding `absPath` and the path in it. The disk is asked
   * synchronously: a file in a directory not seen before costs one stat per new directory
   * above it (is there a .git?), a few microseconds each, and everything else is remembered.
   * Asking asynchronously instead made the answer wait its turn behind whatever else the
   * extension host was doing (other extensions react to the same editor switch): milliseconds,
   * for work of microseconds.
   */
  private locate(absPath: string, options: { isDirectory?: boolean; fallbackRoot?: string }): { root: string; path: string; isDirectory: boolean } | undefined {
    const isDirectory = options.isDirectory ?? this.host.fs.kind(absPath) === 'directory';
    const root = this.rootOf(isDirectory ? absPath : nodePath.dirname(absPath), options.fallbackRoot);
    if (root === undefined || !isInside(root, absPath)) return undefined;
    const path = nodePath.relative(root, absPath).split(nodePath.sep).join('/');
    return path === '' ? undefined : { root, path, isDirectory };
  }

  /**
   * Looks, once per directory, where the CONTRIBUTING guides around `lookup` are (see
   * `contributing`): up to 7 stat calls for each directory above it not seen before.
   */
  prepareGuidance(lookup: PathLookup): void {
    const segs = lookup.path.split('/');
    const root = lookup.repo.root;
    const candidates = ROOT_EXTRA_DIRS.flatMap((d) => guideCandidates(nodePath.join(root, d)));
    // From the file's directory up, stopping at one probed before: all those above it were
    // probed with it (the map is only ever cleared whole).
    for (let depth = lookup.isDirectory ? segs.length : segs.length - 1; depth >= 0; depth--) {
      const inDir = guideCandidates(nodePath.join(root, ...segs.slice(0, depth)));
      if (this.contributing.has(inDir[0])) break;
      candidates.push(...inDir);
    }
    const wanted = candidates.filter((p) => !this.contributing.has(p));
    if (wanted.length === 0) return;
    // Bounded: a long session over a huge tree starts over rather than grow without end (and
    // probes again every directory above this one).
    if (this.contributing.size + wanted.length > MAX_PROBES_KEPT) {
      this.contributing.clear();
      this.prepareGuidance(lookup);
      return;
    }
    for (const p of wanted) this.contributing.set(p, this.host.fs.kind(p));
  }



  /** A CONTRIBUTING guide was created or deleted somewhere. */
  contributingChanged(): void {
    this.contributing.clear();
  }

  guidance(lookup: PathLookup, rubric: Rubric): Guidance {
    const { repo } = lookup;
    const ctx = { root: repo.root, fs: this.guidanceFs, me: repo.me, config: repo.config, rubric };
    return guidanceFor(lookup.path, { hasMap: repo.ownership.file !== null, owners: lookup.owners, rule: lookup.rule }, ctx, lookup.isDirectory);
  }

  /**
   * Forgets the repositories that `absPath` (a changed file) can affect: those it is inside.
   * Returns their roots.
   */
  invalidateFile(absPath: string): string[] {
    const dropped = [...this.repositories.keys()].filter((root) => isInside(root, absPath));
    for (const root of dropped) {
      this.repositories.delete(root);
      this.loaded.delete(root);
      // The config is read again only when the change is at one of its locations or above
      // one (a folder deleted): otherwise, a CODEOWNERS edit above all (every keystroke in an
      // open one), the reload keeps the same object, so that what depends on it alone (unknown
      // owners in the CODEOWNERS analysis) can tell nothing changed for it.
      if (OWNERSHIP_CONFIG_LOCATIONS.some((rel) => isInside(absPath, nodePath.join(root, rel)))) this.configs.delete(root);
    }
    // A `.git` appearing or disappearing changes which repository a folder is in.
    if (nodePath.basename(absPath) === '.git') {
      this.roots.clear();
    }
    return dropped;
  }

  /** Forgets everything, who I am included (the settings or the workspace trust changed). */
  invalidateAll(): void {
    this.configs.clear();
    this.contributing.clear();
    this.roots.clear();
    this.repositories.clear();
    this.loaded.clear();
    this.gitUsers.clear();
    this.stamps.clear();
  }

  /**
   * Whether the files of the loaded repository at `root` changed on disk since it was read,
   * though no watcher said so: then it is forgotten (its next lookup reads it again) and the
   * answer is true. Compared at most every RECHECK_INTERVAL_MS unless `force`.
   */
  recheck(root: string, force = false): boolean {
    const known = this.stamps.get(root);
    if (!known || !this.loaded.has(root)) return false;
    const now = this.now();
    if (!force && now - known.checkedAt < RECHECK_INTERVAL_MS) return false;
    known.checkedAt = now;
    if (!known.files.changed()) return false;
    this.repositories.delete(root);
    this.loaded.delete(root);
    this.configs.delete(root);
    this.stamps.delete(root);
    return true;
  }

  /** recheck(root, true) for every loaded repository; the roots found changed. */
  recheckAll(): string[] {
    return [...this.loaded.keys()].filter((root) => this.recheck(root, true));
  }

  private now(): number {
    return this.host.now ? this.host.now() : Date.now();
  }

  private stampNow(paths: readonly string[]): string {
    return this.host.stamp ? this.host.stamp(paths) : stampOf(paths);
  }

  private async load(root: string): Promise<RepositoryState> {
    const settings = this.host.settings(root);
    const fs = this.host.fs;
    // Stamped before anything is read: a change made while it loads shows at the next recheck.
    const paths = STAMPED_LOCATIONS.map((rel) => nodePath.join(root, rel));
    if (settings.codeownersPath) paths.push(nodePath.resolve(root, settings.codeownersPath));
    this.stamps.set(root, { files: new FileStamp(paths, (p) => this.stampNow(p)), checkedAt: this.now() });
    const ownership = await loadRepositoryOwnershipAsync(root, { codeownersPath: settings.codeownersPath, flavor: settings.flavor, fs }, this.host.slicer?.() ?? timeSlices());
    const config = await this.ownershipConfig(root);
    let git = this.gitUsers.get(root);
    if (!git) {
      git = this.host.gitUser(root).then(
        (user) => ({ user }),
        (e: unknown) => ({ problem: gitProblemOf(e) }),
      );
      this.gitUsers.set(root, git);
    }
    const { user, problem } = await git;
    const me = resolveIdentity({ explicit: settings.me, git: user, config: config.config, memberships: this.host.memberships?.() });
    return { root, ownership, config: config.config, diagnostics: [...ownership.diagnostics, ...config.diagnostics], me, usedGit: user !== undefined, ...(problem ? { gitProblem: problem } : {}) };
  }
}

/** A failed git run in a few words: the surfaces say it rather than lose "me" silently. */
function gitProblemOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || /\bENOENT\b/.test(message)) return 'git was not found on the PATH';
  if (/timed? ?out|timeout/i.test(message)) return 'git did not answer in time';
  return `git failed: ${message.split('\n')[0].slice(0, 200)}`;
}

/** The answer for a repository-relative path in an already loaded repository. */
export function lookupIn(repo: RepositoryState, path: string, isDirectory: boolean): PathLookup {
  const result = repo.ownership.match(isDirectory ? `${path}/` : path);
  const rule = result.rule ? repo.ownership.ruleRef(result.rule) : null;
  const situation = situationOf(repo.ownership.file !== null, result.owners, repo.me);
  return { repo, path, isDirectory, owners: result.owners, rule, result, situation };
}
