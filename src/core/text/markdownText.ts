// Repository text as Markdown that renders as the text it is: never a link, an image, HTML,
// emphasis or a heading. Used for the editor's hovers (util/markdown.ts, which adds VS Code's
// icon syntax) and for Markdown pasted where a host renders it (a pull request's description).
import { showControls } from './visibleControls';

/**
 * Escapes `raw` for Markdown inline content: every ASCII punctuation character gets a
 * backslash (CommonMark allows escaping any of them), line breaks become spaces, other
 * control and bidi characters visible escapes. With `iconSyntax`, `$(` is escaped for VS
 * Code's icon syntax too, which is applied after Markdown is parsed.
 */
export function escapeMarkdownText(raw: string, options: { iconSyntax?: boolean } = {}): string {
  const text = showControls(raw);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (options.iconSyntax && c === '$' && text[i + 1] === '(') {
      // After Markdown parsing the text must read `\$(` for the icon renderer to leave it.
      out += '\\\\\\$';
    } else if (code < 32 || code === 127 || code === 0x2028 || code === 0x2029) {
      // Control characters and line breaks would end a line or a block: a space is honest enough.
      out += ' ';
    } else if ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)) {
      out += `\\${c}`;
    } else {
      out += c;
    }
  }
  return out;
}
