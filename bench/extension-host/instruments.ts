// The instruments of the extension bench (measure.ts): the longest task per phase of the
// scenario, the collector's pauses, and a CPU profile of the extension host.
import * as inspector from 'node:inspector';
import { monitorEventLoopDelay, performance, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { GapWatch } from '../../test/support/gapWatch';

/** A gap of the JS timer: when (performance.now() times), how long, and the process's CPU time in it. */
export interface Gap {
  phase: string;
  step: string;
  ms: number;
  cpuMs: number;
  from: number;
  to: number;
}

/**
 * The longest task in the extension host, per phase of the scenario: how long its event loop
 * went without running a timer. A 1 ms timer (perf_hooks' event-loop delay histogram, in C++)
 * samples the whole phase; its largest gap is the longest stretch in which nothing else could
 * run (any code in the host: ours, VS Code's, the bench's). A second, coarser timer in JS keeps
 * the longest gaps with the step that was running (which file, which hover round), to tell
 * what held the thread. The bench's own full GCs (memory readings) happen between phases.
 */
export class LongestTasks {
  readonly phases: Array<{ phase: string; longestMs: number; p99Ms: number; meanMs: number; ms: number; busiestCpuMs: number }> = [];
  /** Over every gap of 20 ms or more: the most CPU time the process spent inside one. */
  busiest: Gap | undefined;
  private phaseBusiestCpuMs = 0;
  /** The longest gaps seen by the JS timer, with the phase and step they fell in. */
  readonly gaps: Gap[] = [];
  private histogram: IntervalHistogram | undefined;
  private phase = '';
  private started = 0;
  step = '';
  private readonly gapWatch = new GapWatch((ms, cpuMs) => this.noteGap(ms, cpuMs));

  async begin(phase: string): Promise<void> {
    await this.end();
    this.phase = phase;
    this.step = '';
    this.started = performance.now();
    this.histogram = monitorEventLoopDelay({ resolution: 1 });
    this.histogram.enable();
    this.gapWatch.start();
  }

  async end(): Promise<void> {
    if (!this.histogram) return;
    // A task still running when the phase ends (a chain of promises that never gave the loop
    // back) shows only when the timer next fires: let it fire before reading.
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.histogram.disable();
    this.gapWatch.stop();
    const h = this.histogram;
    this.histogram = undefined;
    // The histogram holds the intervals between 1 ms ticks (in ns): the longest one, less the
    // tick itself, is the longest time the loop was held.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - 1);
    this.phases.push({ phase: this.phase, longestMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean), ms: performance.now() - this.started, busiestCpuMs: this.phaseBusiestCpuMs });
    this.phaseBusiestCpuMs = 0;
  }

  private noteGap(ms: number, cpuMs: number): void {
    const to = performance.now();
    const gap: Gap = { phase: this.phase, step: this.step, ms, cpuMs, from: to - ms, to };
    if (!this.busiest || cpuMs > this.busiest.cpuMs) this.busiest = gap;
    this.phaseBusiestCpuMs = Math.max(this.phaseBusiestCpuMs, cpuMs);
    this.gaps.push(gap);
    this.gaps.sort((a, b) => b.ms - a.ms);
    if (this.gaps.length > 12) this.gaps.length = 12;
  }

  get longestMs(): number {
    return Math.max(0, ...this.phases.map((p) => p.longestMs));
  }
}

/** The collector's pauses in this process (perf_hooks 'gc' entries), to tell them from our work. */
export class Collections {
  private readonly pauses: Array<{ start: number; end: number }> = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.pauses.push({ start: e.startTime, end: e.startTime + e.duration });
    if (this.pauses.length > 10_000) this.pauses.splice(0, 5_000);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Milliseconds of collector pauses between `from` and `to` (performance.now() times). */
  within(from: number, to: number): number {
    let ms = 0;
    for (const p of this.pauses) ms += Math.max(0, Math.min(to, p.end) - Math.max(from, p.start));
    return ms;
  }

  dispose(): void {
    this.observer.disconnect();
  }
}

/** Starts the V8 profiler in this process; the returned function stops it and gives the profile. */
export async function startProfile(): Promise<() => Promise<unknown>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 250 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    return profile;
  };
}
