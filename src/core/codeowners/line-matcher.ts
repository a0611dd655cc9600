// Owners of paths given as raw bytes, one path per line: the batch form of the matcher, for
// `who --stdin` and any caller holding a file of paths.
//
// Why a second walker: the string matcher memoises a state per directory, and on a cold
// batch of 200,000 paths most of its time goes to making a string per path and per
// directory, hashing it, and building and collecting 54,000 directory states. The index it
// searches (rule-index.ts) is small enough to stay in cache: a few thousand trie nodes and a
// few dozen name and extension keys. This walker reads each path's bytes once, hashes each
// segment as it goes, and steps through flat copies of those same indexes held in typed
// arrays, with no string and no allocation per path (a segment's text is made only for a
// pattern segment-match.ts must match on it: byte-glob.ts).
//
// It is built from the string matcher's own indexes, so the two cannot disagree on which
// patterns can match a path; the checks on those candidates (candidates.ts's collectMatches,
// restMatches and keyedMatches, and glob.ts's matchSegments) are restated here on bytes,
// and test/unit/line-matcher.test.ts holds the two together on real and random files. What
// it does not handle it hands back (FALLBACK), and the caller asks the string matcher: a
// path that is not canonical, not ASCII (`?` counts characters, not bytes), or deeper than
// MAX_DEPTH segments.
//
// GitHub and Bitbucket only (one implicit section, the highest priority wins); a GitLab file,
// with its sections and exclusions, is left to the string matcher.

import { sameBytes } from '../byteLines';
import { asciiBytes, BytePattern, EMPTY, FNV_OFFSET, FNV_PRIME, hashBytes, PathBytes } from './byte-glob';
import { KeyTable, type KeyedRecord } from './key-table';
import { addChecks, ANY, Check, CheckKind, emptySide, keyedCheck, NO_CHECKS, NO_RULE, restCheck, sideBest, type KeyedSide } from './line-checks';
import type { RuleIndex, TrieNode } from './rule-index';

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
/** What LineMatcher keeps of each directory of the last path (see `after`). */
const AFTER = 5;
/** Paths between two looks at whether keeping directories pays (LineMatcher.sample). */
const SAMPLE_PATHS = 2048;
/** Samples' worth of paths that keeping pauses for when it does not pay. */
const PAUSE_SAMPLES = 7;

/** What the walker needs of the string matcher: its two indexes and an id per entry. */
export interface LineMatcherSource<E> {
  selfIndex: RuleIndex<E>;
  descIndex: RuleIndex<E>;
  /** The entry's rank: a higher id wins (ids follow priority). */
  idOf(entry: E): number;
}

/**
 * The walker. `decide` gives the winning entry's id for the path in bytes[start, end), NO_RULE
 * or FALLBACK. Not re-entrant (it keeps its active patterns in scratch arrays).
 */
export class LineMatcher {
  // The trie: the self and descendants tries merged, node 0 the root. A child is found by
  // hashing (parent, segment hash) into an open-addressing table, verified on the bytes.
  private readonly childHash: Int32Array;
  private readonly childParent: Int32Array;
  private readonly childNode: Int32Array;
  private readonly childMask: number;
  /** Node k's segment name is pool[nodeStart[k], nodeStart[k] + nodeLength[k]): one array, not one per node. */
  private readonly pool: Uint8Array;
  private readonly nodeStart: Int32Array;
  private readonly nodeLength: Int32Array;
  private poolUsed = 0;
  private nodes = 0;
  /** Best exact entry at the node, for the file that is this path / the directories that are. */
  private readonly selfExact: Int32Array;
  private readonly descExact: Int32Array;
  /** The node's wildcard-tailed patterns, in force for every path through it. */
  private readonly selfRests: Check[][];
  private readonly descRests: Check[][];

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

  // The directories of the last path walked, for the next one to resume after those it shares
  // (see sharedDirs): the buffer and offset it was in, and for each directory k, in `after`
  // at k * AFTER: where its slash is (from that offset) and the walk's state after it.
  private prevBuffer: Uint8Array = EMPTY;
  private prevStart = 0;
  private readonly after = new Int32Array(MAX_DEPTH * AFTER);
  /** How many of those directories are known. */
  private knownDirs = 0;
  /** Directories not walked again because the path before had them (the tests read it). */
  resumedDirs = 0;
  // Keeping each directory's state costs about as much as resuming saves when paths share one
  // directory in ten with their predecessor (a shuffled list): then it pauses (see `sample`).
  private keeping = true;
  private untilSample = SAMPLE_PATHS;
  private sampleDirs = 0;
  private sampleResumed = 0;

  constructor(src: LineMatcherSource<unknown>) {
    const size0 = { nodes: 0, bytes: 0 };
    measureTrie(src.selfIndex.root, size0);
    measureTrie(src.descIndex.root, size0);
    const nodes = size0.nodes;
    this.pool = new Uint8Array(size0.bytes);
    this.nodeStart = new Int32Array(nodes);
    this.nodeLength = new Int32Array(nodes);
    this.selfExact = new Int32Array(nodes).fill(NO_RULE);
    this.descExact = new Int32Array(nodes).fill(NO_RULE);
    this.selfRests = new Array<Check[]>(nodes).fill(NO_CHECKS);
    this.descRests = new Array<Check[]>(nodes).fill(NO_CHECKS);
    let size = 8;
    while (size < nodes * 2) size <<= 1;
    this.childHash = new Int32Array(size);
    this.childParent = new Int32Array(size).fill(-1);
    this.childNode = new Int32Array(size);
    this.childMask = size - 1;
    this.nodes = 1;
    this.mergeTrie(src, src.selfIndex.root, 0, true);
    this.mergeTrie(src, src.descIndex.root, 0, false);

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
    let rootBest = sideBest(this.descEvery, this.path, 0, this.descExact[0]);
    // A tail that matched no segments at all would apply to the root directory itself. (The
    // index puts none at the root today: a tail hangs below its literal prefix, one segment
    // deep at least. This keeps the walker true to whatever the index holds.)
    for (const r of this.descRests[0]) if (r.id > rootBest && r.matches(this.path, 0)) rootBest = r.id;
    this.rootBest = rootBest;
    const empty = (side: KeyedSide) => side.proven === NO_RULE && side.checks.length === 0;
    this.anyOrEvery = !(empty(this.selfAny) && empty(this.descAny) && empty(this.selfEvery) && empty(this.descEvery));
  }

  private mergeTrie<E>(src: LineMatcherSource<E>, trie: TrieNode<E>, node: number, self: boolean): void {
    let best = NO_RULE;
    for (const item of trie.exact) best = Math.max(best, src.idOf(item.value));
    const rests = trie.rest.length === 0 ? NO_CHECKS : trie.rest.map((e) => restCheck(src.idOf(e.item.value), e));
    if (self) {
      this.selfExact[node] = best;
      this.selfRests[node] = rests;
    } else {
      this.descExact[node] = best;
      this.descRests[node] = rests;
    }
    trie.eachChild((name, child) => {
      const next = this.childOrNew(node, name);
      // A non-ASCII name is never reached: such paths go to the string matcher.
      if (next >= 0) this.mergeTrie(src, child, next, self);
    });
  }

  /** The child of `parent` named `name`, made on first use; -1 for a non-ASCII name. */
  private childOrNew(parent: number, name: string): number {
    // The name is written at the pool's end, and kept there only if the node is new.
    const at = this.poolUsed;
    const pool = this.pool;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      if (c >= 0x80) return -1;
      pool[at + k] = c;
    }
    const end = at + name.length;
    const h = hashBytes(pool, at, end);
    const found = this.child(parent, h, pool, at, end);
    if (found >= 0) return found;
    const node = this.nodes++;
    this.nodeStart[node] = at;
    this.nodeLength[node] = name.length;
    this.poolUsed = end;
    let slot = childSlot(parent, h) & this.childMask;
    while (this.childParent[slot] !== -1) slot = (slot + 1) & this.childMask;
    this.childHash[slot] = h;
    this.childParent[slot] = parent;
    this.childNode[slot] = node;
    return node;
  }

  private child(parent: number, h: number, b: Uint8Array, start: number, end: number): number {
    const mask = this.childMask;
    for (let slot = childSlot(parent, h) & mask; ; slot = (slot + 1) & mask) {
      const p = this.childParent[slot];
      if (p === -1) return -1;
      if (p === parent && this.childHash[slot] === h) {
        const node = this.childNode[slot];
        const n = this.nodeLength[node];
        if (n === end - start && sameBytes(b, start, this.pool, this.nodeStart[node], n)) return node;
      }
    }
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
    this.knownDirs = 0;
    this.prevBuffer = EMPTY;
    this.keeping = true;
    this.untilSample = SAMPLE_PATHS;
    this.sampleDirs = 0;
    this.sampleResumed = 0;
  }

  /**
   * After every SAMPLE_PATHS paths: keep directories while a quarter or more of them resume,
   * else pause for PAUSE_SAMPLES samples' worth of paths, then look again.
   */
  private sample(): void {
    if (this.keeping && this.sampleResumed * 4 < this.sampleDirs) {
      this.keeping = false;
      this.untilSample = PAUSE_SAMPLES * SAMPLE_PATHS;
    } else {
      // (Nothing is known to resume from: every path walked while paused set knownDirs to 0.)
      this.keeping = true;
      this.untilSample = SAMPLE_PATHS;
    }
    this.sampleDirs = 0;
    this.sampleResumed = 0;
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
    const starts = path.starts;
    const ends = path.ends;
    const after = this.after;
    const keeping = this.keeping;
    let depth = keeping ? this.sharedDirs(b, start, end) : 0;
    path.resetFrom(b, depth);
    let best: number;
    let nSelf: number;
    let nDesc: number;
    let node: number;
    let s = start;
    if (depth === 0) {
      best = this.rootBest;
      nSelf = this.activate(this.selfRests[0], this.activeSelf, 0);
      nDesc = this.activate(this.descRests[0], this.activeDesc, 0);
      node = 0;
    } else {
      this.resumedDirs += depth;
      this.sampleResumed += depth;
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
    this.knownDirs = depth;
    this.prevBuffer = b;
    this.prevStart = start;
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
      starts[depth] = s;
      ends[depth] = i;
      depth++;
      const isFile = i === end;
      if (node >= 0) {
        node = this.child(node, h, b, s, i);
        if (node >= 0) {
          nSelf = this.activate(this.selfRests[node], this.activeSelf, nSelf);
          // The file's own node's descendant tails apply to nothing below it: there is none.
          if (!isFile) nDesc = this.activate(this.descRests[node], this.activeDesc, nDesc);
          best = Math.max(best, isFile ? this.selfExact[node] : this.descExact[node]);
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
        this.sampleDirs += depth - 1;
        if (--this.untilSample === 0) this.sample();
        return best;
      }
      if (keeping) {
        // Kept for the next path (sharedDirs), here rather than in a call: it is made for every directory.
        const at = (depth - 1) * AFTER;
        after[at] = i - start;
        after[at + 1] = node;
        after[at + 2] = best;
        after[at + 3] = nSelf;
        after[at + 4] = nDesc;
        this.knownDirs = depth;
      }
      s = i + 1;
    }
  }

  /** How many directories the path in b[start, end) shares with the last one walked (see decideNext). */
  private sharedDirs(b: Uint8Array, start: number, end: number): number {
    const known = this.knownDirs;
    if (known === 0 || b !== this.prevBuffer) return 0;
    const after = this.after;
    const prev = this.prevStart;
    const limit = Math.min(after[(known - 1) * AFTER] + 1, end - start);
    let same = 0;
    while (same < limit && b[start + same] === b[prev + same]) same++;
    // Directories whose slash is among the bytes in common (counted up: most share few).
    let dirs = 0;
    while (dirs < known && after[dirs * AFTER] < same) dirs++;
    return dirs;
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

function childSlot(parent: number, h: number): number {
  return Math.imul(parent + 1, 0x9e3779b1) ^ h;
}

/** Adds the trie's nodes and the bytes of their names to `size` (an upper bound: ASCII names only are kept). */
function measureTrie(trie: TrieNode<unknown>, size: { nodes: number; bytes: number }): void {
  size.nodes++;
  trie.eachChild((name, child) => {
    size.bytes += name.length;
    measureTrie(child, size);
  });
}

function countKeys(keys: Iterable<unknown>): number {
  return Array.from(keys).length;
}

