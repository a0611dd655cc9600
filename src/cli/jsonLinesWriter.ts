// Output of `who --json`, written as bytes: a path read from standard input that needs no
// escaping is copied into its record as it came, next to the record's tail (owners and rule)
// serialised once per rule, so a 200,000-path batch makes no string per path and no UTF-8
// encoding of 20 MB of output.
import type { CliIO } from './io';

/** Output is flushed in chunks this large: one write per path would dominate big batches. */
const CHUNK = 1 << 16;
const HEAD = Buffer.from('{"path":"');
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

export class JsonLinesWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  constructor(private readonly io: CliIO) {}

  /**
   * Writes `{"path":"<bytes[start, end)>",<tail>` when those bytes are printable ASCII without
   * a quote or backslash, which JSON takes as they are; false, with no record written (the
   * output so far may have been flushed), otherwise. `tail` is the rest of the record, from
   * `"owners"` to the line break.
   */
  plainRecord(bytes: Uint8Array, start: number, end: number, tail: Uint8Array): boolean {
    // A path longer than a chunk is checked before room is made for it, not after.
    if (end - start > CHUNK && !plain(bytes, start, end)) return false;
    this.reserve(HEAD.length + (end - start) + 2 + tail.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let k = 0; k < HEAD.length; k++) buf[pos++] = HEAD[k];
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (!plainByte(c)) return false;
      buf[pos++] = c;
    }
    buf[pos++] = QUOTE;
    buf[pos++] = COMMA;
    // Tails are short (some 60 bytes): a loop beats a call into set().
    for (let k = 0; k < tail.length; k++) buf[pos++] = tail[k];
    this.pos = pos;
    return true;
  }

  /** Writes a record made as text. */
  text(record: string): void {
    this.reserve(Buffer.byteLength(record));
    this.pos += this.buf.write(record, this.pos);
  }

  /** Writes what is left. */
  end(): void {
    this.flush();
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }

  private flush(): void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    if (this.io.stdoutBytes) this.io.stdoutBytes(chunk);
    else this.io.stdout(chunk.toString('utf8'));
    // A fresh buffer: the stream may still hold the one just written.
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }
}

/** JSON takes the byte as it is: printable ASCII (DEL included, as JSON.stringify leaves it), no quote or backslash. */
function plainByte(c: number): boolean {
  return c >= 0x20 && c < 0x80 && c !== QUOTE && c !== BACKSLASH;
}

function plain(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!plainByte(bytes[i])) return false;
  return true;
}
