// `ownership-lens who`: the owners of paths. Also how the engine is checked from outside, so
// its JSON shape is a contract: {"path", "owners", "rule": {file, line, pattern} | null} and,
// for GitLab, "sections": {name: owners}.
import path = require('node:path');
import { parseArgs } from 'node:util';
import { eachLine, selectionOf, FALLBACK, sameBytes, type OwnershipResult, type RepositoryOwnership, type Rule } from '../../core';
import { insideResolver } from '../../core/fs';
import { EXIT_OK, UsageError, type CliIO } from '../io';
import { JsonLinesWriter } from '../jsonLinesWriter';
import { openRepository, REPOSITORY_OPTIONS, REPOSITORY_USAGE, requireRepositoryArgs, spelledAsFolder, summarizeProblems } from '../repository-args';
import { sanitize, table } from '../terminal';

export const WHO_USAGE = `Usage: ownership-lens who [options] [PATH...]

Prints the owners of each PATH (relative to the repository root; an absolute
path inside the repository is read relative to it, any other PATH starting with
/ is read from the root, and . and .. segments are resolved). A PATH ending in /
(or in . or ..) names a folder: it gets the owners of a new file directly in it
(the root itself has none). A PATH that .. takes out of the repository is an
error; such a line of standard input is printed as unowned, with a warning.
Give at least one PATH or --stdin.

Options:
${REPOSITORY_USAGE}
  --stdin             also read paths from standard input, one per line
  --json              print JSON Lines: {"path", "owners", "rule", "sections"?}
  -h, --help          show this help
`;

export async function whoCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...REPOSITORY_OPTIONS, json: { type: 'boolean' }, stdin: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(WHO_USAGE);
    return EXIT_OK;
  }
  requireRepositoryArgs(values, io);
  // Before the repository is opened: with nothing to answer, no CODEOWNERS warning either.
  if (positionals.length === 0 && !values.stdin) throw new UsageError('who needs at least one PATH, or --stdin');
  const repo = openRepository(values, io);
  const toRepo = inRepo(repo);
  const given = positionals.map((text): PathArg => {
    const inside = toRepo(text);
    if (inside === null) throw new UsageError(`${sanitize(text)} is outside the repository (${sanitize(repo.root)})`);
    return { text, inside };
  });
  const stdin = values.stdin ? asBuffer(await io.readStdin()) : null;
  summarizeProblems(repo, io);
  const lineAt = stdin === null ? () => 0 : lineNumbers(stdin);
  /** A line of standard input at byte `start`, with a warning when it is outside the repository. */
  const fromStdin = (text: string, start: number): PathArg => {
    const inside = toRepo(text);
    if (inside === null) io.stderr(`ownership-lens who: standard input line ${lineAt(start)}: ${sanitize(text)} is outside the repository; printed as unowned\n`);
    return { text, inside };
  };
  if (values.json) writeJson(repo, given, stdin, fromStdin, io);
  else {
    const lines: PathArg[] = [];
    if (stdin !== null) eachLine(stdin, (start, end) => lines.push(fromStdin(stdin.toString('utf8', start, end), start)));
    writeTable(repo, given.concat(lines), io);
  }
  return EXIT_OK;
}

/** A path as given (printed so) and as the matcher reads it; null when it is outside the repository. */
interface PathArg {
  text: string;
  inside: string | null;
}

/** The line number of a byte offset, for offsets asked in increasing order (counted on from the last). */
function lineNumbers(input: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (input[at] === 0x0a) line++;
    return line;
  };
}

/** A Buffer over the same bytes (for its utf8 decoding of a line). */
function asBuffer(input: Uint8Array): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * JSON Lines for the positional paths, then for each line of standard input. A line the
 * engine's byte-level walker decides (see LineMatcher) and that needs no escaping is copied
 * into its record as bytes; any other goes through the string matcher, as a positional does.
 * The records are the same either way (test/unit/cli-who.test.ts checks it).
 */
function writeJson(repo: RepositoryOwnership, given: PathArg[], stdin: Buffer | null, fromStdin: (text: string, start: number) => PathArg, io: CliIO): void {
  const out = new JsonLinesWriter(io);
  // Most paths share their deciding rule: serialise each rule's part of the record once.
  const tails = new Map<Rule | null, string>();
  const tailOf = (r: OwnershipResult): string => {
    if (r.sections !== undefined) return recordTail(repo, r);
    let tail = tails.get(r.rule);
    if (tail === undefined) {
      tail = recordTail(repo, r);
      tails.set(r.rule, tail);
    }
    return tail;
  };
  const writeText = (p: PathArg): void => out.text(`{"path":${jsonString(p.text)},${tailOf(answerFor(repo, p))}\n`);
  for (const p of given) writeText(p);
  if (stdin === null) return out.end();
  const walker = repo.lineMatcher(stdin.length);
  /** Record tails as bytes, by the walker's id (shifted by one: NO_RULE is -1). */
  const byteTails: Array<Uint8Array | undefined> = [];
  // A path inside the repository given absolute is made relative first (inRepo), which the
  // walker does not do: such a line goes the string way. (On POSIX the walker would hand it
  // back anyway, for its leading `/`.)
  const absolute = Buffer.from(`${repo.root}${path.sep}`, 'utf8');
  walker?.beginBatch();
  eachLine(stdin, (start, end) => {
    const id = walker === null || (end - start >= absolute.length && sameBytes(stdin, start, absolute, 0, absolute.length)) ? FALLBACK : walker.decideNext(stdin, start, end);
    if (id !== FALLBACK) {
      let tail = byteTails[id + 1];
      if (tail === undefined) {
        tail = Buffer.from(`${tailOf(repo.resultOfId(id))}\n`, 'utf8');
        byteTails[id + 1] = tail;
      }
      if (out.plainRecord(stdin, start, end, tail)) return;
    }
    writeText(fromStdin(stdin.toString('utf8', start, end), start));
  });
  out.end();
}

/**
 * JSON.stringify of a string. Most paths need no escaping (no quote, backslash, control
 * character or surrogate, whose lone halves JSON.stringify escapes): those are quoted as they
 * are, which a batch of 200,000 paths notices; the rest go through JSON.stringify.
 */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/**
 * The owners of a path; for one outside the repository, the engine's answer for the empty path,
 * which names nothing (no owner, no rule, and for GitLab no section), in the map's own shape.
 */
function answerFor(repo: RepositoryOwnership, p: PathArg): OwnershipResult {
  return repo.match(p.inside ?? '');
}

/**
 * Paths are relative to the repository root; an absolute path inside the repository (what a
 * shell completes, or an editor passes) is taken relative to it. It is still printed as given.
 */
function inRepo(repo: RepositoryOwnership): (p: string) => string | null {
  const prefix = `${repo.root}${path.sep}`;
  const fromRoot = (rel: string) => (rel === '' ? '/' : rel.split(path.sep).join('/'));
  const relativeInside = insideResolver(repo.root);
  return (p) => {
    if (!path.isAbsolute(p)) return resolveDots(p);
    // A path of the repository's own directory (`..` resolved), or one reaching it through a
    // link; any other `/src/a.ts` is a path from the root, as CODEOWNERS writes them.
    const inside = relativeInside(p);
    if (inside !== null) return fromRoot(inside) + (inside !== '' && spelledAsFolder(p) ? '/' : '');
    return p.startsWith(prefix) || p === repo.root ? null : resolveDots(p);
  };
}

/**
 * `.` and `..` segments resolved, as a shell would (`src/../docs/a` is `docs/a`); null when
 * `..` climbs out of the repository. A path whose last segment is one of them names a folder,
 * so it keeps a trailing `/` (the root itself: `/`, which has no owner). Any other path is
 * returned as it is.
 */
function resolveDots(p: string): string | null {
  if (!(p.startsWith('.') || p.includes('/.'))) return p;
  const segments = p.split('/');
  if (!segments.some((s) => s === '.' || s === '..')) return p;
  const kept: string[] = [];
  for (const s of segments) {
    if (s === '..') {
      if (kept.length === 0) return null;
      kept.pop();
    } else if (s !== '.' && s !== '') kept.push(s);
  }
  return kept.length === 0 ? '/' : `${kept.join('/')}${spelledAsFolder(p) ? '/' : ''}`;
}

function recordTail(repo: RepositoryOwnership, r: OwnershipResult): string {
  const rule = r.rule ? repo.ruleRef(r.rule) : null;
  let s = `"owners":${JSON.stringify(r.owners)},"rule":${JSON.stringify(rule)}`;
  if (r.sections !== undefined) {
    // No prototype: a section named `__proto__` is a key like any other.
    const sections = Object.create(null) as Record<string, string[]>;
    for (const m of r.sections) sections[m.section] = m.owners;
    s += `,"sections":${JSON.stringify(sections)}`;
  }
  return `${s}}`;
}

function writeTable(repo: RepositoryOwnership, paths: PathArg[], io: CliIO): void {
  if (repo.file === null) io.stderr('ownership-lens: no CODEOWNERS found (looked in .github/, the root, docs/, .gitlab/, .bitbucket/)\n');
  const rows: string[][] = [['PATH', 'OWNERS', 'RULE', 'PATTERN']];
  /** The rule's place and its pattern, in columns of their own so that the patterns line up. */
  const ruleCells = (rule: Rule): string[] => [sanitize(`${repo.ruleRef(rule).file}:${rule.line}`), sanitize(rule.pattern)];
  for (const p of paths) {
    const r = answerFor(repo, p);
    // Bitbucket: how reviewers are picked from a group, beside it.
    const shown = r.owners.map((o) => {
      const selection = selectionOf(r.rule, o);
      return selection ? `${o} (${selection})` : o;
    });
    const owners = shown.length > 0 ? shown.join(' ') : r.rule ? '(unowned: rule has no owners)' : p.inside === null ? '(outside the repository)' : '(unowned)';
    rows.push([sanitize(p.text), sanitize(owners), ...(r.rule ? ruleCells(r.rule) : ['-'])]);
    if (r.sections && r.sections.length > 1) {
      for (const s of r.sections) rows.push(['', sanitize(`[${s.section}] ${s.owners.join(' ') || '(no owners)'}`), ...ruleCells(s.rule)]);
    }
  }
  io.stdout(table(rows));
}
