// What the batch walker (line-matcher.ts) remembers of the last path it walked, so that the
// next one resumes after the directories they share: batches come sorted more often than not
// (`git ls-files`), and then most of a path's directories are its predecessor's. The walker
// writes each directory's state into `after` itself (it is done for every directory, in its
// hottest loop); this keeps the rest: where the path was, how much of it is known, and whether
// keeping pays at all.
import { EMPTY } from './byte-glob';

/** What is kept of each directory, at k * AFTER in `after`: its slash's offset from the path's start, then the walk's node, best entry and active tail counts after it. */
export const AFTER = 5;
/** Paths between two looks at whether keeping directories pays (ResumeMemo.pathDone). */
const SAMPLE_PATHS = 2048;
/** Samples' worth of paths that keeping pauses for when it does not pay. */
const PAUSE_SAMPLES = 7;

export class ResumeMemo {
  readonly after: Int32Array;
  /** The buffer and offset of the last path walked. */
  private prevBuffer: Uint8Array = EMPTY;
  private prevStart = 0;
  /** How many of its directories are in `after`. */
  knownDirs = 0;
  /** Directories not walked again because the path before had them (the tests read it). */
  resumedDirs = 0;
  // Keeping each directory's state costs about as much as resuming saves when paths share one
  // directory in ten with their predecessor (a shuffled list): then it pauses (see pathDone).
  keeping = true;
  private untilSample = SAMPLE_PATHS;
  private sampleDirs = 0;
  private sampleResumed = 0;

  constructor(maxDepth: number) {
    this.after = new Int32Array(maxDepth * AFTER);
  }

  /** Forgets the last path (a new batch: its buffer's bytes may have changed). */
  begin(): void {
    this.knownDirs = 0;
    this.prevBuffer = EMPTY;
    this.keeping = true;
    this.untilSample = SAMPLE_PATHS;
    this.sampleDirs = 0;
    this.sampleResumed = 0;
  }

  /**
   * How many directories the path in b[start, end) shares with the last one walked (none
   * while keeping pauses), and it becomes the last one: what it walks from there on is written
   * into `after` by the walker.
   */
  resume(b: Uint8Array, start: number, end: number): number {
    const dirs = this.keeping ? this.shared(b, start, end) : 0;
    if (dirs > 0) {
      this.resumedDirs += dirs;
      this.sampleResumed += dirs;
    }
    this.knownDirs = dirs;
    this.prevBuffer = b;
    this.prevStart = start;
    return dirs;
  }

  private shared(b: Uint8Array, start: number, end: number): number {
    const known = this.knownDirs;
    if (known === 0 || b !== this.prevBuffer) return 0;
    const after = this.after;
    const prev = this.prevStart;
    const limit = Math.min(after[(known - 1) * AFTER] + 1, end - start);
    let same = 0;
    while (same < limit && b[start + same] === b[prev + same]) same++;
    // Directories whose slash is among the bytes in common (counted up: most share few).
    let dirs = 0;
    while (dirs < known && after[dirs * AFTER] < same) dirs++;
    return dirs;
  }

  /**
   * A path of `dirs` directories was decided. After every SAMPLE_PATHS of them: keep
   * directories while a quarter or more of them resume, else pause for PAUSE_SAMPLES samples'
   * worth of paths, then look again.
   */
  pathDone(dirs: number): void {
    this.sampleDirs += dirs;
    if (--this.untilSample !== 0) return;
    if (this.keeping && this.sampleResumed * 4 < this.sampleDirs) {
      this.keeping = false;
      this.untilSample = PAUSE_SAMPLES * SAMPLE_PATHS;
    } else {
      // (Nothing is known to resume from: every path walked while paused set knownDirs to 0.)
      this.keeping = true;
      this.untilSample = SAMPLE_PATHS;
    }
    this.sampleDirs = 0;
    this.sampleResumed = 0;
  }
}
