// Recognising owners in a rule line. Each host accepts a slightly different set:
//   GitHub/Bitbucket: `@user`, `@org/team`, `email@domain`.
//   GitLab: `@user`, `@group/subgroup/...` (any depth), `email`, and roles `@@developer`,
//   `@@maintainer`, `@@owner` (a plural `s` is accepted).
// All checks are character loops or regexes without nested quantifiers: owner tokens come
// from the repository, and no check may backtrack.

import type { Flavor, OwnerKind, Rule } from './types';

const HANDLE_CHAR = /^[A-Za-z0-9_.-]+$/;

/**
 * Characters of an address's local part: RFC 5322's `atext` (letters, digits and
 * `!#$%&'*+-/=?^_{|}~`, the apostrophe of `o'neil@` included) and `.`, without the double
 * quote and backtick. Anything else (brackets,
 * parentheses, `<>`, `:`, `"`, control, bidi or zero-width characters, non-ASCII) is not in
 * an address a host would match to an account, but is in `[x](command:…)@x.io`, which reads as
 * a link wherever it is shown as Markdown.
 */
const LOCAL_CHARS = "!#$%&'*+-/=?^_{|}~.";

function isLocalChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c < 0x80 && LOCAL_CHARS.includes(String.fromCharCode(c)));
}
/** Domain labels: ASCII letters, digits and inner hyphens (IDNs are written in punycode). */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** RFC 5321's limits: 64 characters before the `@`, 254 in all. */
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

function isEmail(token: string, singleLabel = false): boolean {
  if (token.length > MAX_EMAIL) return false;
  const at = token.indexOf('@');
  if (at <= 0 || at > MAX_LOCAL || at !== token.lastIndexOf('@')) return false;
  const local = token.slice(0, at);
  if (local.startsWith('.') || local.endsWith('.')) return false;
  for (let i = 0; i < local.length; i++) if (!isLocalChar(local.charCodeAt(i))) return false;
  const labels = token.slice(at + 1).split('.');
  // At least `domain.tld` (GitLab also takes a bare host, `jane@localhost`), and a top-level
  // domain is never only digits.
  if (labels.length < (singleLabel ? 1 : 2) || /^[0-9]+$/.test(labels[labels.length - 1])) return false;
  return labels.every((l) => LABEL.test(l));
}

/** The kind of owner `token` is for `flavor`, or null when the host would not accept it. */
export function classifyOwner(token: string, flavor: Flavor): OwnerKind | null {
  if (token.startsWith('@@')) {
    // A role is the whole word: a name, plural or not, in any case (the scan's own test).
    return flavor === 'gitlab' && roleEnd(token, 2) === token.length ? 'role' : null;
  }
  if (token.startsWith('@')) {
    const parts = token.slice(1).split('/');
    if (parts.some((p) => p.length === 0 || !HANDLE_CHAR.test(p))) return null;
    if (parts.length === 1) return 'user';
    // GitHub teams are exactly `@org/team`; GitLab groups nest.
    if (flavor !== 'gitlab' && parts.length !== 2) return null;
    return 'team';
  }
  return isEmail(token) ? 'email' : null;
}

/**
 * The user or organisation name in a GitHub `@user` or `@org/team` that no GitHub account can
 * have, or null. GitHub's names are letters, digits and hyphens, and never start with a hyphen
 * (old accounts may end with one or hold two in a row); managed users add `_shortcode`. So a
 * `.` (`@john.doe`, an address's local part taken for a handle) or a leading `-`, `_` or `.`
 * names nobody. Team slugs are left alone: GitHub makes them from team names.
 */
export function impossibleGithubName(token: string): string | null {
  const slash = token.indexOf('/');
  const name = slash < 0 ? token.slice(1) : token.slice(1, slash);
  const first = name.charCodeAt(0);
  return first === 0x2d || first === 0x5f || first === 0x2e || name.includes('.') ? name : null;
}

/** Longest token read as owners run together, and most `@`s in it: the token is the file's, and the search is quadratic in them. */
const MAX_RUN_LENGTH = 512;
const MAX_RUN_AT = 8;

/**
 * `@a@b`, `@a,@b`, `jane@example.com@bob`: a token that is no owner but reads as two or more
 * owners of `flavor` written without a space between them; null otherwise. (GitHub takes none
 * of them: iccDEV#2431 had `@ChrisCoxArt@colourbill-ctrl` own nothing, and no error shown.)
 * Commas and semicolons split; a piece that is no owner is cut before an `@`, the fewest cuts
 * that leave only owners.
 */
export function runTogetherOwners(token: string, flavor: Flavor): string[] | null {
  if (token.length > MAX_RUN_LENGTH) return null;
  const owners: string[] = [];
  for (const piece of token.split(/[,;]/)) {
    if (piece === '') continue;
    const cut = cutBeforeAts(piece, flavor);
    if (cut === null) return null;
    owners.push(...cut);
  }
  return owners.length >= 2 ? owners : null;
}

/** `piece` as owners cut before some of its `@`s (the fewest cuts), or null when no cut gives only owners. */
function cutBeforeAts(piece: string, flavor: Flavor): string[] | null {
  const at: number[] = [0];
  for (let i = piece.indexOf('@', 1); i > 0; i = piece.indexOf('@', i + 1)) {
    // `@@role` is one owner: no cut between its two `@`s.
    if (piece.charCodeAt(i - 1) !== 64) at.push(i);
    if (at.length > MAX_RUN_AT) return null;
  }
  at.push(piece.length);
  // count[j]: the fewest owners that make piece[0, at[j]); from[j]: where the last of them starts.
  const count = new Array<number>(at.length).fill(Infinity);
  const from = new Array<number>(at.length).fill(-1);
  count[0] = 0;
  for (let j = 1; j < at.length; j++) {
    for (let i = 0; i < j; i++) {
      if (count[i] + 1 < count[j] && classifyOwner(piece.slice(at[i], at[j]), flavor) !== null) {
        count[j] = count[i] + 1;
        from[j] = i;
      }
    }
  }
  if (count[at.length - 1] === Infinity) return null;
  const out: string[] = [];
  for (let j = at.length - 1; j > 0; j = from[j]) out.unshift(piece.slice(at[from[j]], at[j]));
  return out;
}

/** How Bitbucket Cloud picks reviewers from a group or team: `:all`, `:random(N)`, `:least_busy(N)`. */
// Without a count, `random` and `least_busy` pick one (Atlassian's full example file: "same as random(1)").
const BITBUCKET_SELECTION = /^(?:all|random(?:\([1-9][0-9]{0,3}\))?|least_busy(?:\([1-9][0-9]{0,3}\))?)$/;

/**
 * A Bitbucket group or team with a reviewer selection (`@workspace/backend:least_busy(2)`,
 * `@teams/sre:random(2)`): the group, which is the owner, and how reviewers are picked from it.
 * Null for anything else.
 */
export function bitbucketSelection(token: string): { group: string; selection: string } | null {
  const colon = token.lastIndexOf(':');
  if (colon < 0 || !BITBUCKET_SELECTION.test(token.slice(colon + 1))) return null;
  const group = token.slice(0, colon);
  return classifyOwner(group, 'bitbucket') === 'team' ? { group, selection: token.slice(colon + 1) } : null;
}

/**
 * How the rule picks reviewers from `owner` (Bitbucket: `@ws/backend:least_busy(2)` gives
 * "the 2 least busy"), or undefined when it names the owner without a selection.
 */
export function selectionOf(rule: Rule | null | undefined, owner: string): string | undefined {
  const selection = rule?.owners.find((o) => o.text === owner)?.selection;
  return selection === undefined ? undefined : describeSelection(selection);
}

/** A Bitbucket reviewer selection in words: `all` → "all members", `random(2)` → "2 at random". */
export function describeSelection(selection: string): string {
  const n = /\(([0-9]+)\)$/.exec(selection)?.[1] ?? '1';
  if (selection.startsWith('random')) return `${n} at random`;
  if (selection.startsWith('least_busy')) return n === '1' ? 'the least busy' : `the ${n} least busy`;
  return 'all members';
}

/** Owner handles compare case-insensitively on every host (and emails do too). */
export function ownerKey(owner: string): string {
  return owner.toLowerCase();
}

/**
 * Whether two owners name the same account (ownerKey). Tested for every pair of owners on a
 * line as a file is parsed: ASCII is compared in place, so no pair makes lower-case copies.
 */
export function sameOwner(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Beyond ASCII, case is the full Unicode mapping's: ownerKey decides.
    if (x >= 0x80 || y >= 0x80) return ownerKey(a) === ownerKey(b);
    const fx = x | 0x20;
    if (fx !== (y | 0x20) || fx < 0x61 || fx > 0x7a) return false;
  }
  return true;
}

/** An owner GitLab reads out of an owners text, with its offset in that text. */
export interface GitlabReference {
  text: string;
  kind: OwnerKind;
  start: number;
  end: number;
}

/**
 * The owners GitLab reads out of an owners text (an entry's, or a section's default owners),
 * in text order, each time it is written. GitLab does not split the text into
 * owners: its ReferenceExtractor scans the whole text for `@name` references, e-mail addresses
 * and `@@role` words, so `@a,@b` gives @a and @b, `(@alice)` gives @alice, and the full stop of
 * `@group/team.` is not part of the name. E-mail matches that no account can have (`(@alice`,
 * `a,@b`) are left out: GitLab finds no user for them either.
 */
export function gitlabReferences(text: string): GitlabReference[] {
  const found: GitlabReference[] = [];
  // Names: `(?<![\w@])@` then a full namespace path (see namespaceEnd).
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== AT || (i > 0 && (isWord(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === AT))) continue;
    const end = namespaceEnd(text, i + 1);
    if (end < 0) continue;
    const name = text.slice(i, end);
    found.push({ text: name, kind: name.includes('/') ? 'team' : 'user', start: i, end });
    i = end - 1;
  }
  // Roles: `(?<![\w@])@@(developer|maintainer|owner)s?(?:\s|$)`, case-insensitive (GitLab's
  // ROLE_REGEXP): after anything but a word character or `@` (`@a,@@developer` names both).
  for (let i = 0; i + 2 < text.length; i++) {
    if (text.charCodeAt(i) !== AT || text.charCodeAt(i + 1) !== AT) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    if (isWord(before) || before === AT) continue;
    const end = roleEnd(text, i + 2);
    if (end < 0) continue;
    found.push({ text: text.slice(i, end), kind: 'role', start: i, end });
    i = end;
  }
  if (text.indexOf('@') >= 0) for (const m of gitlabEmails(text)) if (isEmail(m.text, true)) found.push(m);
  // In text order: each scan's finds are in order, so an insertion sort does little work.
  for (let i = 1; i < found.length; i++) {
    const r = found[i];
    let j = i;
    for (; j > 0 && found[j - 1].start > r.start; j--) found[j] = found[j - 1];
    found[j] = r;
  }
  return found;
}

const AT = 0x40;
/** GitLab's roles, as `@@developer` names them (a plural `s` and any case are read too). */
export const GITLAB_ROLE_NAMES: readonly string[] = ['developer', 'maintainer', 'owner'];

/** The end of a role name (plural or not, any case) at text[from], followed by `\s` or the end; -1 when there is none. */
function roleEnd(text: string, from: number): number {
  const endsAt = (at: number) => at === text.length || isRubySpace(text.charCodeAt(at));
  for (const name of GITLAB_ROLE_NAMES) {
    if (text.slice(from, from + name.length).toLowerCase() !== name) continue;
    const end = from + name.length;
    if (end < text.length && (text.charCodeAt(end) | 0x20) === 0x73 && endsAt(end + 1)) return end + 1;
    return endsAt(end) ? end : -1;
  }
  return -1;
}

/** Ruby's `\w`: ASCII letters, digits and `_` (Ruby's is not Unicode-aware). */
function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** A character of a namespace path segment: `[A-Za-z0-9_.-]`. */
function isPathChar(c: number): boolean {
  return isWord(c) || c === 0x2e || c === 0x2d;
}

/** Ruby's `\s`. */
function isRubySpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The longest prefix of the run text[from, to) (path characters) that is a namespace segment,
 * as GitLab's NAMESPACE_FORMAT_REGEX matches it: `[\w.][\w.-]*[\w-]`, not ending in `.git` or
 * `.atom`, else a single `\w`; its end, or -1.
 */
function segmentEnd(text: string, from: number, to: number): number {
  const first = text.charCodeAt(from);
  if (first === 0x2d) return -1;
  for (let end = to; end >= from + 2; end--) {
    if (text.charCodeAt(end - 1) === 0x2e) continue;
    if (!endsWithAt(text, from, end, '.git') && !endsWithAt(text, from, end, '.atom')) return end;
  }
  return isWord(first) ? from + 1 : -1;
}

/** Whether text[from, end) ends with `suffix`, without making the substring. */
function endsWithAt(text: string, from: number, end: number, suffix: string): boolean {
  return end - from >= suffix.length && text.startsWith(suffix, end - suffix.length);
}

/**
 * Where GitLab's FULL_NAMESPACE_FORMAT_REGEX, `(segment/)*segment`, ends when matched at
 * `from`, or -1. Greedy, as Ruby's engine runs it: every run of path characters followed by a
 * `/` that is a whole segment is taken with its slash, and the match ends with the longest
 * segment at the start of the next run; when that run has none, it ends after the last whole
 * segment instead (its slash left out).
 */
function namespaceEnd(text: string, from: number): number {
  let lastWhole = -1;
  let at = from;
  for (;;) {
    let to = at;
    while (to < text.length && isPathChar(text.charCodeAt(to))) to++;
    const end = to > at ? segmentEnd(text, at, to) : -1;
    if (end === to && text.charCodeAt(to) === 0x2f) {
      lastWhole = to;
      at = to + 1;
      continue;
    }
    return end >= 0 ? end : lastWhole;
  }
}

/**
 * GitLab's EMAIL_REGEXP, `[^@\s]{1,100}@[^@\s]{1,255}(?<!\W)`, scanned over the text: at the
 * leftmost start, up to 100 characters, an `@`, then the longest part of up to 255 characters
 * that ends in a `\w`. Characters count as Ruby does (code points, not UTF-16 units).
 */
export function gitlabEmails(text: string): GitlabReference[] {
  // Code points only where they differ from UTF-16 units (outside the BMP): most texts have none.
  let astral = false;
  for (let i = 0; i < text.length && !astral; i++) astral = (text.charCodeAt(i) & 0xfc00) === 0xd800;
  const cps = astral ? Array.from(text, (ch) => ch.codePointAt(0) as number) : null;
  const offsets = cps ? utf16Offsets(cps) : null;
  const n = cps ? cps.length : text.length;
  const code = (k: number): number => (cps ? cps[k] : text.charCodeAt(k));
  const plain = (k: number): boolean => {
    const c = code(k);
    return c !== AT && !isRubySpace(c);
  };
  const out: GitlabReference[] = [];
  let k = 0;
  while (k < n) {
    if (!plain(k)) {
      k++;
      continue;
    }
    let at = k;
    while (at < n && plain(at)) at++;
    if (at >= n || code(at) !== AT) {
      k = at;
      continue;
    }
    // The leftmost start of this run that is at most 100 characters before its `@`.
    const start = Math.max(k, at - 100);
    let stop = at + 1;
    while (stop < n && stop - (at + 1) < 255 && plain(stop)) stop++;
    let end = stop;
    while (end > at + 1 && !isWord(code(end - 1))) end--;
    if (end > at + 1) {
      const from = offsets ? offsets[start] : start;
      const to = offsets ? offsets[end] : end;
      out.push({ text: text.slice(from, to), kind: 'email', start: from, end: to });
      k = end;
    } else k = at + 1;
  }
  return out;
}

/** Where each code point starts in UTF-16 units, and the end. */
function utf16Offsets(cps: readonly number[]): number[] {
  const offsets: number[] = [];
  let o = 0;
  for (const c of cps) {
    offsets.push(o);
    o += c > 0xffff ? 2 : 1;
  }
  offsets.push(o);
  return offsets;
}
