// What a CODEOWNERS file does to the tracked files: for every rule, the files it matches and
// the files it wins; which rules never apply (fully shadowed) and which match nothing.
//
// Incremental by construction: a pattern's match set depends only on its text (and the
// host), so match sets are cached by pattern. Re-analysing after an edit walks the tree only
// for the patterns that are new; everything else (who wins each file) is recomputed from the
// cached sets by painting (paint.ts), which costs one pass over the files. Line numbers and
// rule order can change freely between analyses.

import { githubLiteralPath, type CompiledPattern } from '../codeowners/pattern';
import type { Diagnostic, ParsedCodeowners, RelatedPlace, Rule } from '../codeowners/types';
import { compileRule, keyKind, readEntries, type Entries, type Entry } from '../codeowners/entries';
import type { FileTree } from './file-tree';
import { computeMatchSets, EMPTY_SET, setHas, type MatchSet } from './match-sets';
import { NONE, Painter } from './paint';

export interface RuleStats {
  /** Tracked files the rule's pattern matches. */
  matched: number;
  /** Tracked files whose owners this rule decides (GitLab: within its section, not excluded). */
  won: number;
}

/** A rule that takes files from another: the later rule that wins them, or a GitLab exclusion. */
export interface Taker {
  rule: Rule;
  files: number;
  /** True when the files are taken by excluding them from the section (GitLab `!`). */
  exclusion: boolean;
}

const NO_STATS: RuleStats = Object.freeze({ matched: 0, won: 0 });
const NO_MATCH = 'This pattern matches no tracked file.';
const NO_MATCH_EXCLUSION = 'This exclusion matches no tracked file.';
/** How many taking rules a diagnostic names before "and N more". */
const NAMED_TAKERS = 3;
/** Later rules a shadowed rule's diagnostic links to (the Problems panel lists each). */
const RELATED_TAKERS = 10;

export class Analysis {
  /** Per rule index. */
  readonly stats: readonly RuleStats[];
  /** Fully shadowed rules and patterns matching no tracked file, in line order. */
  readonly diagnostics: Diagnostic[];

  constructor(
    readonly parsed: ParsedCodeowners,
    readonly tree: FileTree,
    private readonly ents: Entries,
    /** Per entry: its match set. */
    private readonly sets: readonly MatchSet[],
    /** Per section: the winning entry of each file (NONE), or null when no entry is in it. */
    private readonly winners: ReadonlyArray<Int32Array | null>,
    /** Per section: files excluded from it (GitLab `!`), or null when it has no exclusion. */
    private readonly excluded: ReadonlyArray<Uint8Array | null>,
    /** Per rule index: its pattern's match set (null: the host ignores the rule). */
    private readonly ruleSets: ReadonlyArray<MatchSet | null>,
  ) {
    this.stats = this.computeStats();
    this.diagnostics = this.computeDiagnostics();
  }

  get sections(): readonly string[] {
    return this.ents.sections;
  }

  get entries(): readonly Entry[] {
    return this.ents.entries;
  }

  /** The entry (index into `entries`) deciding file `i` in `section`, or NONE. */
  winnerOf(section: number, i: number): number {
    const w = this.winners[section];
    if (w === null || w[i] === NONE) return NONE;
    const ex = this.excluded[section];
    return ex !== null && ex[i] === 1 ? NONE : w[i];
  }

  /** Tracked files the rule's pattern matches, in tree order. */
  matchedFiles(rule: Rule, limit = Infinity): string[] {
    const out: string[] = [];
    const set = this.ruleSets[rule.index];
    if (set) forEachIn(set, (i) => out.push(this.tree.paths[i]) < limit);
    return out;
  }

  /** Tracked files whose owners the rule decides, in tree order. */
  wonFiles(rule: Rule, limit = Infinity): string[] {
    const out: string[] = [];
    const id = this.ents.entryOf[rule.index];
    if (id < 0 || this.ents.entries[id].exclusion) return out;
    const section = this.ents.entries[id].section;
    forEachIn(this.sets[id], (i) => (this.winnerOf(section, i) === id ? out.push(this.tree.paths[i]) < limit : true));
    return out;
  }

  /**
   * The rules that take the files this rule matches but does not win, most files first. For
   * a rule replaced by a later line with the same pattern (GitLab), that line takes them all.
   */
  takers(rule: Rule): Taker[] {
    const set = this.ruleSets[rule.index];
    if (!set || set.count === 0 || rule.exclusion) return [];
    const id = this.ents.entryOf[rule.index];
    if (id < 0) {
      const key = this.ents.keys[rule.index];
      const replacement = this.ents.entries.find((e) => this.ents.keys[e.rule.index] === key && e.rule.section === rule.section);
      return replacement ? [{ rule: replacement.rule, files: set.count, exclusion: replacement.exclusion }] : [];
    }
    const { section } = this.ents.entries[id];
    const winners = this.winners[section] as Int32Array;
    const excluded = this.excluded[section];
    const exclusions: number[] = [];
    if (excluded !== null) this.ents.entries.forEach((e, k) => e.exclusion && e.section === section && exclusions.push(k));
    const counts = new Map<number, { files: number; exclusion: boolean }>();
    const bump = (k: number, exclusion: boolean): void => {
      const c = counts.get(k);
      if (c) c.files++;
      else counts.set(k, { files: 1, exclusion });
    };
    forEachIn(set, (i) => {
      if (excluded !== null && excluded[i] === 1) {
        // Name the latest exclusion that matches: the one a reader would look at first.
        for (let k = exclusions.length - 1; k >= 0; k--) {
          if (setHas(this.sets[exclusions[k]], i)) {
            bump(exclusions[k], true);
            break;
          }
        }
      } else if (winners[i] !== id && winners[i] !== NONE) bump(winners[i], false);
      return true;
    });
    return [...counts.entries()]
      .map(([k, c]) => ({ rule: this.ents.entries[k].rule, files: c.files, exclusion: c.exclusion }))
      .sort((a, b) => b.files - a.files || a.rule.line - b.rule.line);
  }

  private computeStats(): RuleStats[] {
    const won = new Int32Array(this.ents.entries.length);
    for (let s = 0; s < this.winners.length; s++) {
      const w = this.winners[s];
      if (w === null) continue;
      const ex = this.excluded[s];
      for (let i = 0; i < w.length; i++) if (w[i] !== NONE && (ex === null || ex[i] === 0)) won[w[i]]++;
    }
    return this.parsed.rules.map((rule) => {
      const set = this.ruleSets[rule.index];
      if (!set) return NO_STATS;
      const id = this.ents.entryOf[rule.index];
      return { matched: set.count, won: id >= 0 && !rule.exclusion ? won[id] : 0 };
    });
  }

  /** direct-children-only's message for a GitHub or Bitbucket `folder/*` rule, or null (see missedBelowMessage). */
  private missedBelow(rule: Rule): string | null {
    if (!rule.applied || rule.exclusion) return null;
    const folder = childrenOnlyFolder(rule.pattern);
    const id = this.ents.entryOf[rule.index];
    if (folder === null || id < 0) return null;
    const dir = this.tree.dir(folder);
    if (dir === undefined) return null;
    const section = this.ents.entries[id].section;
    let missed = 0;
    let first = '';
    for (const sub of dir.children) {
      for (let i = sub.start; i < sub.end; i++) {
        const w = this.winnerOf(section, i);
        if (w !== NONE && this.ents.entries[w].rule.owners.length > 0) continue;
        if (missed++ === 0) first = this.tree.paths[i];
      }
    }
    return missed === 0 ? null : missedBelowMessage(rule.pattern, folder, missed, first);
  }

  private computeDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    // With no tracked file at all (a repository before its first commit), every rule would
    // "match nothing": say nothing rather than something useless.
    if (this.tree.size === 0) return out;
    const gitlab = this.parsed.flavor === 'gitlab';
    // GitHub: an earlier line repeated later is already reported as a duplicate.
    const repeatedLater = new Set<number>();
    if (!gitlab) {
      const last = new Map<string, number>();
      for (const r of this.parsed.rules) {
        if (!r.applied) continue;
        const prev = last.get(r.pattern);
        if (prev !== undefined) repeatedLater.add(prev);
        last.set(r.pattern, r.index);
      }
    }
    for (const rule of this.parsed.rules) {
      const set = this.ruleSets[rule.index];
      if (!set) continue;
      const { matched, won } = this.stats[rule.index];
      const endColumn = rule.column + rule.pattern.length;
      if (matched === 0) {
        // GitHub's `/` is already reported by the parser as never matching.
        if (compileRule(this.parsed, rule) === null) continue;
        const message = (rule.exclusion ? NO_MATCH_EXCLUSION : NO_MATCH) + (gitlab ? folderHint(this.tree, rule) : '');
        out.push({ line: rule.line, column: rule.column, endColumn, severity: 'warning', code: 'no-match', message });
      } else if (won === 0 && !rule.exclusion && this.ents.entryOf[rule.index] >= 0 && !repeatedLater.has(rule.index)) {
        const takers = this.takers(rule);
        const message = shadowMessage(matched, takers, gitlab ? rule.section : undefined);
        out.push({ line: rule.line, column: rule.column, endColumn, severity: 'warning', code: 'shadowed-rule', message, related: takers.slice(0, RELATED_TAKERS).map((t) => takerPlace(t, matched)) });
      }
      const shallow = gitlab ? null : this.missedBelow(rule);
      if (shallow !== null) out.push({ line: rule.line, column: rule.column, endColumn, severity: 'warning', code: 'direct-children-only', message: shallow });
    }
    return out;
  }
}

/**
 * GitHub and Bitbucket read `dir/*` as the files directly in dir, not below it, where many
 * expect the folder (the most used npm library reads it so; esphome's CODEOWNERS leaves 382
 * files of 49 components without an owner that way). The message when files in dir's
 * subfolders are left with no owner, which `dir/` would have given this rule's; null otherwise
 * (subfolders owned by another rule, earlier or later, may well be so on purpose: the demo's
 * `/services/payments/api/*` leaves its examples to the payments team).
 */
function missedBelowMessage(pattern: string, folder: string, missed: number, first: string): string {
  const lead = pattern.startsWith('/') ? '/' : '';
  const files = missed === 1 ? `the tracked file ${first} in a subfolder has` : `${missed} tracked files in its subfolders (${first}, ...) have`;
  return `"${pattern}" covers only the files directly in ${folder}/: ${files} no owner. Write "${lead}${folder}/" to cover the whole folder.`;
}

/** The folder of a `folder/*` pattern with a literal folder (`/src/lib/*`, `docs/*`), else null. */
function childrenOnlyFolder(pattern: string): string | null {
  if (!pattern.endsWith('/*')) return null;
  return literalFolder(pattern.slice(0, -2));
}

/**
 * The repository path a pattern names when it is a plain one (no wildcard, escape or trailing
 * slash), read from the root; else null. githubLiteralPath decides what plain is.
 */
function literalFolder(pattern: string): string | null {
  const literal = githubLiteralPath(pattern.startsWith('/') ? pattern : `/${pattern}`);
  return literal === null || literal.dirOnly ? null : literal.names.join('/');
}

/**
 * GitLab matches `/docs/ja` against files only (it normalises no trailing slash into `/**`):
 * a pattern that names a tracked folder without its slash owns none of the folder's files,
 * the commonest way a GitLab rule matches nothing. '' when the pattern is no such path.
 */
function folderHint(tree: FileTree, rule: Rule): string {
  const pattern = rule.exclusion ? rule.pattern.slice(1) : rule.pattern;
  const folder = literalFolder(pattern);
  if (folder === null || tree.dir(folder) === undefined) return '';
  return ` "${folder}" is a folder: GitLab applies a rule to a folder's files only when the pattern ends in "/" ("${rule.exclusion ? '!' : ''}${pattern}/").`;
}

/** A later rule that takes `t.files` of the `matched` files of a shadowed rule, as a place to go to. */
function takerPlace(t: Taker, matched: number): RelatedPlace {
  const files = t.files === matched ? (matched === 1 ? 'its file' : `all ${matched} of its files`) : `${t.files} of its ${matched} files`;
  return { line: t.rule.line, column: t.rule.column, endColumn: t.rule.column + t.rule.pattern.length, message: `${t.exclusion ? 'excludes' : 'takes'} ${files}` };
}

function shadowMessage(matched: number, takers: Taker[], section: string | undefined): string {
  const named = takers.slice(0, NAMED_TAKERS).map((t) => `${t.exclusion ? 'excluded by ' : ''}line ${t.rule.line} "${t.rule.pattern}"`);
  const more = takers.length > NAMED_TAKERS ? ` and ${takers.length - NAMED_TAKERS} more` : '';
  const files = matched === 1 ? 'the one tracked file it matches is' : `all ${matched} tracked files it matches are`;
  const rules = takers.length === 1 ? 'a later rule' : 'later rules';
  const where = section === undefined ? rules : `${rules} of section "${section}"`;
  return `This rule never applies: ${files} taken by ${where} (${named.join(', ')}${more}).`;
}

/** Calls f for each file index of the set, in order, until f returns false. */
function forEachIn(set: MatchSet, f: (i: number) => boolean): void {
  const r = set.ranges;
  for (let k = 0; k < r.length; k += 2) for (let i = r[k]; i < r[k + 1]; i++) if (!f(i)) return;
}

/**
 * Analyses CODEOWNERS files against one list of tracked files. Keep one per file list: it
 * remembers every pattern's match set, so analysing an edited file only walks the tree for
 * patterns it has not seen. Memory stays bounded: sets of patterns no longer in the file are
 * dropped at each analysis.
 */
export class OwnershipAnalyzer {
  /** Match sets by pattern key, with the analysis that last used them (to drop stale ones). */
  private readonly cache = new Map<string, { set: MatchSet; used: number }>();
  /** Which host's reading the cached keys are (a file can change flavor while edited). */
  private cacheKind: string | null = null;
  private generation = 0;
  private readonly painter: Painter;

  constructor(readonly tree: FileTree) {
    this.painter = new Painter(tree.size);
  }

  /** Number of patterns whose match set had to be computed by the last `analyze`. */
  lastComputed = 0;

  analyze(parsed: ParsedCodeowners): Analysis {
    const generation = ++this.generation;
    if (keyKind(parsed) !== this.cacheKind) {
      this.cache.clear();
      this.cacheKind = keyKind(parsed);
    }
    const ents = readEntries(parsed);
    const ruleSets: Array<MatchSet | null> = new Array<MatchSet | null>(parsed.rules.length).fill(null);
    const missingRules: number[] = [];
    const missingKeys = new Map<string, number>();
    const missing: Array<CompiledPattern | null> = [];
    let reused = 0;
    for (const rule of parsed.rules) {
      const key = ents.keys[rule.index];
      if (key === null) continue;
      const hit = this.cache.get(key);
      if (hit !== undefined) {
        if (hit.used !== generation) reused++;
        hit.used = generation;
        ruleSets[rule.index] = hit.set;
      } else {
        missingRules.push(rule.index);
        if (!missingKeys.has(key)) {
          missingKeys.set(key, missing.length);
          missing.push(compileRule(parsed, rule));
        }
      }
    }
    this.lastComputed = missing.length;
    if (missing.length > 0) {
      const computed = computeMatchSets(this.tree, missing);
      for (const [key, k] of missingKeys) this.cache.set(key, { set: computed[k], used: generation });
      for (const i of missingRules) ruleSets[i] = computed[missingKeys.get(ents.keys[i] as string) as number];
    }
    // Patterns no longer in the file: their sets would only hold memory.
    if (this.cache.size > reused + missingKeys.size) for (const [k, v] of this.cache) if (v.used !== generation) this.cache.delete(k);

    const sets = ents.entries.map((e) => ruleSets[e.rule.index] ?? EMPTY_SET);
    const n = this.tree.size;
    const winners: Array<Int32Array | null> = [];
    const excluded: Array<Uint8Array | null> = [];
    for (let s = 0; s < ents.sections.length; s++) {
      const order: number[] = [];
      const exclusions: number[] = [];
      ents.entries.forEach((e, id) => {
        if (e.section === s) (e.exclusion ? exclusions : order).push(id);
      });
      if (order.length === 0) {
        winners.push(null);
        excluded.push(null);
        continue;
      }
      order.sort((a, b) => ents.entries[b].priority - ents.entries[a].priority);
      const w = new Int32Array(n);
      this.painter.paint(order, sets, w);
      winners.push(w);
      if (exclusions.length === 0) excluded.push(null);
      else {
        const mask = new Uint8Array(n);
        Painter.mark(exclusions, sets, mask);
        excluded.push(mask);
      }
    }
    return new Analysis(parsed, this.tree, ents, sets, winners, excluded, ruleSets);
  }
}
