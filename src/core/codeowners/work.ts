// A counter of matching work, kept by the engine itself.
//
// Speed targets are measured by benchmarks, but "no pattern can make matching blow up" is a
// property we want tests to prove on any machine, however loaded. Wall-clock time cannot do
// that; counting the elementary steps the matcher takes can. Every loop in the glob code
// charges this meter, so a test can assert that an adversarial pattern costs O(pattern ×
// path) steps and not O(2^n).

let steps = 0;

/** Adds `n` elementary steps (character or segment comparisons). */
export function charge(n: number): void {
  steps += n;
}

/** Steps counted since the process started (or the last reset). */
export function workSteps(): number {
  return steps;
}

export function resetWork(): void {
  steps = 0;
}
