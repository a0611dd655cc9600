// Before a commit: the staged changes grouped by who owns what they touch, each group with
// what it needs to hear (the owners' practices and contact, the etiquette when the code is
// someone else's, the rubric's expectations for the commit). Built from the same per-path
// guidance as `explain`, so the hook, the view and the notification say the same thing.
import { ownerKey } from '../codeowners/owners';
import type { RuleRef } from '../codeowners/types';
import type { EntryKind, FileSystem } from '../fs';
import type { Team } from '../practices/types';
import { isRelevant } from '../rubric/relevance';
import type { Expectation, Rubric } from '../rubric/types';
import { guidanceFor, type Guidance, type GuidanceContext, type PathOwnership } from '../situation/guidance';
import type { Situation } from '../situation/situation';
import { touchedPaths, type StagedChange, type StagedStatus, type TouchedPath } from './staged';

export interface GroupFile {
  /** The path of the change that belongs to this group. */
  path: string;
  status: StagedStatus;
  /** A rename or copy seen from its new path: where it came from. */
  from?: string;
  /** A rename seen from its old path (the old owners' group): where the file went. */
  to?: string;
  /** The CODEOWNERS rule that decided `path`'s owners, or null. */
  rule: RuleRef | null;
}

export interface Contact {
  /** The team's or component's display name. */
  name: string;
  contact: string;
}

export interface ReminderGroup {
  /** Stable across runs (situation and owner keys): for views, and "stop reminding me about this". */
  key: string;
  situation: Situation;
  /** The owners, as CODEOWNERS writes them. Empty for unowned and no-map. */
  owners: string[];
  /** Owning teams that .github/ownership.yml describes. */
  teams: Team[];
  files: GroupFile[];
  /** What the owners ask of contributors, over all the group's files (teams, then components). */
  practices: string[];
  contacts: Contact[];
  /** Repository-relative CONTRIBUTING guides that apply to the group's files. */
  contributing: string[];
  /** Only for upstream groups: how to change code someone else owns. */
  etiquette: string[];
  /** The rubric's expectations for committing in this situation (see `commitExpectations`). */
  expectations: Expectation[];
  /** The rubric's one line for the situation. */
  advice?: string;
  /** For `mine`: the owner that is me. */
  mineAs?: string;
}

export interface Reminders {
  /** Upstream first, then unowned, no-map and mine; within each, by owners. */
  groups: ReminderGroup[];
  /** The rubric's one line for the moment before a commit. */
  advice?: string;
  /** Staged paths per situation; a rename counts once for each of its two paths. */
  counts: Record<Situation, number>;
}

/** Where reminders come from: the engine's answer for a path, and the rest of the model. */
export interface ReminderContext extends GuidanceContext {
  ownership(path: string): PathOwnership;
}

const ORDER: readonly Situation[] = ['upstream', 'unowned', 'no-map', 'mine'];

export function remindersFor(changes: readonly StagedChange[], ctx: ReminderContext): Reminders {
  // Many staged files share directories: ask the file system about each place once.
  const guidanceCtx: GuidanceContext = { ...ctx, fs: memoizedKinds(ctx.fs) };
  const builders = new Map<string, GroupBuilder>();
  const counts: Record<Situation, number> = { mine: 0, upstream: 0, unowned: 0, 'no-map': 0 };
  const counted = new Set<string>();

  for (const change of changes) {
    for (const touched of touchedPaths(change)) {
      const g = guidanceFor(touched.path, ctx.ownership(touched.path), guidanceCtx);
      const key = groupKey(g);
      let builder = builders.get(key);
      if (!builder) {
        builder = new GroupBuilder(key, g, ctx.rubric);
        builders.set(key, builder);
      }
      builder.add(touched, g);
      if (!counted.has(`${g.situation}\0${touched.path}`)) {
        counted.add(`${g.situation}\0${touched.path}`);
        counts[g.situation]++;
      }
    }
  }

  const groups = [...builders.values()].map((b) => b.build());
  groups.sort((a, b) => ORDER.indexOf(a.situation) - ORDER.indexOf(b.situation) || compare(a.owners.join(' '), b.owners.join(' ')));
  return { groups, advice: ctx.rubric.advice.commit, counts };
}

/** True when a strict check should stop the commit: something staged is upstream or unowned. */
export function needsAttention(reminders: Reminders): boolean {
  return reminders.counts.upstream + reminders.counts.unowned > 0;
}

/**
 * The rubric's expectations for committing in a situation: those tagged both `commit` and the
 * situation. A rubric with none for it (the L6 tags none `commit`) gives the situation's own,
 * so an unowned group hears the `unowned` guidance.
 */
export function commitExpectations(rubric: Rubric, situation: Situation): Expectation[] {
  const forSituation = rubric.expectations.filter((e) => isRelevant(e, situation));
  const atCommit = forSituation.filter((e) => e.situations.includes('commit'));
  return atCommit.length > 0 ? atCommit : forSituation;
}

/** Unowned and no-map files form one group each, whatever rule (if any) matched them. */
function groupKey(g: Guidance): string {
  if (g.situation === 'unowned' || g.situation === 'no-map') return g.situation;
  return `${g.situation}:${g.owners.map(ownerKey).join(' ')}`;
}

class GroupBuilder {
  private readonly files: GroupFile[] = [];
  /** The entry each change has here, so a rename within the group is listed once. */
  private readonly byChange = new Map<StagedChange, GroupFile>();
  private readonly teams = new Map<string, Team>();
  private readonly practices = new Set<string>();
  private readonly contacts = new Map<string, Contact>();
  private readonly contributing = new Set<string>();

  constructor(
    private readonly key: string,
    private readonly first: Guidance,
    private readonly rubric: Rubric,
  ) {}

  add(touched: TouchedPath, g: Guidance): void {
    const { change } = touched;
    const seen = this.byChange.get(change);
    if (seen) {
      // Both ends of a rename are here: one entry, seen from the new path.
      seen.path = change.path;
      seen.from = change.from;
      seen.rule = touched.side === 'new' ? g.rule : seen.rule;
      delete seen.to;
    } else {
      const file: GroupFile =
        touched.side === 'old'
          ? { path: touched.path, status: change.status, to: change.path, rule: g.rule }
          : { path: touched.path, status: change.status, ...(change.from !== undefined ? { from: change.from } : {}), rule: g.rule };
      this.files.push(file);
      this.byChange.set(change, file);
    }
    for (const t of g.teams) if (!this.teams.has(ownerKey(t.handle))) this.teams.set(ownerKey(t.handle), t);
    for (const p of g.practices) this.practices.add(p);
    const described = [...g.teams.map((t) => ({ name: t.name ?? t.handle, contact: t.contact })), ...g.components.map((c) => c.component)];
    for (const d of described) if (d.contact) this.contacts.set(`${d.name}\0${d.contact}`, { name: d.name, contact: d.contact });
    if (g.contributing) this.contributing.add(g.contributing);
  }

  build(): ReminderGroup {
    const g = this.first;
    const grouped = g.situation === 'unowned' || g.situation === 'no-map';
    return {
      key: this.key,
      situation: g.situation,
      owners: grouped ? [] : g.owners,
      teams: [...this.teams.values()],
      files: this.files,
      practices: [...this.practices],
      contacts: [...this.contacts.values()],
      contributing: [...this.contributing],
      etiquette: g.etiquette,
      expectations: commitExpectations(this.rubric, g.situation),
      advice: g.advice,
      ...(g.mineAs ? { mineAs: g.mineAs.owner } : {}),
    };
  }
}

function memoizedKinds(fs: FileSystem): FileSystem {
  const kinds = new Map<string, EntryKind | null>();
  return {
    kind(p) {
      let k = kinds.get(p);
      if (k === undefined) {
        k = fs.kind(p);
        kinds.set(p, k);
      }
      return k;
    },
    size: (p) => fs.size(p),
    readFile: (p) => fs.readFile(p),
    realpath: (p) => fs.realpath(p),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
