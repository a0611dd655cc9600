// Making repository text safe and readable in a terminal. Owner names, patterns and paths come
// from the repository: an ANSI escape or a bidirectional override in them must not be able to
// recolour, move the cursor or reorder what the user reads. They are shown as visible escapes.

/** C0/C1 controls (but tab), DEL, and the Unicode bidi controls and other invisible formatters. */
function isUnsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c
  );
}

/** Diagnostics of a file the command read (ownership.yml, a rubric), one `file:line:column:` line each, on stderr. */
export function reportDiagnostics(io: { stderr(text: string): void }, diagnostics: ReadonlyArray<{ file: string; line: number; column: number; severity: string; code: string; message: string }>): void {
  for (const d of diagnostics) io.stderr(`${sanitize(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${sanitize(d.message)}\n`);
}

/** Replaces every unsafe character by a visible `\xNN` / `\uNNNN` escape. */
export function sanitize(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUnsafe(code)) continue;
    out += text.slice(last, i) + (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Left-aligned columns; the last column is not padded. Cells must already be sanitised. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}
