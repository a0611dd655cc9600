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

import { makeSegmentPattern, matchSegments, type SegmentPattern } from './glob';

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
}

export class TrieNode<T> {
  readonly children = new Map<string, TrieNode<T>>();
  /** Patterns that are exactly the literal path to this node. */
  readonly exact: Array<Indexed<T>> = [];
  /** Patterns with this node's path as literal prefix and wildcards after it. */
  readonly rest: Array<RestEntry<T>> = [];
}

interface KeyedEntry<T> {
  item: Indexed<T>;
  /** True when the key lookup alone proves the match (`**` + one literal name). */
  proven: boolean;
}

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

export class RuleIndex<T> {
  readonly root = new TrieNode<T>();
  private readonly byName = new Map<string, Array<KeyedEntry<T>>>();
  private readonly byExtension = new Map<string, Array<KeyedEntry<T>>>();
  private readonly generic: Array<Indexed<T>> = [];
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
        let child = node.children.get(m.text);
        if (!child) {
          child = new TrieNode<T>();
          node.children.set(m.text, child);
        }
        node = child;
        k++;
      }
      if (k === ms.length) node.exact.push(item);
      else node.rest.push({ item, depth: k, rest: makeSegmentPattern(ms.slice(k)) });
      return;
    }
    const last = ms[ms.length - 1];
    const proven = ms.length === 2 && ms[0].kind === 'globstar';
    if (last.kind === 'literal') {
      pushTo(this.byName, last.text, { item, proven });
    } else if (last.kind === 'glob' && last.glob.literalSuffix !== null && last.glob.literalSuffix.includes('.')) {
      pushTo(this.byExtension, extensionOf(last.glob.literalSuffix), { item, proven: false });
    } else {
      this.generic.push(item);
    }
  }

  /**
   * Calls `hit` for every indexed pattern matching `segs` in full, except those found through
   * the trie: walking the trie is the caller's job (it memoises the walk per directory).
   */
  visitUnanchored(segs: readonly string[], hit: (item: Indexed<T>) => void): void {
    if (segs.length > 0) {
      const name = segs[segs.length - 1];
      const named = this.byName.get(name);
      if (named) for (const e of named) if (e.proven || matchSegments(e.item.segs, segs)) hit(e.item);
      if (this.byExtension.size > 0) {
        const ext = this.byExtension.get(extensionOf(name));
        if (ext) for (const e of ext) if (matchSegments(e.item.segs, segs)) hit(e.item);
      }
    }
    for (const item of this.generic) if (matchSegments(item.segs, segs)) hit(item);
  }

  /** Checks a node's wildcard-tailed patterns against `segs`. */
  static visitRest<T>(entries: ReadonlyArray<RestEntry<T>>, segs: readonly string[], hit: (item: Indexed<T>) => void): void {
    for (const e of entries) if (matchSegments(e.rest, segs, e.depth)) hit(e.item);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type { RestEntry };
