// What the CODEOWNERS editor features need to know about the text, without VS Code: which
// rule or owner is under the cursor, where an owner is described in ownership.yml, which
// edit fixes a diagnostic, and what a hover says. Positions here are 0-based (VS Code's);
// the parser's are 1-based. Unit-tested in Node (test/unit/codeowners-editing.test.ts).
import { detectFlavor } from '../../core/codeowners/gitlab-header';
import { flavorOfLocation } from '../../core/codeowners/locate';
import { gitlabReferences, ownerKey, runTogetherOwners } from '../../core/codeowners/owners';
import { isSpace } from '../../core/codeowners/line-text';
import { githubLiteralPath } from '../../core/codeowners/pattern';
import type { Diagnostic, Flavor, FlavorSetting, Owner, ParsedCodeowners, Rule } from '../../core/codeowners/types';
import type { RuleStats, Taker } from '../../core/analysis';
import { escapeMarkdown } from '../util/markdown';

/** The flavor a CODEOWNERS at `relPath` is read with: the setting, its location, then its content. */
export function flavorOf(relPath: string, setting: FlavorSetting, text: string): Flavor {
  if (setting !== 'auto') return setting;
  return flavorOfLocation(relPath) ?? detectFlavor(text);
}

/** The rule whose pattern covers 0-based `character` on 0-based `line`. */
export function ruleAt(parsed: ParsedCodeowners, line: number, character: number): Rule | undefined {
  const start = (r: Rule) => r.column - 1;
  return parsed.rules.find((r) => r.line === line + 1 && character >= start(r) && character <= start(r) + r.pattern.length);
}

/** The owner written at 0-based `character` of `lineText` (0-based `line`), rules and GitLab section headers alike. */
export function ownerAt(parsed: ParsedCodeowners, line: number, lineText: string, character: number): Owner | undefined {
  const written = [
    ...parsed.rules.filter((r) => r.line === line + 1).flatMap((r) => r.owners),
    // Every header line, a later one of a merged section too (`sections` keeps the first).
    ...parsed.headers.filter((h) => h.line === line + 1).flatMap((h) => h.defaultOwners),
  ];
  // GitLab rules without owners carry their section's defaults, with the header's columns:
  // only an owner actually written at its column on this line counts.
  return written.find((o) => lineText.startsWith(o.text, o.column - 1) && character >= o.column - 1 && character <= o.column - 1 + o.text.length);
}

export interface TextPosition {
  line: number;
  character: number;
}

/**
 * Where ownership.yml describes `handle`: a team key (`"@acme/payments":`), else a person's
 * `handle:` entry. Compared case-insensitively, as hosts compare handles.
 */
export function ownerEntryIn(yamlText: string, handle: string): TextPosition | undefined {
  // Every owner (user, team, email, role) has an `@`; a plain word would find YAML's own keys.
  if (!handle.includes('@')) return undefined;
  const lines = yamlText.split(/\r?\n/);
  const h = handle.toLowerCase();
  const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/, '$2').toLowerCase();
  // A mapping key: optional indentation, the handle (quoted or not), a colon.
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(["']?)([^"'#\s][^"'#]*?)\2\s*:(\s|$)/.exec(lines[i]);
    if (m && m[3].toLowerCase() === h) return { line: i, character: m[1].length };
  }
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*-?\s*)handle\s*:\s*(\S+)/.exec(lines[i]);
    if (m && unquote(m[2]) === h) return { line: i, character: m[1].length };
  }
  return undefined;
}

export interface LineRemoval {
  kind: 'remove-line';
  /** 0-based line to delete (with its line break). */
  line: number;
  title: string;
}

export interface Insertion {
  kind: 'insert';
  line: number;
  character: number;
  text: string;
  title: string;
}

export interface Replacement {
  kind: 'replace';
  line: number;
  /** 0-based, end exclusive. */
  start: number;
  end: number;
  text: string;
  title: string;
}

export type Fix = LineRemoval | Insertion | Replacement;

/** The diagnostics whose fix is clear, and that fix. `lines` is the document's text by line. */
export function fixFor(parsed: ParsedCodeowners, d: Diagnostic, lines: readonly string[]): Fix | undefined {
  switch (d.code) {
    case 'shadowed-rule':
    case 'no-match': {
      const rule = parsed.rules.find((r) => r.line === d.line && r.column === d.column);
      if (!rule) return undefined;
      const why = d.code === 'no-match' ? 'it matches no tracked file' : 'it never applies';
      return { kind: 'remove-line', line: d.line - 1, title: `Remove the rule "${rule.pattern}" (${why})` };
    }
    case 'direct-children-only': {
      // `folder/*` → `folder/`: the files below it too, as the warning says.
      const rule = parsed.rules.find((r) => r.line === d.line && r.column === d.column);
      if (!rule || !rule.pattern.endsWith('/*')) return undefined;
      const end = rule.column - 1 + rule.pattern.length;
      const folder = rule.pattern.slice(0, -1);
      return { kind: 'replace', line: d.line - 1, start: end - 1, end, text: '', title: `Write "${folder}" (the whole folder)` };
    }
    case 'duplicate-pattern': {
      // GitLab keeps the earlier line's place in the order: removing it would change who
      // wins, so only GitHub and Bitbucket, where the earlier line has no effect at all.
      if (parsed.flavor === 'gitlab') return undefined;
      const later = parsed.rules.find((r) => r.line === d.line && r.column === d.column);
      if (!later) return undefined;
      const earlier = parsed.rules.filter((r) => r.applied && r.pattern === later.pattern && r.line < later.line).pop();
      if (!earlier) return undefined;
      return { kind: 'remove-line', line: earlier.line - 1, title: `Remove the earlier "${earlier.pattern}" on line ${earlier.line} (it has no effect)` };
    }
    case 'invalid-owner': {
      const text = lines[d.line - 1] ?? '';
      const word = text.slice(d.column - 1, d.endColumn === undefined ? undefined : d.endColumn - 1);
      // `@a@b`, `@a,@b`: owners written together, one per word.
      const run = parsed.flavor === 'gitlab' ? null : runTogetherOwners(word, parsed.flavor);
      if (run !== null && d.endColumn !== undefined) {
        const spaced = run.join(' ');
        return { kind: 'replace', line: d.line - 1, start: d.column - 1, end: d.endColumn - 1, text: spaced, title: `Separate the owners: "${spaced}"` };
      }
      // `docs/my file.md @team`: the "owner" right after the pattern, one space away, is
      // the rest of a path with a space in it.
      const rule = parsed.rules.find((r) => r.line === d.line);
      if (!rule) return undefined;
      const patternEnd = rule.column - 1 + rule.pattern.length;
      if (d.column - 1 !== patternEnd + 1 || text[patternEnd] !== ' ') return undefined;
      return { kind: 'insert', line: d.line - 1, character: patternEnd, text: '\\', title: `Escape the space: "${rule.pattern}\\ ${word}"` };
    }
    case 'repeated-owner': {
      // The repeat and the space before it.
      if (d.endColumn === undefined) return undefined;
      const text = lines[d.line - 1] ?? '';
      let start = d.column - 1;
      while (start > 0 && isSpace(text[start - 1])) start--;
      const word = text.slice(d.column - 1, d.endColumn - 1);
      return { kind: 'replace', line: d.line - 1, start, end: d.endColumn - 1, text: '', title: `Remove the repeated "${word}"` };
    }
    case 'owner-read-as': {
      // GitLab: `@a,@b` or `@team.`: write what GitLab reads, one owner per word.
      if (d.endColumn === undefined) return undefined;
      const word = (lines[d.line - 1] ?? '').slice(d.column - 1, d.endColumn - 1);
      const owners = [...new Set(gitlabReferences(word).map((r) => r.text))];
      if (owners.length === 0) return undefined;
      const text = owners.join(' ');
      return { kind: 'replace', line: d.line - 1, start: d.column - 1, end: d.endColumn - 1, text, title: `Write "${word}" as "${text}"` };
    }
    default:
      return undefined;
  }
}

/** Tracked files shown in a hover before "and N more". */
export const HOVER_EXAMPLES = 5;
/** Rules named in a hover as taking files, before "and N more". */
export const HOVER_TAKERS = 3;

/**
 * 12,345: a count with thousands separators. Not toLocaleString, which builds an ICU number
 * formatter on each call (the first one takes tens of milliseconds), and a CodeLens per rule
 * of a 5,000-rule file asks for thousands of them.
 */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const files = (n: number) => (n === 1 ? '1 tracked file' : `${count(n)} tracked files`);

/** The CodeLens title of a rule. */
export function lensTitle(rule: Rule, stats: RuleStats): string {
  if (rule.exclusion) return `excludes ${files(stats.matched)}`;
  if (stats.matched === 0) return 'matches no tracked file';
  return `matches ${files(stats.matched)} · wins ${count(stats.won)}`;
}

/** The hover over a rule's pattern, as Markdown; everything from the repository escaped. */
export function ruleHoverMarkdown(rule: Rule, stats: RuleStats, examples: string[], takers: Taker[]): string {
  const out: string[] = [`$(list-filter) **${escapeMarkdown(rule.pattern)}** · line ${rule.line}`];
  if (rule.exclusion) {
    out.push(escapeMarkdown(`Excludes ${files(stats.matched)} from section "${rule.section ?? ''}".`));
  } else if (stats.matched === 0) {
    out.push(escapeMarkdown('Matches no tracked file.'));
  } else {
    out.push(escapeMarkdown(`Matches ${files(stats.matched)}; its owners decide ${stats.won === stats.matched ? 'all of them' : `${count(stats.won)} of them`}.`));
  }
  if (examples.length > 0) {
    const more = (rule.exclusion ? stats.matched : stats.won) - examples.length;
    out.push(`${examples.map((p) => escapeMarkdown(p)).join(' · ')}${more > 0 ? escapeMarkdown(` and ${count(more)} more`) : ''}`);
  }
  if (takers.length > 0) {
    const named = takers.slice(0, HOVER_TAKERS).map((t) => escapeMarkdown(`line ${t.rule.line} "${t.rule.pattern}" ${t.exclusion ? 'excludes' : 'takes'} ${count(t.files)}`));
    const more = takers.length > HOVER_TAKERS ? escapeMarkdown(` and ${takers.length - HOVER_TAKERS} more rules`) : '';
    out.push(`${escapeMarkdown('Later rules take the rest: ')}${named.join(' · ')}${more}`);
  }
  return out.join('\n\n');
}

/**
 * The owner word being typed at 0-based `character` of `lineText`, as 0-based bounds, when
 * the cursor is where owners go: after a rule's pattern, or after a GitLab section header's
 * name (and approvals). Undefined on a pattern, in a comment or after an inline `#`.
 */
export function ownerWordAt(lineText: string, character: number, flavor: Flavor): { start: number; end: number } | undefined {
  const lead = leadOf(lineText, character);
  if (lead === character || lineText[lead] === '#') return undefined;
  let ownersFrom: number;
  if (isHeaderAt(lineText, lead, flavor)) {
    let close = lineText.indexOf(']', lead);
    if (close >= 0 && lineText[close + 1] === '[') close = lineText.indexOf(']', close + 1);
    if (close < 0 || close >= character) return undefined;
    ownersFrom = close + 1;
  } else {
    // The pattern ends at the first blank not escaped by a backslash.
    let i = lead;
    while (i < character && !(isBlank(lineText[i]) && lineText[i - 1] !== '\\')) i++;
    if (i === character) return undefined;
    ownersFrom = i;
  }
  for (let i = ownersFrom; i < character; i++) if (lineText[i] === '#' && isBlank(lineText[i - 1])) return undefined;
  let start = character;
  while (start > ownersFrom && isOwnerChar(lineText[start - 1])) start--;
  let end = character;
  while (end < lineText.length && isOwnerChar(lineText[end])) end++;
  return { start, end };
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

const OWNER_CHAR = /^[A-Za-z0-9@._+\-/]$/;

function isOwnerChar(c: string): boolean {
  return OWNER_CHAR.test(c);
}

/**
 * When the cursor at 0-based `character` of `lineText` is in a rule's pattern that names a
 * path so far (no wildcard yet): the repository-relative directory typed so far ('' for the
 * root, escapes undone) and the 0-based bounds of the name being typed in it, which a
 * completion replaces. Undefined elsewhere (owners, comments, GitLab headers, globs).
 */
export function patternPathAt(lineText: string, character: number, flavor: Flavor): { dir: string; typed: string; start: number; end: number } | undefined {
  const lead = leadOf(lineText, character);
  if (lineText[lead] === '#' || isHeaderAt(lineText, lead, flavor)) return undefined;
  // A GitLab exclusion names a path as a rule does.
  const from = flavor === 'gitlab' && lineText[lead] === '!' ? lead + 1 : lead;
  let typed = '';
  for (let i = from; i < character; i++) {
    const c = lineText[i];
    if (c === '\\' && i + 1 < character) {
      typed += lineText[++i];
      continue;
    }
    if (isBlank(c)) return undefined;
    if (c === '*' || c === '?' || c === '[' || c === ']' || c === '\\') return undefined;
    typed += c;
  }
  const slash = typed.lastIndexOf('/');
  const dir = slash < 0 ? '' : typed.slice(typed.startsWith('/') ? 1 : 0, slash);
  if ((dir === '' ? [] : dir.split('/')).some((s) => s === '' || s === '.' || s === '..')) return undefined;
  // The name being typed starts after the last slash (or at the pattern's start).
  let start = character;
  while (start > from && lineText[start - 1] !== '/' && !(isBlank(lineText[start - 1]) && lineText[start - 2] !== '\\')) start--;
  let end = character;
  while (end < lineText.length && lineText[end] !== '/' && !(isBlank(lineText[end]) && lineText[end - 1] !== '\\')) end++;
  return { dir, typed: typed.slice(slash + 1), start, end };
}

/** Where the line's text starts (its leading blanks skipped), at most `character`. */
function leadOf(lineText: string, character: number): number {
  let lead = 0;
  while (lead < character && isBlank(lineText[lead])) lead++;
  return lead;
}

/** Whether a GitLab section header (`[Name]`, `^[Name]`) starts at `lead`. */
function isHeaderAt(lineText: string, lead: number, flavor: Flavor): boolean {
  return flavor === 'gitlab' && (lineText[lead] === '[' || (lineText[lead] === '^' && lineText[lead + 1] === '['));
}

/**
 * The repository-relative path a rule's pattern names when it names exactly one: a literal
 * anchored path (GitHub's reading: a leading or inner slash anchors it; GitLab's: only a
 * leading one does, the rest match at any depth), and whether it names a folder. Null for
 * globs, exclusions and the rest.
 */
export function literalPathOf(rule: Rule, flavor: Flavor): { names: string[]; dirOnly: boolean } | null {
  if (rule.exclusion || (flavor === 'gitlab' && !rule.pattern.startsWith('/'))) return null;
  return githubLiteralPath(rule.pattern);
}

/** A file or folder name as a pattern writes it: spaces escaped; null for a name a pattern would read as a glob or comment. */
export function patternName(name: string): string | null {
  if (/[*?[\]\\]/.test(name) || name.startsWith('#') || name.startsWith('!')) return null;
  return name.replace(/ /g, '\\ ');
}

/**
 * Every place the file writes `owner` (case aside, as hosts compare handles), 0-based: on
 * rules and on GitLab section headers; a GitLab rule that only takes its section's defaults
 * writes none. In file order.
 */
export function ownerOccurrences(parsed: ParsedCodeowners, lines: readonly string[], owner: string): Array<TextPosition & { length: number }> {
  const key = ownerKey(owner);
  const out: Array<TextPosition & { length: number }> = [];
  const seen = new Set<string>();
  const add = (o: Owner, line: number) => {
    if (ownerKey(o.text) !== key || !(lines[line - 1] ?? '').startsWith(o.text, o.column - 1) || seen.has(`${line}:${o.column}`)) return;
    seen.add(`${line}:${o.column}`);
    out.push({ line: line - 1, character: o.column - 1, length: o.text.length });
  };
  for (const rule of parsed.rules) for (const o of rule.owners) add(o, rule.line);
  for (const header of parsed.headers) for (const o of header.defaultOwners) add(o, header.line);
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

/**
 * Where `handle` stands as a whole word in `text` (case aside), 0-based: ownership.yml's keys,
 * member lists and prose alike, for renaming an owner everywhere it is named.
 */
export function handleMentions(text: string, handle: string): Array<TextPosition & { length: number }> {
  const out: Array<TextPosition & { length: number }> = [];
  if (handle === '') return out;
  text.split(/\r?\n/).forEach((line, i) => {
    // Lower-casing keeps the offsets only when it keeps the length (not so for a few letters, `İ`).
    const folds = line.toLowerCase().length === line.length && handle.toLowerCase().length === handle.length;
    const hay = folds ? line.toLowerCase() : line;
    const needle = folds ? handle.toLowerCase() : handle;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      const before = at > 0 ? line[at - 1] : '';
      const after = line[at + needle.length] ?? '';
      // A handle inside a longer one (`@acme/docs` in `@acme/docs-team` or `x@acme/docs`) is not it;
      // a sentence's full stop after it is not part of it.
      if ((before !== '' && isOwnerChar(before)) || (after !== '' && isOwnerChar(after) && !(after === '.' && !isOwnerChar(line[at + needle.length + 1] ?? ' ')))) continue;
      out.push({ line: i, character: at, length: handle.length });
    }
  });
  return out;
}
