// "Did you mean": for a rule whose literal path names nothing (`no-match`), the path that is
// there with one name spelled a little differently (`/docs/guid.md` → `/docs/guide.md`,
// `/services/payment/` → `/services/payments/`). No vscode import: unit-tested in Node.
import { editDistance } from '../../core/editDistance';

/** Most edits to a name, and less than half its length, for it to be taken for another. */
const MAX_EDITS = 2;

/**
 * `names` (a path's segments) with the first one that is not there replaced by the closest
 * entry of its folder, when there is exactly one closest, the rest of the path is there as
 * written, and `list` (a folder's entry names by its segments, or null when it cannot be read
 * or is too large to read whole) answers each step; null otherwise.
 */
export function nearestPath(names: readonly string[], list: (dir: readonly string[]) => readonly string[] | null): string[] | null {
  for (let k = 0; k < names.length; k++) {
    const entries = list(names.slice(0, k));
    if (entries === null) return null;
    if (entries.includes(names[k])) continue;
    let best: string | null = null;
    let bestEdits = MAX_EDITS + 1;
    let tie = false;
    for (const e of entries) {
      // Exact below the limit: a tie at bestEdits is a real tie, not two names cut off there.
      const d = editDistance(names[k], e, bestEdits + 1);
      if (d < bestEdits) {
        best = e;
        bestEdits = d;
        tie = false;
      } else if (d === bestEdits && best !== null) tie = true;
    }
    if (best === null || tie || bestEdits * 2 >= names[k].length) return null;
    const fixed = [...names.slice(0, k), best, ...names.slice(k + 1)];
    for (let j = k + 1; j < fixed.length; j++) if (!(list(fixed.slice(0, j)) ?? []).includes(fixed[j])) return null;
    return fixed;
  }
  return null;
}
