// Decoding repository files as UTF-8 without hiding bad bytes. `Buffer.toString('utf8')`
// silently turns every ill-formed sequence into U+FFFD, so an owner or a pattern can change
// without anything saying so. Files are still decoded that way (the rest of the file is
// usable), but the first bad byte is found and reported with its line and column.

import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from './codeowners/types';

export interface DecodedText {
  /** The text, each ill-formed sequence replaced by U+FFFD (as every UTF-8 decoder does). */
  text: string;
  /** A warning at the first ill-formed byte, or null when the bytes are valid UTF-8. */
  invalid: Diagnostic | null;
}

/**
 * Byte offset of the first ill-formed UTF-8 sequence in `bytes`, or -1 when there is none.
 * Follows the Unicode definition that TextDecoder's fatal mode enforces: no overlong forms,
 * no surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no truncated sequence.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // The allowed range of the second byte depends on the first (Unicode Table 3-7); the
    // bytes after it are always 80–BF.
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    // A sequence cut short by the end of the file is ill-formed too.
    if (i + need >= n) return i;
    const second = bytes[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (UTF-16 units) of `index` in `text`. */
export function positionInText(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** 1-based line and column (UTF-16 units, a leading BOM not counted) of byte `offset`. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  // Everything before the first bad byte is valid, so decoding it gives exact columns.
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8');
  const at = positionInText(before, before.length);
  return at.line === 1 && before.charCodeAt(0) === 0xfeff ? { line: 1, column: at.column - 1 } : at;
}

/** Decodes `bytes` as UTF-8; a file that is not valid UTF-8 gets one warning, at its first bad byte. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  // Node's own check runs natively over a valid file (nearly every file); only an invalid one
  // is scanned here, byte by byte, for where it goes wrong.
  if (isUtf8(buffer)) return { text, invalid: null };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text, invalid: null };
  const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
  return {
    text,
    invalid: {
      ...positionOfByte(bytes, bad),
      severity: 'warning',
      code: 'invalid-utf8',
      message: `This file is not valid UTF-8 (the first bad byte, 0x${hex}, is here): each bad byte is read as "\uFFFD", so names or patterns with them may not be what the file meant; the rest of the file is used.`,
    },
  };
}
