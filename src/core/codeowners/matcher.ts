// Answers "who owns this path?" for a parsed CODEOWNERS file, fast.
//
// Semantics, per host:
//   GitHub/Bitbucket: the last matching rule wins; a rule without owners un-owns.
//   GitLab: every section is evaluated on its own; within a section entries are keyed by
//   normalised pattern (a repeated pattern replaces the earlier entry's owners but keeps the
//   earlier position), the entry latest in that order wins, and any matching `!` exclusion
//   drops the section for that path. The path's owners are the union over sections.
// Both are "for each section, the highest-priority matching entry, unless excluded", which
// is what the Accumulator (match-state.ts) computes.
//
// Speed: a rule applies to a path either directly (`self`) or because it matched one of the
// path's directories (`descendants`, see pattern.ts). The directory part is computed once per
// directory and memoised, so a file costs a handful of hash lookups: its directory's state,
// its name in the trie below that directory, its name and its extension.

import { Buffer } from 'node:buffer';
import { eachLine } from '../byteLines';
import { keepHiddenClasses } from '../hiddenClasses';
import { CHECK_EVERY_MASK, type Slicer } from '../slices';
import { compileRule, readEntries, type Entry as SharedEntry } from './entries';
import { makeSegmentPattern } from './glob';
import { githubLiteralPath, type Literals } from './pattern';
import { collectMatches, extendRest } from './candidates';
import { FALLBACK, LineMatcher, NO_RULE } from './line-matcher';
import { RuleIndex, type Indexed } from './rule-index';
import type { OwnershipResult, ParsedCodeowners, Rule, SectionMatch } from './types';
import { Accumulator, DirState, PathView, type Entry } from './match-state';
import { FOLDER_PROBE, normalizeRepoPath } from './repo-path';

export interface OwnershipMatcher {
  /**
   * Ownership of a repository-relative path (forward slashes). A path ending in `/` names a
   * folder: it gets the owners of a new file directly in it (see FOLDER_PROBE).
   */
  match(path: string): OwnershipResult;
  /**
   * Ownership of each path in `bytes` (UTF-8, one per line; a trailing CR dropped, empty
   * lines skipped), handed to `visit` in order with the line's bounds. The same answers as
   * `match` on each decoded line, without a string per path where the byte-level walker
   * (line-matcher.ts) applies.
   */
  matchLines(bytes: Uint8Array, visit: LineVisitor): void;
  /**
   * The byte-level walker, built on first use, for callers that handle each line's bytes
   * themselves (the CLI's JSON writer); null for a GitLab file whose rules sit in more than one
   * section or that has a `!` exclusion (the walker keeps one winner, not one per section), and,
   * until it is built, for a batch of `batchBytes` too small to pay for building it (see
   * WALKER_PAYS). Null means "use match()" either way. Its ids map to results through
   * `resultOfId`.
   */
  lineMatcher(batchBytes?: number): LineMatcher | null;
  /** The result for an id `LineMatcher.decide` returned (NO_RULE included, FALLBACK not). */
  resultOfId(id: number): OwnershipResult;
  /** Number of directories memoised so far (for diagnostics and benchmarks). */
  readonly memoizedDirectories: number;
}

/** Receives one line of `matchLines`: bytes[start, end) and its owners. */
export type LineVisitor = (start: number, end: number, result: OwnershipResult) => void;

/**
 * When building the byte-level walker pays: its build walks both tries (cold in cache, about
 * 0.5 µs a node, and a file has a node or two per rule) and it saves about as much per path.
 * So a batch must hold a few paths per rule: nuttx's 27,000 paths against 16,717 rules are
 * answered faster by the memoised string matcher, the generated monorepo's 200,000 against
 * 5,000 about twice as fast by the walker. Paths are counted from the batch's size.
 */
const WALKER_PAYS = { bytesPerPath: 48, pathsPerEntry: 4 };
/** Matcher.gitlabSection before any entry, and once entries are in two sections or one is an exclusion. */
const NO_SECTION_YET = -1;
const SECTIONS_APART = -2;
/** GitLab answers kept for sharing, at most (a few hundred bytes each). */
const MAX_SECTION_RESULTS = 20_000;

/** Canonical form of a repository-relative path: no `./`, no leading or trailing `/`. */
class Matcher implements OwnershipMatcher {
  private readonly selfIndex = new RuleIndex<Entry>();
  private readonly descIndex = new RuleIndex<Entry>();
  private readonly dirs = new Map<string, DirState>();
  private readonly sectionNames: string[];
  private readonly sectionInfo: Array<{ optional: boolean; approvals: number }>;
  /** GitLab: answers by the entries that won their sections (see result). */
  private readonly sectionResults = new Map<string, OwnershipResult>();
  private readonly gitlab: boolean;
  /** GitHub/Bitbucket: one implicit section, no exclusions, a single-field accumulator. */
  private readonly single: boolean;
  /** Reused by every single-section lookup: `match` is not re-entrant, and this saves an allocation per path. */
  private readonly scratch = new Accumulator();
  private readonly fileView = new PathView(null, '', 0);
  /** GitHub/Bitbucket: each entry's result by its priority (the rule's index), for the line walker's ids. */
  private readonly resultsById: OwnershipResult[] = [];
  /**
   * GitLab: each entry by its priority, which is unique within its section, so that the walker
   * can stand for a file whose entries are all in one section and none is an exclusion; then
   * the answers by id, made on first use (index id + 1: NO_RULE is -1).
   */
  private readonly gitlabById: Entry[] = [];
  private readonly gitlabResults: Array<OwnershipResult | undefined> = [];
  /** GitLab: the one section that holds entries, NO_SECTION_YET, or SECTIONS_APART (more than one, or an exclusion). */
  private gitlabSection = NO_SECTION_YET;
  private walker: LineMatcher | null | undefined = undefined;

  constructor(parsed: ParsedCodeowners) {
    this.gitlab = parsed.flavor === 'gitlab';
    this.sectionNames = this.gitlab ? parsed.sections.map((s) => s.name) : [''];
    this.sectionInfo = this.gitlab ? parsed.sections.map((s) => ({ optional: s.optional, approvals: s.approvals })) : [];
    this.single = !this.gitlab;
  }

  /** Shares literal segments between this file's patterns while it is compiled; then dropped. */
  private literals: Literals | null = new Map();

  /** Compiles one entry into the indexes (all entries are added before the first lookup). */
  add(parsed: ParsedCodeowners, shared: SharedEntry): void {
    if (this.single && this.addLiteral(shared)) return;
    const compiled = compileRule(parsed, shared.rule, this.literals ?? undefined);
    if (compiled === null) return;
    const entry = this.entry(shared.rule, shared.section, shared.priority);
    const item: Indexed<Entry> = { segs: compiled.segs, value: entry };
    if (compiled.self) this.selfIndex.add(item);
    if (compiled.descendants) this.descIndex.add(item);
  }

  /**
   * GitHub and Bitbucket: a plain anchored path (pattern.ts, githubLiteralPath) goes straight
   * into the trie at its path, without the segment matchers that nothing would read for it
   * (RuleIndex.addLiteralPath). False when the pattern is not such a path.
   */
  private addLiteral(shared: SharedEntry): boolean {
    const literal = githubLiteralPath(shared.rule.pattern);
    if (literal === null) return false;
    const item: Indexed<Entry> = { segs: NO_SEGMENTS, value: this.entry(shared.rule, shared.section, shared.priority) };
    if (!literal.dirOnly) this.selfIndex.addLiteralPath(literal.names, item);
    this.descIndex.addLiteralPath(literal.names, item);
    return true;
  }

  /** Every entry is in: the compile-time tables can go. */
  sealed(): this {
    this.literals = null;
    this.ownerLists = null;
    return this;
  }

  get memoizedDirectories(): number {
    return this.dirs.size;
  }

  /**
   * One-owner lists by the owner: thousands of rules name the same few teams, one frozen list
   * each. A longer list is made per rule: keying it by its joined texts cost more (a string
   * per rule, hashed) than the list itself, on files like nuttx's (16,717 rules, 4 owners each).
   */
  private ownerLists: Map<string, string[]> | null = new Map();

  private entry(rule: Rule, section: number, priority: number): Entry {
    let owners: string[] | undefined;
    if (rule.owners.length === 1) {
      const key = rule.owners[0].text;
      owners = this.ownerLists?.get(key);
      if (owners === undefined) {
        owners = Object.freeze([key]) as string[];
        this.ownerLists?.set(key, owners);
      }
    } else owners = Object.freeze(rule.owners.map((o) => o.text)) as string[];
    const result: OwnershipResult = Object.freeze({ owners, rule });
    if (this.single) this.resultsById[priority] = result;
    else if (this.gitlabSection !== SECTIONS_APART) {
      this.gitlabSection = rule.exclusion || (this.gitlabSection !== NO_SECTION_YET && this.gitlabSection !== section) ? SECTIONS_APART : section;
    }
    const entry: Entry = { rule, section, priority, exclusion: rule.exclusion, owners, result };
    if (!this.single) this.gitlabById[priority] = entry;
    return entry;
  }

  private dir(path: string): DirState {
    const cached = this.dirs.get(path);
    if (cached !== undefined) return cached;
    if (path === '') return this.newDir('', null);
    // Most misses are a directory whose parent is memoised: that one needs no list.
    const cut = path.lastIndexOf('/');
    const parent = this.dirs.get(cut < 0 ? '' : path.slice(0, cut));
    if (parent !== undefined) return this.newDir(path, parent);
    // The nearest memoised ancestor, then the states down from it: a loop, not a recursion, so
    // that a path of thousands of segments (a repository's index can hold one) cannot exhaust
    // the stack.
    const pending: string[] = [];
    let state: DirState | undefined;
    for (let p = path; ; ) {
      pending.push(p);
      if (p === '') break;
      const cut = p.lastIndexOf('/');
      p = cut < 0 ? '' : p.slice(0, cut);
      state = this.dirs.get(p);
      if (state !== undefined) break;
    }
    for (let k = pending.length - 1; k >= 0; k--) state = this.newDir(pending[k], state ?? null);
    return state as DirState;
  }

  /** The state of the directory at `path`, below `parent` (null for the root), memoised. */
  private newDir(path: string, parent: DirState | null): DirState {
    let state: DirState;
    if (parent === null) {
      const self = this.selfIndex.root;
      const desc = this.descIndex.root;
      state = new DirState(null, '', this.single ? null : Accumulator.fresh(this.sectionNames.length, false), self, self.rest, desc, desc.rest);
    } else {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const selfNode = parent.selfNode === null ? null : parent.selfNode.child(name);
      const descNode = parent.descNode === null ? null : parent.descNode.child(name);
      state = new DirState(parent, name, parent.acc === null ? null : parent.acc.copy(), selfNode, extendRest(parent.selfRest, selfNode), descNode, extendRest(parent.descRest, descNode));
      state.single = parent.single;
    }
    // A directory's own matches in the descendants index apply to everything below it.
    if (state.acc === null) {
      const acc = this.scratch.from(state.single);
      collectMatches(this.descIndex, state.descNode, state.descRest, state, acc);
      state.single = acc.single;
    } else collectMatches(this.descIndex, state.descNode, state.descRest, state, state.acc);
    this.dirs.set(path, state);
    return state;
  }

  match(path: string): OwnershipResult {
    let p = path;
    let cut = p.lastIndexOf('/');
    // Most paths come canonical. The memo holds canonical directories only (no `//`), so a
    // path that starts clean (not `/` or `./`), does not end in `/` and whose directory is
    // in the memo is canonical as it is, and skips normalizeRepoPath's scan.
    const first = p.charCodeAt(0);
    let dir = p.length === 0 || first === 47 || (first === 46 && p.charCodeAt(1) === 47) || cut === p.length - 1 ? undefined : this.dirs.get(cut < 0 ? '' : p.slice(0, cut));
    if (dir === undefined) {
      p = normalizeRepoPath(path);
      if (p === '') return this.result(Accumulator.fresh(this.sectionNames.length, this.single));
      if (path.charCodeAt(path.length - 1) === 47) p = `${p}/${FOLDER_PROBE}`;
      cut = p.lastIndexOf('/');
      dir = this.dir(cut < 0 ? '' : p.slice(0, cut));
    }
    if (this.selfIndex.isEmpty) return this.result(dir.acc ?? this.scratch.from(dir.single));
    const file = this.fileView;
    file.reset(dir, cut < 0 ? p : p.slice(cut + 1));
    const node = dir.selfNode === null ? null : dir.selfNode.child(file.name);
    const acc = dir.acc === null ? this.scratch.from(dir.single) : dir.acc.copy();
    collectMatches(this.selfIndex, node, extendRest(dir.selfRest, node), file, acc);
    return this.result(acc);
  }

  lineMatcher(batchBytes = Infinity): LineMatcher | null {
    if (this.walker === undefined) {
      if (!this.single && this.gitlabSection === SECTIONS_APART) this.walker = null;
      else if (batchBytes / WALKER_PAYS.bytesPerPath < WALKER_PAYS.pathsPerEntry * (this.single ? this.resultsById.length : this.gitlabById.length)) return null;
      else this.walker = new LineMatcher({ selfIndex: this.selfIndex, descIndex: this.descIndex, idOf: (e: Entry) => e.priority });
    }
    return this.walker;
  }

  resultOfId(id: number): OwnershipResult {
    if (this.single) return id === NO_RULE ? NO_MATCH : this.resultsById[id];
    let result = this.gitlabResults[id + 1];
    if (result === undefined) {
      // The answer match() gives when this entry wins its section and no other section matches.
      const acc = Accumulator.fresh(this.sectionNames.length, false);
      if (id !== NO_RULE) acc.accept(this.gitlabById[id]);
      result = this.result(acc);
      this.gitlabResults[id + 1] = result;
    }
    return result;
  }

  matchLines(bytes: Uint8Array, visit: LineVisitor): void {
    const walker = this.lineMatcher(bytes.length);
    // A line the walker hands back (every line of most GitLab files) is decoded from a Buffer over
    // the same bytes: TextDecoder on a subarray per line cost a third of a GitLab batch.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    walker?.beginBatch();
    eachLine(bytes, (start, end) => {
      const id = walker === null ? FALLBACK : walker.decideNext(bytes, start, end);
      visit(start, end, id === FALLBACK ? this.match(text.toString('utf8', start, end)) : this.resultOfId(id));
    });
  }

  private result(acc: Accumulator): OwnershipResult {
    if (acc.best === null) return acc.single === null ? NO_MATCH : acc.single.result;
    // The answer depends only on which entry won each section: most files share theirs with
    // their neighbours, so it is made once per set of winners and shared, frozen, as GitHub's
    // answers are. Key: each section's winning priority (unique within its section), in order.
    let key = '';
    for (let s = 0; s < acc.best.length; s++) {
      const e = acc.best[s];
      key += e === null || (acc.excluded as boolean[])[s] ? '-,' : `${e.priority},`;
    }
    const known = this.sectionResults.get(key);
    if (known !== undefined) return known;
    const owners: string[] = [];
    const sections: SectionMatch[] = [];
    let rule: Rule | null = null;
    for (let s = 0; s < acc.best.length; s++) {
      const e = acc.best[s];
      if (e === null || (acc.excluded as boolean[])[s]) continue;
      for (const o of e.owners) if (!owners.includes(o)) owners.push(o);
      // e.owners is frozen: the section's answer can share it.
      sections.push(Object.freeze({ section: this.sectionNames[s], owners: e.owners, rule: e.rule, ...this.sectionInfo[s] }));
      // The rule shown is the one latest in the file among the sections that matched.
      if (rule === null || e.rule.line > rule.line) rule = e.rule;
    }
    const result: OwnershipResult = Object.freeze({ owners: Object.freeze(owners) as string[], rule, sections: Object.freeze(sections) as SectionMatch[] });
    if (this.sectionResults.size < MAX_SECTION_RESULTS) this.sectionResults.set(key, result);
    return result;
  }
}

/** The segments of a literal-path entry, which nothing reads (see Matcher.addLiteral). */
const NO_SEGMENTS = makeSegmentPattern([]);

/** Shared answer for "no rule matched" (frozen: results are shared between lookups). */
const NO_MATCH: OwnershipResult = Object.freeze({ owners: Object.freeze([]) as unknown as string[], rule: null });

// Every compile makes a matcher and its directory states and drops them with it (see hiddenClasses.ts).
{
  const exemplar = new Matcher({ flavor: 'github', rules: [], sections: [], headers: [], diagnostics: [], applied: true });
  // lineMatcher(Infinity): built whatever the batch, as it would be for a big one.
  keepHiddenClasses(exemplar, exemplar.match('a/b'), Accumulator.fresh(2, false), exemplar.lineMatcher(Infinity) as LineMatcher);
}

/** Compiles a parsed file once; the matcher memoises directories as it answers. */
export function compileMatcher(parsed: ParsedCodeowners): OwnershipMatcher {
  const matcher = new Matcher(parsed);
  for (const shared of readEntries(parsed).entries) matcher.add(parsed, shared);
  return matcher.sealed();
}

/** The same as compileMatcher, in slices that leave the event loop free between them. */
export async function compileMatcherSliced(parsed: ParsedCodeowners, slicer: Slicer): Promise<OwnershipMatcher> {
  const matcher = new Matcher(parsed);
  const { entries } = readEntries(parsed);
  for (let i = 0; i < entries.length; i++) {
    if ((i & CHECK_EVERY_MASK) === 0 && slicer.due()) await slicer.next();
    matcher.add(parsed, entries[i]);
  }
  return matcher.sealed();
}
