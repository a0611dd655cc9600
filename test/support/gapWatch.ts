// Tells a task from a stall in this process's event loop: a 2 ms timer that notes, for every
// gap of 20 ms or more between its ticks, how much CPU time the process used inside it. A task
// holds the thread, so its CPU time is its length; a gap with almost none is the process
// waiting for a core (on a 2-core machine, while the browser draws). The CPU time counts every
// thread of the process (workers, V8's helpers), so it is an upper bound for the loop's own.
// Used by the extension bench (bench/extension-host/instruments.ts) and the large-repository
// integration suite.

export class GapWatch {
  private ticker: ReturnType<typeof setTimeout> | undefined;

  /** `onGap` hears of each gap of `minGapMs` or more: its length and the CPU time inside it (ms). */
  constructor(
    private readonly onGap: (ms: number, cpuMs: number) => void,
    private readonly minGapMs = 20,
  ) {}

  start(): void {
    this.stop();
    let last = performance.now();
    let cpu = process.cpuUsage();
    const tick = () => {
      const now = performance.now();
      const gap = now - last;
      last = now;
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      if (gap >= this.minGapMs) this.onGap(gap, Math.min(gap, (used.user + used.system) / 1000));
      this.ticker = setTimeout(tick, 2);
    };
    this.ticker = setTimeout(tick, 2);
  }

  stop(): void {
    clearTimeout(this.ticker);
    this.ticker = undefined;
  }
}
