// An index over compiled patterns that finds the few rules that can match a path without
// trying every rule.
//
// Real CODEOWNERS files are mostly anchored literal prefixes (`/services/billing/`), names
// (`Makefile`, `docs/`) and extensions (`*.md`). So:
//   - a pattern whose first segments are literal goes into a segment trie at that prefix;
//     walking the path's segments down the trie reaches it; whatever follows the literal
//     prefix is checked by the glob code;
//   - otherwise a pattern whose last segment is literal is found by hashing the path's last
//     segment (`**/Kconfig`, `/*/docs`);
//   - otherwise a last segment `*<suffix>` with a dot is found by hashing the extension;
//   - the rest (rare: `*`, `/*/x*`) is checked one by one.
// Every candidate is then verified in full, so the index only has to be a superset.

import { keepHiddenClasses } from '../hiddenClasses';
import { makeSegmentPattern, type SegmentPattern } from './glob';
import type { SegmentMatcher } from './segment-glob';

/** A pattern placed in the index, with the payload the matcher needs back. */
export interface Indexed<T> {
  segs: SegmentPattern;
  value: T;
}

interface RestEntry<T> {
  item: Indexed<T>;
  /** The literal prefix's length: the rest is matched against segs[depth..]. */
  depth: number;
  rest: SegmentPattern;
  /**
   * The rest is `**` + one segment pattern (`/services/x/**\/*.sql`, the commonest shape):
   * then "some segment below the prefix, and the last one matches" decides, without the
   * path's segments.
   */
  lastOnly: SegmentMatcher | null;
  /** The rest is one segment pattern (`/src/*`): the path must be exactly one segment longer. */
  oneOnly: SegmentMatcher | null;
}

/** Shared by every node without entries of a kind (most nodes): one allocation, not thousands. */
const NO_ITEMS: never[] = [];

// A compiled 5,000-rule file holds some 9,000 nodes, most of them leaves: their child map is
// made on first use, and their lists start at exactly one element (an array grown by push
// from empty reserves 17 slots). Less held memory is less for the collector to copy.
export class TrieNode<T> {
  private kids: Map<string, TrieNode<T>> | null = null;
  /** Patterns that are exactly the literal path to this node. */
  exact: Array<Indexed<T>> = NO_ITEMS;
  /** Patterns with this node's path as literal prefix and wildcards after it. */
  rest: Array<RestEntry<T>> = NO_ITEMS;

  child(name: string): TrieNode<T> | null {
    return this.kids === null ? null : (this.kids.get(name) ?? null);
  }

  /**
   * Hands each child and its segment name to `visit` (for the byte-level walker,
   * line-matcher.ts). A callback, not an iterator: leaves, most nodes, then cost nothing.
   */
  eachChild(visit: (name: string, child: TrieNode<T>) => void): void {
    if (this.kids !== null) this.kids.forEach((child, name) => visit(name, child));
  }

  childOrNew(name: string): TrieNode<T> {
    let child = this.kids?.get(name);
    if (child === undefined) {
      child = new TrieNode<T>();
      (this.kids ??= new Map()).set(name, child);
    }
    return child;
  }
}

/** Appends to a list that may still be the shared empty one. */
function appended<V>(list: V[], value: V): V[] {
  if (list === NO_ITEMS) return [value];
  list.push(value);
  return list;
}

interface KeyedEntry<T> {
  item: Indexed<T>;
  /** True when the key lookup alone proves the match (`**` + one literal name). */
  proven: boolean;
  /** `**` + one segment pattern: checking the last segment alone decides. */
  lastOnly: SegmentMatcher | null;
}

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * One bit per key length (lengths of 31 and more share the last): a path's name whose length
 * no key has cannot be in the map, and testing a bit is cheaper than hashing the name, which
 * for a fresh string means reading all of it.
 */
function lengthBit(length: number): number {
  return 1 << (length < 31 ? length : 31);
}

export class RuleIndex<T> {
  readonly root = new TrieNode<T>();
  private readonly byName = new Map<string, Array<KeyedEntry<T>>>();
  private readonly byExtension = new Map<string, Array<KeyedEntry<T>>>();
  private readonly generic: Array<Indexed<T>> = [];
  /** `**` + one segment pattern with no usable key (`*`, `*bar*`): decided by the last segment. */
  private readonly anyName: Array<KeyedEntry<T>> = [];
  private nameLengths = 0;
  private extensionLengths = 0;
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(item: Indexed<T>): void {
    this.size++;
    const ms = item.segs.segments;
    if (ms.length === 0 || ms[0].kind === 'literal') {
      let node = this.root;
      let k = 0;
      while (k < ms.length) {
        const m = ms[k];
        if (m.kind !== 'literal') break;
        node = node.childOrNew(m.text);
        k++;
      }
      if (k === ms.length) node.exact = appended(node.exact, item);
      else {
        const tail = ms.slice(k);
        const lastOnly = tail.length === 2 && tail[0].kind === 'globstar' && tail[1].kind !== 'globstar' ? tail[1] : null;
        const oneOnly = tail.length === 1 ? tail[0] : null;
        node.rest = appended(node.rest, { item, depth: k, rest: makeSegmentPattern(tail), lastOnly, oneOnly });
      }
      return;
    }
    const last = ms[ms.length - 1];
    const lastOnly = ms.length === 2 && ms[0].kind === 'globstar' && last.kind !== 'globstar' ? last : null;
    if (last.kind === 'literal') {
      pushTo(this.byName, last.text, { item, proven: lastOnly !== null, lastOnly });
      this.nameLengths |= lengthBit(last.text.length);
    } else if (last.kind === 'glob' && last.glob.literalSuffix !== null && last.glob.literalSuffix.includes('.')) {
      const ext = extensionOf(last.glob.literalSuffix);
      pushTo(this.byExtension, ext, { item, proven: false, lastOnly });
      this.extensionLengths |= lengthBit(ext.length);
    } else if (lastOnly !== null) {
      this.anyName.push({ item, proven: false, lastOnly });
    } else {
      this.generic.push(item);
    }
  }

  /**
   * A pattern that is exactly the literal path `names` (one name per segment): found at its
   * trie node, with nothing left to check, so its compiled segments are never read (the
   * matcher passes none for the commonest rule, `/services/billing/`).
   */
  addLiteralPath(names: readonly string[], item: Indexed<T>): void {
    this.size++;
    let node = this.root;
    for (const name of names) node = node.childOrNew(name);
    node.exact = appended(node.exact, item);
  }

  /** Patterns found by hashing a path's last segment `name`: its name, then its extension. */
  named(name: string): ReadonlyArray<KeyedEntry<T>> | undefined {
    return (this.nameLengths & lengthBit(name.length)) === 0 ? undefined : this.byName.get(name);
  }

  byExtensionOf(name: string): ReadonlyArray<KeyedEntry<T>> | undefined {
    // The key is what follows the suffix's last dot, so a name without a dot (most
    // directories) has no extension rule; nor one whose extension no key is as long as.
    if (this.byExtension.size === 0) return undefined;
    const dot = name.lastIndexOf('.');
    if (dot < 0 || (this.extensionLengths & lengthBit(name.length - dot - 1)) === 0) return undefined;
    return this.byExtension.get(name.slice(dot + 1));
  }

  /** Every name key and its patterns (for the byte-level walker, line-matcher.ts). */
  nameKeys(): Iterable<[string, ReadonlyArray<KeyedEntry<T>>]> {
    return this.byName.entries();
  }

  /** Every extension key (the text after the suffix's last dot) and its patterns. */
  extensionKeys(): Iterable<[string, ReadonlyArray<KeyedEntry<T>>]> {
    return this.byExtension.entries();
  }

  /** `**` + one segment pattern, tried on every path's last segment. */
  get lastSegmentOnly(): ReadonlyArray<KeyedEntry<T>> {
    return this.anyName;
  }

  /** Patterns that must be tried on every path. */
  get unindexed(): ReadonlyArray<Indexed<T>> {
    return this.generic;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Each compile makes an index and its trie and drops them with the matcher (see hiddenClasses.ts).
keepHiddenClasses(new TrieNode(), new RuleIndex());

export type { RestEntry, KeyedEntry };
