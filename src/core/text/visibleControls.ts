// Control and bidirectional characters in repository text, written as visible escapes
// (`\x1b`, `\u202e`), as the CLI prints them (src/cli/terminal.ts): they are invisible, and the
// bidi ones reorder what is shown around them, so that `evil\u202etxt.exe` reads as `evilexe.txt`.
// Every surface that shows repository text (the editor's, Markdown for a pull request) uses it.

// C0 controls but tab and line breaks (which callers fold into spaces), DEL, C1 controls, and
// the bidi controls: ALM, LRM, RLM, LRE…RLO, LRI…PDI.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** `text` with every control and bidi character written as a visible `\xNN` or `\uNNNN`. */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
