// The walker's name and extension keys (line-matcher.ts): an open-addressing table from a
// byte string's hash to what the key's patterns give files and directories, with a filter
// that rejects most segments before they are hashed.
import { keepHiddenClasses } from '../hiddenClasses';
import { sameBytes } from '../byteLines';
import { hashBytes } from './byte-glob';
import { emptySide, type KeyedSide } from './line-checks';

export interface KeyedRecord {
  bytes: Uint8Array;
  self: KeyedSide;
  desc: KeyedSide;
}

/** Open-addressing table from a byte string's hash to a record, verified on the bytes. */
export class KeyTable {
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly records: KeyedRecord[] = [];
  /**
   * One bit per (length, first byte) of the keys, both cut to 5 bits: a segment whose bit is
   * clear is no key, found without hashing it. (An empty key's "first byte" is 0.)
   */
  private readonly filter = new Int32Array(32);

  constructor(keys: number) {
    let size = 8;
    while (size < keys * 2) size <<= 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The record for `key`, made on first use. */
  recordFor(key: Uint8Array): KeyedRecord {
    const h = hashBytes(key, 0, key.length);
    const found = this.find(h, key, 0, key.length);
    if (found !== null) return found;
    const record: KeyedRecord = { bytes: key, self: emptySide(), desc: emptySide() };
    const bit = filterBit(key.length, key.length > 0 ? key[0] : 0);
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    let slot = h & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.hashes[slot] = h;
    this.slots[slot] = this.records.length;
    this.records.push(record);
    return record;
  }

  /** False when no key has this length and first byte (`first` is 0 for an empty segment). */
  mayHold(length: number, first: number): boolean {
    const bit = filterBit(length, first);
    return (this.filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  find(h: number, b: Uint8Array, start: number, end: number): KeyedRecord | null {
    const n = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const r = this.slots[slot];
      if (r === -1) return null;
      if (this.hashes[slot] === h) {
        const record = this.records[r];
        if (record.bytes.length === n && sameBytes(b, start, record.bytes, 0, n)) return record;
      }
    }
  }
}

function filterBit(length: number, first: number): number {
  return ((length & 31) << 5) | (first & 31);
}

// Each compile may build a walker and drop it with its matcher (see hiddenClasses.ts).
keepHiddenClasses(new KeyTable(1));
