// Repository text (owner and team names, practices, paths, rubric texts) on its way to the
// editor's UI. VS Code already shows labels, descriptions and plain tooltips as text, and our
// Markdown escapes everything (markdown.ts); what is left is what text itself can do:
// - control characters (an ANSI escape) and bidirectional controls (U+202E RIGHT-TO-LEFT
//   OVERRIDE, the isolates U+2066–U+2069, the marks) are invisible, and the bidi ones reorder
//   what is shown around them, so that `evil‮txt.exe` reads as `evilexe.txt`. They are written
//   as the visible escapes the CLI prints (`\x1b`, `\u202e`; core/text/visibleControls.ts);
// - a notification turns `[label](command:…)` in its message into a link that runs the
//   command (VS Code opens notification links with commands allowed), so the link syntax is
//   broken there.
// No vscode import: unit-tested in Node (test/unit/inert-text.test.ts).

import { showControls } from '../../core/text/visibleControls';

export { showControls };

/**
 * Repository text for where VS Code renders `$(icon)` syntax (quick pick labels and
 * descriptions, status bar text): controls shown and every `$(` escaped, so that an owner or
 * a path spelled `$(alert)` reads as written.
 */
export function iconInert(text: string): string {
  return showControls(text).replace(/\$\(/g, '\\$(');
}

// What VS Code's notifications take for a link: `[label](https://…`, `(http://…`, `(command:…`
// or `(file:…`, in any case.
const LINK_START = /\]\((?=https?:\/\/|command:|file:)/gi;

/**
 * A notification message built from repository text: controls shown, and a zero-width space
 * between `]` and `(` wherever a link would start, so `[run](command:x)` stays text. Only
 * there: every other message reads exactly as written.
 */
export function notificationMessage(message: string): string {
  return showControls(message).replace(LINK_START, ']\u200b(');
}

/** A copy of `value` (plain data: objects, arrays, strings) with showControls applied to every string. */
export function withControlsShown<T>(value: T): T {
  if (typeof value === 'string') return showControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withControlsShown(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withControlsShown(v)])) as T;
  }
  return value;
}
