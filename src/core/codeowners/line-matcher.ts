// Owners of paths given as raw bytes, one path per line: the batch form of the matcher, for
// `who --stdin` and any caller holding a file of paths.
//
// Why a second walker: the string matcher memoises a state per directory, and on a cold
// batch of 200,000 paths most of its time goes to making a string per path and per
// directory, hashing it, and building and collecting 54,000 directory states. The index it
// searches (rule-index.ts) is small enough to stay in cache: a few thousand trie nodes and a
// few dozen name and extension keys. This walker reads each path's bytes once, hashes each
// segment as it goes, and steps through flat copies of those same indexes held in typed
// arrays (the trie: line-trie.ts), with no string and no allocation per path (a segment's
// text is made only for a pattern segment-match.ts must match on it: byte-glob.ts). In a
// batch, a path resumes after the directories it shares with the one before (line-resume.ts).
//
// It is built from the string matcher's own indexes, so the two cannot disagree on which
// patterns can match a path; the checks on those candidates (candidates.ts's collectMatches,
// restMatches and keyedMatches, and glob.ts's matchSegments) are restated here on bytes,
// and test/unit/line-matcher.test.ts holds the two together on real and random files. What
// it does not handle it hands back (FALLBACK), and the caller asks the string matcher: a
// path that is not canonical, has a `.` or `..` segment, is not ASCII (`?` counts characters,
// not bytes), or is deeper than MAX_DEPTH segments.
//
// One section, where the highest priority wins: GitHub and Bitbucket, and a GitLab file whose
// entries all sit in one section with no exclusion (the matcher decides, see lineMatcher); any
// other GitLab file, with its several sections and exclusions, is left to the string matcher.

import { asciiBytes, BytePattern, EMPTY, FNV_OFFSET, FNV_PRIME, hashBytes, PathBytes } from './byte-glob';
import { KeyTable, type KeyedRecord } from './key-table';
import { addChecks, ANY, Check, CheckKind, emptySide, keyedCheck, NO_RULE, sideBest, type KeyedSide } from './line-checks';
import { AFTER, ResumeMemo } from './line-resume';
import { LineTrie, type LineMatcherSource } from './line-trie';

export type { LineMatcherSource };

/** `decide`'s answer when this walker cannot decide the path: ask the string matcher. */
export const FALLBACK = -2;
/** `decide`'s answer when no rule matches. */
export { NO_RULE };

const SLASH = 0x2f;
const DOT = 0x2e;
/** Room for the wildcard-tailed patterns one path meets on its way down (it grows if need be). */
const ACTIVE_ROOM = 64;
/** Most segments in a path the walker decides (more: FALLBACK). */
const MAX_DEPTH = 256;

/**
 * The walker. `decide` gives the winning entry's id for the path in bytes[start, end), NO_RULE
 * or FALLBACK. Not re-entrant (it keeps its active patterns in scratch arrays).
 */
export class LineMatcher {
  private readonly trie: LineTrie;
  private readonly names: KeyTable;
  private readonly extensions: KeyTable;
  /** `**` + one segment, tried on every last segment (`**` + `*` is proven: always). */
  private readonly selfAny: KeyedSide = emptySide();
  private readonly descAny: KeyedSide = emptySide();
  /** Patterns tried on every path (RuleIndex.unindexed), for files and for directories. */
  private readonly selfEvery: KeyedSide = emptySide();
  private readonly descEvery: KeyedSide = emptySide();

  private readonly activeSelf: Check[] = new Array<Check>(ACTIVE_ROOM);
  private readonly activeDesc: Check[] = new Array<Check>(ACTIVE_ROOM);
  /** The current path and its segments. */
  private readonly path = new PathBytes(MAX_DEPTH);
  /** The root directory's best match: its exact patterns and the every-path ones, on no segments. */
  private readonly rootBest: number;
  /** Whether any last-segment or every-path pattern exists (most files have none: two calls saved per segment). */
  private readonly anyOrEvery: boolean;

  /** The last path's directories, for the next path to resume after those it shares. */
  private readonly memo = new ResumeMemo(MAX_DEPTH);

  /** Directories not walked again because the path before had them (the tests read it). */
  get resumedDirs(): number {
    return this.memo.resumedDirs;
  }

  constructor(src: LineMatcherSource<unknown>) {
    const trie = (this.trie = new LineTrie(src));
    this.names = new KeyTable(countKeys(src.selfIndex.nameKeys()) + countKeys(src.descIndex.nameKeys()));
    this.extensions = new KeyTable(countKeys(src.selfIndex.extensionKeys()) + countKeys(src.descIndex.extensionKeys()));
    for (const [self, index] of [[true, src.selfIndex], [false, src.descIndex]] as const) {
      for (const [name, list] of index.nameKeys()) {
        const bytes = asciiBytes(name);
        // A non-ASCII key is never found: such paths go to the string matcher.
        if (bytes === null) continue;
        const side = sideOf(this.names.recordFor(bytes), self);
        // collectMatches: a name match is proven, or verified on the whole path.
        for (const e of list) {
          if (e.proven) side.proven = Math.max(side.proven, src.idOf(e.item.value));
          else side.checks.push(keyedCheck(src.idOf(e.item.value), e));
        }
      }
      for (const [ext, list] of index.extensionKeys()) {
        const bytes = asciiBytes(ext);
        if (bytes !== null) addChecks(list, src.idOf, sideOf(this.extensions.recordFor(bytes), self));
      }
      addChecks(index.lastSegmentOnly, src.idOf, self ? this.selfAny : this.descAny);
      for (const item of index.unindexed) {
        const check = new Check(src.idOf(item.value), CheckKind.Full, 0, ANY, BytePattern.of(item.segs));
        (self ? this.selfEvery : this.descEvery).checks.push(check);
      }
    }
    this.path.reset(EMPTY);
    let rootBest = sideBest(this.descEvery, this.path, 0, trie.descExact[0]);
    // A tail that matched no segments at all would apply to the root directory itself. (The
    // index puts none at the root today: a tail hangs below its literal prefix, one segment
    // deep at least. This keeps the walker true to whatever the index holds.)
    for (const r of trie.descRests[0]) if (r.id > rootBest && r.matches(this.path, 0)) rootBest = r.id;
    this.rootBest = rootBest;
    const empty = (side: KeyedSide) => side.proven === NO_RULE && side.checks.length === 0;
    this.anyOrEvery = !(empty(this.selfAny) && empty(this.descAny) && empty(this.selfEvery) && empty(this.descEvery));
  }

  /**
   * The winning entry's id for the path in bytes[start, end) (no line break, no CR), NO_RULE
   * when no rule matches, FALLBACK when the string matcher must decide. The steps are those
   * of Matcher.dir and Matcher.match with collectMatches: each directory's matches in the
   * descendants index, then the file's in the self index.
   */
  decide(b: Uint8Array, start: number, end: number): number {
    this.beginBatch();
    return this.decideNext(b, start, end);
  }

  /** Starts a batch for decideNext: the last path walked is forgotten. */
  beginBatch(): void {
    this.memo.begin();
  }

  /**
   * decide() for the next path of a batch: paths in one buffer whose bytes do not change until
   * the next beginBatch(), in any order. A path that starts with directories of the one before
   * resumes the walk after them: batches come sorted more often than not (`git ls-files`),
   * and then most of a path's directories are its predecessor's.
   */
  decideNext(b: Uint8Array, start: number, end: number): number {
    if (end <= start) return FALLBACK;
    const first = b[start];
    // Not canonical (normalizeRepoPath would change it): `/a`, `./a`, `a/`; `a//b` below.
    if (first === SLASH || (first === DOT && start + 1 < end && b[start + 1] === SLASH) || b[end - 1] === SLASH) return FALLBACK;
    const path = this.path;
    const trie = this.trie;
    const starts = path.starts;
    const ends = path.ends;
    const memo = this.memo;
    const after = memo.after;
    const keeping = memo.keeping;
    let depth = memo.resume(b, start, end);
    path.resetFrom(b, depth);
    let best: number;
    let nSelf: number;
    let nDesc: number;
    let node: number;
    let s = start;
    if (depth === 0) {
      best = this.rootBest;
      nSelf = this.activate(trie.selfRests[0], this.activeSelf, 0);
      nDesc = this.activate(trie.descRests[0], this.activeDesc, 0);
      node = 0;
    } else {
      // The active tails of those directories are still in place: a deeper walk only appends.
      const at = (depth - 1) * AFTER;
      node = after[at + 1];
      best = after[at + 2];
      nSelf = after[at + 3];
      nDesc = after[at + 4];
      for (let k = 0; k < depth; k++) {
        starts[k] = s;
        s = start + after[k * AFTER];
        ends[k] = s;
        s++;
      }
    }
    for (;;) {
      // On the trie, the segment's hash finds its child. Off it, most segments need no hash
      // at all (no name key is as long and starts the same): a lighter loop.
      const onTrie = node >= 0;
      let h = FNV_OFFSET;
      let dot = -1;
      let i = s;
      if (onTrie) {
        for (; i < end; i++) {
          const c = b[i];
          if (c === SLASH) break;
          if (c >= 0x80) return FALLBACK;
          if (c === DOT) dot = i;
          h = Math.imul(h ^ c, FNV_PRIME);
        }
      } else {
        for (; i < end; i++) {
          const c = b[i];
          if (c === SLASH) break;
          if (c >= 0x80) return FALLBACK;
          if (c === DOT) dot = i;
        }
      }
      if (i === s || depth === MAX_DEPTH) return FALLBACK;
      // `.` and `..`: the caller may resolve them (the CLI does); the string matcher reads them as names.
      if (i - s <= 2 && b[s] === DOT && b[i - 1] === DOT) return FALLBACK;
      starts[depth] = s;
      ends[depth] = i;
      depth++;
      const isFile = i === end;
      if (node >= 0) {
        node = trie.child(node, h, b, s, i);
        if (node >= 0) {
          nSelf = this.activate(trie.selfRests[node], this.activeSelf, nSelf);
          // The file's own node's descendant tails apply to nothing below it: there is none.
          if (!isFile) nDesc = this.activate(trie.descRests[node], this.activeDesc, nDesc);
          best = Math.max(best, isFile ? trie.selfExact[node] : trie.descExact[node]);
        }
      }
      const active = isFile ? this.activeSelf : this.activeDesc;
      const nActive = isFile ? nSelf : nDesc;
      for (let k = 0; k < nActive; k++) {
        const r = active[k];
        if (r.id > best && r.matches(path, depth)) best = r.id;
      }
      if (this.names.mayHold(i - s, b[s])) {
        const named = this.names.find(onTrie ? h : hashBytes(b, s, i), b, s, i);
        if (named !== null) best = sideBest(isFile ? named.self : named.desc, path, depth, best);
      }
      if (dot >= 0 && this.extensions.mayHold(i - dot - 1, dot + 1 < i ? b[dot + 1] : 0)) {
        const ext = this.extensions.find(hashBytes(b, dot + 1, i), b, dot + 1, i);
        if (ext !== null) best = sideBest(isFile ? ext.self : ext.desc, path, depth, best);
      }
      if (this.anyOrEvery) {
        best = sideBest(isFile ? this.selfAny : this.descAny, path, depth, best);
        best = sideBest(isFile ? this.selfEvery : this.descEvery, path, depth, best);
      }
      if (isFile) {
        memo.pathDone(depth - 1);
        return best;
      }
      if (keeping) {
        // Kept for the next path (ResumeMemo), here rather than in a call: it is made for every directory.
        const at = (depth - 1) * AFTER;
        after[at] = i - start;
        after[at + 1] = node;
        after[at + 2] = best;
        after[at + 3] = nSelf;
        after[at + 4] = nDesc;
        memo.knownDirs = depth;
      }
      s = i + 1;
    }
  }

  /** Appends a node's wildcard-tailed patterns to the active ones (the array grows if need be). */
  private activate(rests: Check[], into: Check[], n: number): number {
    for (let k = 0; k < rests.length; k++) into[n++] = rests[k];
    return n;
  }
}

function sideOf(record: KeyedRecord, self: boolean): KeyedSide {
  return self ? record.self : record.desc;
}

function countKeys(keys: Iterable<unknown>): number {
  return Array.from(keys).length;
}

