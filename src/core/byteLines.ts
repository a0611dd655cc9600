// Lines of a list of paths given as bytes (standard input, a file): what a batch of paths
// means everywhere it is read, so `who --stdin` and matchLines cannot differ on it; and the
// comparison of byte ranges they are read with.

const LF = 10;
const CR = 13;

/**
 * Hands `visit` the bounds of each line of `bytes`: split at LF, a trailing CR dropped (CRLF
 * input), empty lines skipped. Line breaks are ASCII, so this holds for any UTF-8 text.
 */
export function eachLine(bytes: Uint8Array, visit: (start: number, end: number) => void): void {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(LF, start);
    if (end < 0) end = bytes.length;
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (stop > start) visit(start, stop);
    start = end + 1;
  }
}

/** Whether a[aStart, aStart + length) and b[bStart, bStart + length) hold the same bytes. */
export function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}
