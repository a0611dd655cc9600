// Markdown for hovers and tooltips. Everything that comes from a repository (owner names,
// practices, patterns, paths) is untrusted: it is escaped so that it renders as the text it
// is, never as a link, an image, HTML or a command. No vscode import: unit-tested in Node.
import { escapeMarkdownText } from '../../core/text/markdownText';

/** escapeMarkdownText with VS Code's `$(icon)` syntax escaped too: what every hover and tooltip uses. */
export function escapeMarkdown(raw: string): string {
  return escapeMarkdownText(raw, { iconSyntax: true });
}

/** A `command:` link target with JSON arguments, as VS Code's Markdown expects it. */
export function commandUri(command: string, args: unknown[] = []): string {
  return args.length === 0 ? `command:${command}` : `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** `[label](command:…)`: `label` is escaped. */
export function commandLink(label: string, command: string, args: unknown[] = [], title?: string): string {
  const t = title === undefined ? '' : ` "${escapeLinkTitle(title)}"`;
  return `[${escapeMarkdown(label)}](${commandUri(command, args)}${t})`;
}

/**
 * A link to a web page named in ownership.yml, or plain escaped text when the URL is not
 * http(s) or mailto (the schema already insists on that; this does not rely on it).
 */
export function externalLink(label: string, url: string): string {
  const safe = safeExternalUrl(url);
  if (!safe) return escapeMarkdown(`${label}: ${url}`);
  return `[${escapeMarkdown(label)}](${safe})`;
}

/** The URL, percent-encoded where Markdown would misread it, or undefined when it is not http(s)/mailto. */
export function safeExternalUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  // Spaces, brackets, quotes and angle brackets end or confuse a link destination.
  return trimmed.replace(/[\s()<>"'\\[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function escapeLinkTitle(title: string): string {
  return title.replace(/["\\]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}
