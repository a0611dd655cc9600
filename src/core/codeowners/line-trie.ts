// The batch walker's trie (line-matcher.ts): the string matcher's self and descendants tries
// (rule-index.ts) merged and laid flat in typed arrays. A child is found by hashing (parent,
// segment hash) into an open-addressing table and verified on the bytes, so a step needs no
// string; each node keeps its best exact entry and its wildcard-tailed patterns, per side.
import { sameBytes } from '../byteLines';
import { hashBytes } from './byte-glob';
import { NO_CHECKS, NO_RULE, restCheck, type Check } from './line-checks';
import type { RuleIndex, TrieNode } from './rule-index';

/** What the walker needs of the string matcher: its two indexes and an id per entry. */
export interface LineMatcherSource<E> {
  selfIndex: RuleIndex<E>;
  descIndex: RuleIndex<E>;
  /** The entry's rank: a higher id wins (ids follow priority). */
  idOf(entry: E): number;
}

/** The merged trie; node 0 is the root. */
export class LineTrie {
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
  readonly selfExact: Int32Array;
  readonly descExact: Int32Array;
  /** The node's wildcard-tailed patterns, in force for every path through it. */
  readonly selfRests: Check[][];
  readonly descRests: Check[][];

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

  /** The child of `parent` whose name is b[start, end) with hash `h`; -1 when there is none. */
  child(parent: number, h: number, b: Uint8Array, start: number, end: number): number {
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
