// When activation happened, as the extension itself saw it: when its bundle began to run (the
// build's banner records it before any module code), when activate() was called and when it
// returned. The bench puts these beside VS Code's own figure (activate() called to resolved),
// which also holds VS Code's work before our code runs: reading and compiling the bundle,
// preparing the extension's context and storage.
declare const __ownershipLensBundleStart: number | undefined;
declare const __ownershipLensBundleEnd: number | undefined;

export interface ActivationTiming {
  /** performance.now() when dist/extension.js began to run (undefined outside the bundle). */
  bundleStartedAt: number | undefined;
  /** When its module code had run (VS Code then prepares the context, and calls activate()). */
  bundleEndedAt: number | undefined;
  activateCalledAt: number;
  activateReturnedAt: number;
}

export function startActivationTiming(): { done(): ActivationTiming } {
  const activateCalledAt = performance.now();
  const bundleStartedAt = typeof __ownershipLensBundleStart === 'number' ? __ownershipLensBundleStart : undefined;
  const bundleEndedAt = typeof __ownershipLensBundleEnd === 'number' ? __ownershipLensBundleEnd : undefined;
  return { done: () => ({ bundleStartedAt, bundleEndedAt, activateCalledAt, activateReturnedAt: performance.now() }) };
}
