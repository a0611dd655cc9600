// Long computations in an editor must not hold the thread: the extension host runs every
// extension on one event loop, so a 100 ms compile is 100 ms in which no hover, completion
// or keystroke of anyone is answered. The engine's batch loops can run in slices instead:
// they ask the slicer whether the current slice has used its time and, when it has, await the
// next one (a later turn of the event loop, after whatever was queued meanwhile).
//
// The sliced and the one-go forms run the same loop bodies, so they give identical results.

/** Decides where a sliced loop stops for a moment. */
export interface Slicer {
  /** True when the current slice has used its share of time. */
  due(): boolean;
  /** Ends the slice: resolves on a later turn of the event loop, starting the next slice. */
  next(): Promise<void>;
}

/** Slices of about `sliceMs` milliseconds, each followed by a turn of the event loop. */
export function timeSlices(sliceMs = 8): Slicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    next: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          start = performance.now();
          resolve();
        }),
      ),
  };
}

/** How many loop iterations run between two looks at the clock (a power of two, minus one). */
export const CHECK_EVERY_MASK = 31;
