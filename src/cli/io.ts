// What a CLI command may touch of the outside world. Commands receive it instead of using
// `process` directly, so tests can run them in-process and read what they printed.
export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  /** Writes bytes to standard output; without it, bytes are decoded and given to `stdout`. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Reads all of standard input (used by `--stdin`), as bytes. */
  readStdin(): Promise<Uint8Array>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** sysexits.h's EX_SOFTWARE: the tool failed, not the user (precommit --strict's "cannot check"). */
export const EXIT_INTERNAL = 70;
/** sysexits.h's EX_IOERR: what was asked for could not be written (a full disk). */
export const EXIT_IO_ERROR = 74;

const USAGE_ERROR = Symbol.for('ownership-lens.usage-error');

/**
 * A user mistake: printed as one line, exit 2, no stack trace. Known by a brand, not by its
 * class: the commands other than `who` run from their own bundle (dist/cli-commands.js), with
 * their own copy of this class, so `instanceof` in main would not see theirs.
 */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;
}

export function isUsageError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { [USAGE_ERROR]?: unknown })[USAGE_ERROR] === true;
}
