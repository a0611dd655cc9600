// A new rule for what no rule owns, and where it goes so that it changes no one else's files;
// and one that takes a folder over from the rule that decides it today (a new package that
// falls to the catch-all), placed right after that rule.
// The last matching rule wins (GitHub, Bitbucket, and GitLab within a section), so a rule put
// before every other rule loses to each of them wherever they match: it takes exactly the
// paths none of them matches. Appended at the end instead, `/services/` would take every file
// a more specific earlier rule gave to someone. GitLab: the part before the first section is a
// section of its own, so the rule goes there; other sections still add their owners to the
// files they match (GitLab unites the sections' owners).
import type { ParsedCodeowners } from './types';

export interface GapRuleEdit {
  /** Where the line goes: an offset into the text (UTF-16 code units), at the start of a line or the text's end. */
  offset: number;
  /** What is inserted there: the rule's line and its line break (a break before it too, when the text does not end with one). */
  insert: string;
  /** The 0-based line the rule is on once inserted. */
  line: number;
}

/**
 * The edit that adds `pattern owners` before the first rule or section header (after the
 * comments that open the file), its owners lined up with the first rule's when they fit; at
 * the end of a file with no rules.
 */
export function gapRuleEdit(text: string, parsed: ParsedCodeowners, pattern: string, owners: readonly string[]): GapRuleEdit {
  const firstRule = parsed.rules[0];
  const firstHeader = parsed.headers[0];
  const before = Math.min(firstRule?.line ?? Infinity, firstHeader?.line ?? Infinity);
  const rule = `${pattern}${ownerGap(text, parsed, pattern.length)}${owners.join(' ')}`;
  if (before === Infinity) {
    const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const broken = text === '' || text.endsWith('\n');
    return { offset: text.length, insert: `${broken ? '' : '\n'}${rule}\n`, line: lines };
  }
  // After a byte order mark, which belongs to the start of the file, not to the first rule.
  const offset = Math.max(lineOffset(text, before - 1), text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return { offset, insert: `${rule}\n`, line: before - 1 };
}

/**
 * The edit that adds `pattern owners` right after the rule on 1-based line `deciding`, the
 * one that decides a path today (GitHub, Bitbucket): later than it and every rule before it,
 * the new rule takes over from them where it matches; earlier than the rules after it, it
 * leaves them the files they own.
 */
export function takeoverRuleEdit(text: string, parsed: ParsedCodeowners, deciding: number, pattern: string, owners: readonly string[]): GapRuleEdit {
  const rule = `${pattern}${ownerGap(text, parsed, pattern.length)}${owners.join(' ')}`;
  const offset = lineOffset(text, deciding);
  // The deciding rule is on the last line, with no line break after it.
  if (offset === text.length && !text.endsWith('\n')) return { offset, insert: `\n${rule}\n`, line: deciding };
  return { offset, insert: `${rule}\n`, line: deciding };
}

/**
 * The blanks between a pattern `width` long and its owners: up to the column where the first
 * rule that writes its owners has them, as most hand-kept files line them up; one at least.
 * (A GitLab rule without owners takes its section's, written on the header: not a column.)
 */
export function ownerGap(text: string, parsed: ParsedCodeowners, width: number): string {
  // Columns count from after a byte order mark, as the parser reads the file.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n', parsed.rules.length > 0 ? parsed.rules[parsed.rules.length - 1].line : 0);
  const written = parsed.rules.find((r) => r.owners.length > 0 && (lines[r.line - 1] ?? '').startsWith(r.owners[0].text, r.owners[0].column - 1));
  const column = written?.owners[0].column ?? 0;
  return column - 1 > width ? ' '.repeat(column - 1 - width) : ' ';
}

/** The offset where 0-based `line` starts. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

/** Applies an edit to the text it was made for. */
export function withGapRule(text: string, edit: GapRuleEdit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
}
