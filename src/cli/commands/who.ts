// `ownership-lens who`: the owners of paths. Also how the engine is checked from outside, so
// its JSON shape is a contract: {"path", "owners", "rule": {file, line, pattern} | null} and,
// for GitLab, "sections": {name: owners}.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { OwnershipResult, RepositoryOwnership, Rule } from '../../core';
import { EXIT_OK, type CliIO } from '../io';
import { openRepository, REPOSITORY_OPTIONS, REPOSITORY_USAGE, summarizeProblems } from '../repository-args';
import { sanitize, table } from '../terminal';

export const WHO_USAGE = `Usage: ownership-lens who [options] [PATH...]

Prints the owners of each PATH (relative to the repository root).

Options:
${REPOSITORY_USAGE}
  --stdin             also read paths from standard input, one per line
  --json              print JSON Lines: {"path", "owners", "rule", "sections"?}
  -h, --help          show this help
`;

/** Output is flushed in chunks this large: one write per path would dominate big batches. */
const CHUNK = 1 << 16;

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
  const repo = openRepository(values, io);
  const stdin = values.stdin ? await io.readStdin() : null;
  const paths: PathSource = (visit) => {
    for (const p of positionals) visit(p);
    if (stdin !== null) eachLine(stdin, visit);
  };
  summarizeProblems(repo, io);
  if (values.json) writeJson(repo, paths, io);
  else writeTable(repo, paths, io);
  return EXIT_OK;
}

/**
 * Hands each path to `visit`, in order. A callback rather than an array: the JSON writer then
 * holds 200,000 paths read from standard input one at a time, instead of having them all
 * copied twice by the young-generation collector on their way to the old one (the table
 * writer keeps its rows anyway: it aligns them).
 */
type PathSource = (visit: (p: string) => void) => void;

/** Each line of `text` (a trailing CR removed), skipping empty ones. */
function eachLine(text: string, visit: (line: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start) visit(text.slice(start, stop));
    start = end + 1;
  }
}

function writeJson(repo: RepositoryOwnership, paths: PathSource, io: CliIO): void {
  const toRepo = inRepo(repo);
  // Most paths share their deciding rule: serialise each rule's part of the record once.
  const tails = new Map<Rule | null, string>();
  let buf = '';
  paths((p) => {
    const r = repo.match(toRepo(p));
    let tail: string | undefined;
    if (r.sections === undefined) {
      tail = tails.get(r.rule);
      if (tail === undefined) {
        tail = recordTail(repo, r);
        tails.set(r.rule, tail);
      }
    } else tail = recordTail(repo, r);
    buf += `{"path":${jsonString(p)},${tail}\n`;
    if (buf.length >= CHUNK) {
      io.stdout(buf);
      buf = '';
    }
  });
  if (buf) io.stdout(buf);
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
 * Paths are relative to the repository root; an absolute path inside the repository (what a
 * shell completes, or an editor passes) is taken relative to it. It is still printed as given.
 */
function inRepo(repo: RepositoryOwnership): (p: string) => string {
  const prefix = `${repo.root}${path.sep}`;
  return (p) => (p.startsWith(prefix) ? p.slice(prefix.length).split(path.sep).join('/') : p);
}

function recordTail(repo: RepositoryOwnership, r: OwnershipResult): string {
  const rule = r.rule ? repo.ruleRef(r.rule) : null;
  let s = `"owners":${JSON.stringify(r.owners)},"rule":${JSON.stringify(rule)}`;
  if (r.sections !== undefined) {
    const sections: Record<string, string[]> = {};
    for (const m of r.sections) sections[m.section] = m.owners;
    s += `,"sections":${JSON.stringify(sections)}`;
  }
  return `${s}}`;
}

function writeTable(repo: RepositoryOwnership, paths: PathSource, io: CliIO): void {
  const toRepo = inRepo(repo);
  if (repo.file === null) io.stderr('ownership-lens: no CODEOWNERS found (looked in .github/, the root, docs/, .gitlab/, .bitbucket/)\n');
  const rows: string[][] = [['PATH', 'OWNERS', 'RULE']];
  paths((p) => {
    const r = repo.match(toRepo(p));
    const owners = r.owners.length > 0 ? r.owners.join(' ') : r.rule ? '(unowned: rule has no owners)' : '(unowned)';
    const rule = r.rule ? `${repo.ruleRef(r.rule).file}:${r.rule.line}  ${r.rule.pattern}` : '-';
    rows.push([sanitize(p), sanitize(owners), sanitize(rule)]);
    if (r.sections && r.sections.length > 1) {
      for (const s of r.sections) rows.push(['', sanitize(`[${s.section}] ${s.owners.join(' ') || '(no owners)'}`), sanitize(`${repo.ruleRef(s.rule).file}:${s.rule.line}  ${s.rule.pattern}`)]);
    }
  });
  io.stdout(table(rows));
}
