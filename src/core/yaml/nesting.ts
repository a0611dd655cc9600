// How deeply a YAML text nests its collections, measured on yaml's concrete syntax tree
// before anything recursive touches it. yaml's lexer and parser keep their own stacks, but
// composing the document, converting it to plain data, the schema check and the position
// lookups all recurse once per level: `[[[[…` ten thousand deep in a 20 kB file would
// overflow the stack in any of them, at a depth that depends on how deep the caller's stack
// already is. Refusing such a file up front makes the outcome the same everywhere.
import type { CST } from 'yaml';

/** Hand-written configurations nest five or six levels; 32 leaves room and stays far from any stack limit. */
export const MAX_YAML_DEPTH = 32;

/** Offset of the first collection nested deeper than `limit`, or -1 when there is none. */
export function firstTooDeep(tokens: readonly CST.Token[], limit: number = MAX_YAML_DEPTH): number {
  // An explicit stack: this walk must not recurse either.
  const pending: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  // The walk is depth-first in no particular order, so the earliest offset is kept.
  let first = -1;
  while (pending.length > 0) {
    const { token, depth } = pending.pop() as { token: CST.Token; depth: number };
    switch (token.type) {
      case 'document':
        if (token.value) pending.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) {
          if (first < 0 || token.offset < first) first = token.offset;
          break;
        }
        for (const item of token.items) {
          if (item.key) pending.push({ token: item.key, depth: depth + 1 });
          if (item.value) pending.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return first;
}
