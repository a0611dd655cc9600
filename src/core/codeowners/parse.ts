// Reads a CODEOWNERS file into rules, sections and diagnostics. Never throws: whatever the
// file holds, the caller gets every rule that could be read and a diagnostic (line, column,
// code) for everything else. Line splitting handles CRLF, a BOM and tabs; no RegExp is built
// from the file and none of the fixed ones can backtrack.

import { keepHiddenClasses } from '../hiddenClasses';
import { CHECK_EVERY_MASK, type Slicer } from '../slices';
import { bitbucketSelection, classifyOwner, gitlabReferences, impossibleGithubName, runTogetherOwners, type GitlabReference } from './owners';
import { bitbucketAppSyntax, identity, impossibleHandleMessage, ownersOf, repeatMessage, repeatOf, sameOwnerIn, selectionRepeatMessage } from './owner-notes';
import { readHeader, detectFlavor, isApprovalsCount, looseHeaderForm, type HeaderSyntax } from './gitlab-header';
import { countLines, hasUnescaped, isSpace, isSpaceCode, isUnicodeBlank, onlySlashes, splitLines, tokens, wholeLinesWithin, type Token } from './line-text';
import { duplicatePatterns } from './duplicates';
import { positionInText } from '../utf8';
import type { Diagnostic, Flavor, FlavorSetting, Owner, OwnerKind, ParsedCodeowners, Rule, Section, SectionHeader, Severity } from './types';

/** GitHub ignores CODEOWNERS files larger than this (documented limit). */
export const GITHUB_SIZE_LIMIT = 3 * 1024 * 1024;

/**
 * GitLab documents no size limit, but it loads a CODEOWNERS as a blob capped at 10 MiB
 * (`Repository#blobs_at`, `Gitlab::Git::Blob::MAX_DATA_DISPLAY_SIZE`), so it sees only the
 * first 10 MiB of a larger file. We read and apply the same part.
 */
export const GITLAB_READ_LIMIT = 10 * 1024 * 1024;

/** The name GitLab gives the rules before any section header. */
export const DEFAULT_SECTION = 'codeowners';


export interface ParseOptions {
  flavor: FlavorSetting;
  /** Size in bytes of the file, when the caller knows it (defaults to the UTF-8 length). */
  byteLength?: number;
}

class Parser {
  readonly rules: Rule[] = [];
  readonly sections: Section[] = [];
  readonly headers: SectionHeader[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly sectionByKey = new Map<string, Section>();
  private current: Section | null = null;

  constructor(private readonly flavor: Flavor) {
    if (flavor === 'gitlab') {
      const def: Section = { name: DEFAULT_SECTION, line: 0, optional: false, approvals: 0, defaultOwners: [] };
      this.sections.push(def);
      this.sectionByKey.set(DEFAULT_SECTION, def);
      this.current = def;
    }
  }

  /** Each distinct owner is classified once: a large file names the same few dozen teams thousands of times. */
  private readonly kinds = new Map<string, OwnerKind | null>();

  private ownerKind(text: string): OwnerKind | null {
    let kind = this.kinds.get(text);
    if (kind === undefined) {
      kind = classifyOwner(text, this.flavor);
      this.kinds.set(text, kind);
    }
    return kind;
  }

  report(line: number, column: number, severity: Severity, code: string, message: string, endColumn?: number): void {
    // Two literals rather than a spread: each keeps one hidden class (see hiddenClasses.ts).
    this.diagnostics.push(endColumn !== undefined ? { line, column, severity, code, message, endColumn } : { line, column, severity, code, message });
  }

  parseLine(raw: string, line: number): void {
    if (this.flavor === 'gitlab') this.gitlabLine(raw, line);
    else this.githubLine(raw, line);
  }

  // --- GitHub and Bitbucket --------------------------------------------------------------

  private githubLine(s: string, line: number): void {
    const n = s.length;
    let i = 0;
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n || s.charCodeAt(i) === 35 /* # */) return;
    if (this.flavor === 'bitbucket' && this.bitbucketAppLine(s, i, line)) return;
    const start = i;
    // The pattern runs to the first unescaped whitespace or `#`: like the reference
    // implementations, an unescaped `#` anywhere starts a comment.
    for (;;) {
      if (i >= n) break;
      const c = s.charCodeAt(i);
      if (isSpaceCode(c) || c === 35) break;
      i += c === 92 /* \ */ && i + 1 < n ? 2 : 1;
    }
    const pattern = s.slice(start, i);
    const col = start + 1;
    const end = i + 1;
    let applied = true;
    const host = this.flavor === 'bitbucket' ? 'Bitbucket' : 'GitHub';
    if (s[i] === '#') {
      this.report(line, i + 1, 'warning', 'hash-in-pattern', `"#" starts a comment, so the pattern ends before it ("${pattern}"); write "\\#" for a "#" in a file name.`);
    }
    if (pattern.startsWith('!')) {
      applied = false;
      this.report(line, col, 'error', 'unsupported-negation', `${host} does not support negation with "!": this rule is ignored.`, end);
    } else if (pattern.startsWith('\\#')) {
      applied = false;
      this.report(line, col, 'error', 'unsupported-escaped-hash', `${host} does not support escaping a leading "#" with "\\": this rule is ignored.`, end);
    } else if ((pattern.includes('[') || pattern.includes(']')) && (hasUnescaped(pattern, '[') || hasUnescaped(pattern, ']'))) {
      applied = false;
      this.report(line, col, 'error', 'unsupported-brackets', `${host} does not support character ranges with "[ ]": this rule is ignored.`, end);
    } else if (pattern.charCodeAt(0) === 47 && onlySlashes(pattern)) {
      this.report(line, col, 'warning', 'never-matches', `The pattern "${pattern}" never matches anything; did you mean "*"?`, end);
    } else if (pattern.includes('***')) {
      // gitignore's docs make `***` a plain `*` (as we read it); git itself reads `***/` as
      // `**/`, and hmarr's library refuses the whole file: the hosts' reading is not known.
      this.report(line, col, 'warning', 'ambiguous-asterisks', `"***" is read as "*" (one name), as gitignore's rules say, but git matches it like "**" and other tools refuse it; write "*" or "**".`, end);
    }
    const owners: Owner[] = [];
    // The owner tokens, read in place: a 5,000-rule file is 5,000 lines of them, and every
    // object made here is one more for the collector while the file is parsed.
    while (i < n) {
      while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
      if (i >= n) break;
      const tokenStart = i;
      // A `#` ends the owners, at the start of a token or inside one (`@a#note`).
      while (i < n && !isSpaceCode(s.charCodeAt(i)) && s.charCodeAt(i) !== 35) i++;
      const hash = i < n && s.charCodeAt(i) === 35;
      if (i > tokenStart) {
        const text = s.slice(tokenStart, i);
        const kind = this.ownerKind(text);
        if (kind) {
          if (this.flavor === 'github' && kind !== 'email') this.checkGithubName(text, line, tokenStart);
          if (this.isNewOwner(owners, text, text, host, line, tokenStart)) owners.push({ text, kind, column: tokenStart + 1 });
        } else {
          const picked = this.flavor === 'bitbucket' ? bitbucketSelection(text) : null;
          if (picked) {
            if (this.isNewOwner(owners, picked.group, text, host, line, tokenStart, picked.selection)) owners.push({ text: picked.group, kind: 'team', column: tokenStart + 1, selection: picked.selection });
          } else {
            const run = runTogetherOwners(text, this.flavor);
            const forms = this.flavor === 'bitbucket' ? '@user, @workspace/group (with :all, :random(N) or :least_busy(N) if you like)' : '@user, @org/team';
            const message = run
              ? `"${text}" is not a valid owner: it is ${run.length} owners written together, and ${host} takes none of them; separate them with spaces ("${run.join(' ')}").`
              : `"${text}" is not a valid owner: use ${forms} or an email address.`;
            this.report(line, tokenStart + 1, 'error', 'invalid-owner', message, tokenStart + 1 + text.length);
          }
        }
      }
      if (hash) break;
    }
    this.rules.push({ index: this.rules.length, line, column: col, pattern, owners, exclusion: false, applied });
  }

  /**
   * GitHub: an owner no account can be (`@john.doe`) is still listed, as GitHub lists an owner it
   * does not know, but said, since GitHub will request no review from it.
   */
  private checkGithubName(token: string, line: number, start: number): void {
    if (impossibleGithubName(token) !== null) this.report(line, start + 1, 'warning', 'impossible-handle', impossibleHandleMessage(token), start + 1 + token.length);
  }

  /** Bitbucket: a line of the Code Owners for Bitbucket app (bitbucketAppSyntax) is said once and skipped. True when the line was one. */
  private bitbucketAppLine(s: string, i: number, line: number): boolean {
    const app = bitbucketAppSyntax(s, i);
    if (app === null) return false;
    this.report(line, i + 1, 'warning', 'bitbucket-app-syntax', app.message, app.end + 1);
    return true;
  }

  /**
   * Whether `owner` (written as `token` at `start`) is not yet among the line's owners. A
   * repeat is reported (`repeated-owner`); an exact one is left out, and one that differs in
   * case is kept as written, as the hosts' own lists keep it (they resolve both to one account).
   */
  private isNewOwner(owners: readonly Owner[], owner: string, token: string, host: string, line: number, start: number, selection?: string): boolean {
    const earlier = sameOwnerIn(owners, owner);
    if (earlier === null) return true;
    const first = this.flavor === 'bitbucket' ? owners.find((o) => o.text === earlier)?.selection : undefined;
    if (first !== selection) {
      // Bitbucket: one group, two ways of picking its reviewers; the line keeps the first.
      this.report(line, start + 1, 'warning', 'repeated-owner', selectionRepeatMessage(token, earlier, owner, selection, first), start + 1 + token.length);
    } else {
      this.reportRepeat(earlier, owner, token, host, line, start + 1);
    }
    return earlier !== owner;
  }

  /** A GitLab word that is one owner: reported if an earlier word named it, and kept among those named unless exactly there. */
  private noteGitlabOwner(earlier: string[], owner: string, line: number, column: number): void {
    const again = repeatOf(earlier, identity, owner);
    if (again !== null) this.reportRepeat(again, owner, owner, 'GitLab', line, column);
    if (again !== owner) earlier.push(owner);
  }

  private reportRepeat(earlier: string, owner: string, token: string, host: string, line: number, column: number): void {
    this.report(line, column, 'warning', 'repeated-owner', repeatMessage(earlier, owner, host), column + token.length);
  }

  // --- GitLab -----------------------------------------------------------------------------

  private gitlabLine(raw: string, line: number): void {
    // GitLab strips each line before reading it.
    let lead = 0;
    while (lead < raw.length && (isSpace(raw[lead]) || raw[lead] === '\0')) lead++;
    let tail = raw.length;
    while (tail > lead && (isSpace(raw[tail - 1]) || raw[tail - 1] === '\0')) tail--;
    const s = raw.slice(lead, tail);
    if (s === '' || s[0] === '#') return;
    if (s[0] === '[' || (s[0] === '^' && s[1] === '[')) {
      const header = readHeader(s);
      if (header) {
        this.gitlabHeader(header, line, lead);
        const current = this.current as Section;
        this.headers.push({ line, column: lead + 1, text: s, name: header.name, section: current.name, defaultOwners: current.defaultOwners });
        return;
      }
      this.report(line, lead + 1, 'error', 'invalid-section', 'This looks like a section header but has no closing "]"; GitLab skips the line.');
      return;
    }
    // Pattern and owners are split at the first whitespace not preceded by a backslash.
    let i = 0;
    while (i < s.length && !(isSpace(s[i]) && (i === 0 || s[i - 1] !== '\\'))) i++;
    const pattern = s.slice(0, i);
    const col = lead + 1;
    const exclusion = pattern.startsWith('!');
    const section = this.current as Section;
    if (exclusion && pattern.length === 1) {
      // GitLab takes what follows the "!" as the pattern: "" normalises to `/**/**/*`, which
      // matches every path (ee/lib/gitlab/code_owners/file.rb, normalize_pattern).
      this.report(line, col, 'warning', 'empty-exclusion', `A "!" with no pattern after it excludes every path from the section "${section.name}": GitLab reads it as a pattern that matches everything, so this section names no owner for any file.`, col + 1);
    }
    let owners: Owner[] = [];
    if (!exclusion) {
      // GitLab takes the section's default owners when the owners text is blank (`presence`),
      // and Rails' blank is Unicode's white space: `/a/ \u00a0` has no owners of its own.
      const invisible = i < s.length && isUnicodeBlank(s.slice(i));
      if (invisible) {
        let j = i;
        while (isSpace(s[j])) j++;
        const at = lead + j + 1;
        const then = section.defaultOwners.length > 0 ? `: this rule takes the default owners of its section "${section.name}"` : '';
        this.report(line, at, 'warning', 'invisible-owners', `Only invisible space follows the pattern, which GitLab reads as no owners${then}.`, lead + s.length + 1);
      }
      const ownerTokens = invisible ? [] : tokens(s, i);
      owners = this.gitlabOwners(s, i, ownerTokens, line, lead);
      if (ownerTokens.length > 0 && owners.length === 0) {
        this.report(line, col, 'error', 'invalid-owner-format', 'None of the owners on this line is valid, so the rule has no owners.');
      }
      if (ownerTokens.length === 0) {
        for (const o of section.defaultOwners) owners.push({ ...o });
        if (owners.length === 0 && !this.currentWroteDefaults) {
          this.report(line, col, 'error', 'missing-owner', `This rule has no owners, and its section "${section.name}" has no default owners.`);
        }
      }
    }
    this.rules.push({ index: this.rules.length, line, column: col, pattern, owners, section: section.name, exclusion, applied: true });
  }

  /**
   * The owners GitLab reads out of s[from..] (see gitlabReferences), and a diagnostic for each
   * whitespace-separated word it reads no owner from (GitLab: malformed_entry_owner) or reads
   * as something other than the word itself (`@a,@b`, `@team.`).
   */
  private gitlabOwners(s: string, from: number, words: Token[], line: number, lead: number): Owner[] {
    const refs = this.referencesIn(s.slice(from));
    const owners = ownersOf(refs, lead + from);
    let k = 0;
    // The owners of the words before this one, for a repeat.
    const earlier: string[] = [];
    for (const t of words) {
      const start = t.start - from;
      const end = start + t.text.length;
      while (k < refs.length && refs[k].start < start) k++;
      const inWord: string[] = [];
      for (let m = k; m < refs.length && refs[m].end <= end; m++) if (!inWord.includes(refs[m].text)) inWord.push(refs[m].text);
      const column = lead + t.start + 1;
      if (inWord.length === 1 && inWord[0] === t.text) {
        this.noteGitlabOwner(earlier, t.text, line, column);
        continue;
      }
      earlier.push(...inWord);
      if (inWord.length > 0) {
        this.report(line, column, 'warning', 'owner-read-as', `GitLab reads "${t.text}" as ${inWord.join(', ')}.`, column + t.text.length);
      } else if (t.text.startsWith('#')) {
        this.report(line, column, 'warning', 'gitlab-inline-comment', 'GitLab has no inline comments: owners written after "#" still count.');
      } else {
        // GitLab marks the file invalid for it (malformed_entry_owner) but keeps the valid owners.
        this.report(line, column, 'error', 'invalid-owner', `"${t.text}" is not a valid owner and is ignored: use @user, @group, @@role or an email address.`, column + t.text.length);
      }
    }
    return owners;
  }

  /** gitlabReferences, once per owners text: most files repeat a few of them on many lines. */
  private referencesIn(text: string): readonly GitlabReference[] {
    let refs = this.references.get(text);
    if (refs === undefined) {
      refs = gitlabReferences(text);
      this.references.set(text, refs);
    }
    return refs;
  }

  private readonly references = new Map<string, readonly GitlabReference[]>();

  private gitlabHeader(h: HeaderSyntax, line: number, lead: number): void {
    const reported = this.diagnostics.length;
    if (h.name.trim() === '') this.report(line, lead + 1, 'error', 'missing-section-name', 'A section needs a name between "[" and "]".');
    if (h.rawApprovals !== undefined && !isApprovalsCount(h.rawApprovals)) {
      this.report(line, lead + 1, 'error', 'invalid-approval-requirement', `"[${h.rawApprovals}]" is not a number of approvals; GitLab counts it as ${h.approvals}.`);
    } else if (h.optional && h.approvals > 0) {
      this.report(line, lead + 1, 'error', 'invalid-approval-requirement', 'An optional section ("^") cannot require approvals.');
    }
    // The default owners are read as an entry's owners are (gitlabReferences); each word must
    // be an owner as it stands (GitLab: invalid_section_owner_format).
    const refs = this.referencesIn(h.defaultOwners);
    const defaults = ownersOf(refs, lead + h.defaultOwnersColumn);
    const earlier: string[] = [];
    for (const t of tokens(h.defaultOwners, 0)) {
      const column = lead + h.defaultOwnersColumn + t.start + 1;
      if (refs.some((r) => r.start === t.start && r.text === t.text)) {
        this.noteGitlabOwner(earlier, t.text, line, column);
        continue;
      }
      this.report(line, column, 'error', 'invalid-section-owner', `"${t.text}" is not a valid default owner: use @user, @group, @@role or an email address.`, column + t.text.length);
    }
    if (h.rest !== '') {
      const column = lead + h.restColumn + 1;
      this.report(line, column, 'error', 'invalid-section', `GitLab reads the header up to here and ignores "${h.rest}" (default owners are @user, @group, @@role or email addresses, separated by spaces).`, column + h.rest.length);
    } else if (this.diagnostics.length === reported) {
      // GitLab's stricter form, checked when nothing else is wrong: it reads the header
      // anyway, but reports the file as malformed.
      const loose = looseHeaderForm(h);
      if (loose) this.report(line, lead + 1, 'error', 'invalid-section', `GitLab reads this header but reports it as malformed: ${loose}.`);
    }
    // GitLab merges sections whose names differ only in case, keeping the first spelling,
    // except while the default section is the last one made: then only the exact name merges
    // (GitLab's find_section_name skips its lookup), so `[Docs]` first is always new, and after
    // `[codeowners]` (the default section itself) `[CODEOWNERS]` is new too.
    let section: Section | undefined;
    if (this.sections[this.sections.length - 1].name !== DEFAULT_SECTION) {
      const folded = caseFold(h.name);
      for (const s of this.sections) if (caseFold(s.name) === folded) { section = s; break; }
    } else section = this.sectionByKey.get(h.name);
    if (!section) {
      section = { name: h.name, line, optional: h.optional, approvals: h.approvals, defaultOwners: defaults };
      this.sections.push(section);
      this.sectionByKey.set(h.name, section);
    } else {
      // A later header of the same section sets the default owners for the lines under it;
      // `sections` keeps one object per name, `current` carries this header's defaults.
      section.optional = section.optional && h.optional;
      section = { ...section, defaultOwners: defaults };
    }
    this.currentWroteDefaults = h.defaultOwners.trim() !== '';
    this.current = section;
  }

  /**
   * Whether the header of `current` wrote default owners, valid or not: GitLab reports no
   * missing owner for a line under it (it hands the text on as the line's owners).
   */
  private currentWroteDefaults = false;

  /** The file's lines, once the size and binary checks are done (none when nothing applies). */
  lines: readonly string[] = [];
  /** False when nothing in the file applies (too large, binary). */
  applied = true;

  /** The result, once every line has been read. */
  finish(): ParsedCodeowners {
    this.diagnostics.push(...duplicatePatterns(this.rules, this.flavor));
    return { flavor: this.flavor, rules: this.rules, sections: this.sections, headers: this.headers, diagnostics: this.diagnostics, applied: this.applied };
  }

}


/** Parses CODEOWNERS text. `auto` detects GitLab by its section headers. Never throws. */
export function parseCodeowners(text: string, options: ParseOptions): ParsedCodeowners {
  const parser = startParse(text, options);
  const lines = parser.lines;
  for (let i = 0; i < lines.length; i++) parser.parseLine(lines[i], i + 1);
  return parser.finish();
}

/** The same as parseCodeowners, in slices that leave the event loop free between them. */
export async function parseCodeownersSliced(text: string, options: ParseOptions, slicer: Slicer): Promise<ParsedCodeowners> {
  const parser = startParse(text, options);
  const lines = parser.lines;
  for (let i = 0; i < lines.length; i++) {
    if ((i & CHECK_EVERY_MASK) === 0 && slicer.due()) await slicer.next();
    parser.parseLine(lines[i], i + 1);
  }
  return parser.finish();
}

/**
 * A parser for `text`, its size and binary checks done and its lines split, ready for the
 * loop over lines that both forms run.
 */
function startParse(text: string, options: ParseOptions): Parser {
  const flavor: Flavor = options.flavor === 'auto' ? detectFlavor(text) : options.flavor;
  const parser = new Parser(flavor);
  const bytes = options.byteLength ?? Buffer.byteLength(text, 'utf8');
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  let read = text;
  if (flavor !== 'gitlab' && bytes > GITHUB_SIZE_LIMIT) {
    parser.report(1, 1, 'error', 'file-too-large', `This file is ${mb} MB; ${flavor === 'github' ? 'GitHub' : 'the host'} ignores CODEOWNERS files over 3 MB, so no rule in it applies.`);
    // Nothing in it applies, so its lines are not parsed: the work stays bounded however large the file.
    parser.applied = false;
    return parser;
  }
  if (flavor === 'gitlab' && bytes > GITLAB_READ_LIMIT) {
    read = text.slice(0, wholeLinesWithin(text, GITLAB_READ_LIMIT));
    const cutLine = countLines(read) + 1;
    parser.report(cutLine, 1, 'warning', 'file-truncated', `This file is ${mb} MB; GitLab reads only the first 10 MB of a CODEOWNERS file, so no rule from this line on applies (GitLab may see the start of this line).`);
  }
  const nul = read.indexOf('\0');
  if (nul >= 0) {
    // Said where the first NUL is, which is what there is to fix; its lines are not parsed, as
    // a file too large is not: nothing in it applies, and rule diagnostics on binary lines are noise.
    parser.applied = false;
    const at = positionInText(read, nul);
    parser.report(at.line, at.column, 'error', 'binary-file', 'This file contains NUL bytes: it is not a text file, so no rule in it applies.');
    return parser;
  }
  parser.lines = splitLines(read);
  return parser;
}

// A parser lives for one parse; this one keeps its hidden class alive between parses.
keepHiddenClasses(new Parser('github'));

/**
 * Ruby's `casecmp?` (GitLab's find_section_name) compares after full Unicode case folding, so
 * `[Straße]` and `[STRASSE]` are one section. Upper- then lower-casing folds as it does for
 * what section names hold (`ß` to `ss`, `ﬁ` to `fi`, `ſ` and final `ς` to `s` and `σ`);
 * `toLowerCase` alone does not.
 */
function caseFold(name: string): string {
  return name.toUpperCase().toLowerCase();
}
