// Which entry wins each file, from the entries' match sets, without looking at any file twice.
//
// "Highest priority among the entries that match" is painting: go through the entries from
// the highest priority down and claim every file of their ranges that is still free. A
// "next free file" pointer per file, with path compression (a union-find over positions),
// lets each range skip the files already claimed, so the whole painting costs about one step
// per file plus one per range, however much the rules overlap (`*` over 200,000 files, then
// 5,000 rules above it, is not 5,000 × 200,000).

import type { MatchSet } from './match-sets';

/** No entry matched the file. */
export const NONE = -1;

export class Painter {
  private readonly next: Int32Array;

  constructor(private readonly size: number) {
    this.next = new Int32Array(size + 1);
  }

  /**
   * Fills `winner` (one slot per file) with the first entry of `order` whose set holds the
   * file, or NONE. `order` lists entry ids from the highest priority to the lowest.
   */
  paint(order: readonly number[], sets: readonly MatchSet[], winner: Int32Array): void {
    const next = this.next;
    for (let i = 0; i <= this.size; i++) next[i] = i;
    winner.fill(NONE);
    for (const id of order) {
      const r = sets[id].ranges;
      for (let k = 0; k < r.length; k += 2) {
        const end = r[k + 1];
        for (let i = this.free(r[k]); i < end; i = this.free(i + 1)) {
          winner[i] = id;
          next[i] = i + 1;
        }
      }
    }
  }

  /** Marks in `mask` every file that some set of `ids` holds. */
  static mark(ids: readonly number[], sets: readonly MatchSet[], mask: Uint8Array): void {
    for (const id of ids) {
      const r = sets[id].ranges;
      for (let k = 0; k < r.length; k += 2) mask.fill(1, r[k], r[k + 1]);
    }
  }

  /** The first unclaimed file at or after i. */
  private free(i: number): number {
    const next = this.next;
    let root = i;
    while (next[root] !== root) root = next[root];
    while (next[i] !== root) {
      const t = next[i];
      next[i] = root;
      i = t;
    }
    return root;
  }
}
