// `ownership-lens check`: the CODEOWNERS diagnostics, one per line, for CI logs and hooks.
// The parser's findings, then what needs more than the file: owners unknown to ownership.yml,
// and (in a git repository) rules that never apply or match no tracked file.
import fs = require('node:fs');
import path = require('node:path');
import { parseArgs } from 'node:util';
import { flavorReason, nodeFileSystem, placementDiagnostic, searchedCodeowners, type FileDiagnostic, type RepositoryOwnership } from '../../core';
import { isInside } from '../../core/fs';
import { FileTree, OwnershipAnalyzer, unknownOwnerDiagnostics } from '../../core/analysis';
import { loadOwnershipConfig } from '../../core/practices/loadOwnershipConfig';
import type { OwnershipConfig } from '../../core/practices/types';
import { listTrackedFiles } from '../../git/gitClient';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from '../io';
import { openRepository, parseFlavor, requireRootArg, REPOSITORY_OPTIONS, REPOSITORY_USAGE } from '../repository-args';
import { reportDiagnostics, sanitize } from '../terminal';
import { gitEnvironment } from '../git-environment';

export const CHECK_USAGE = `Usage: ownership-lens check [options]

Checks the repository's CODEOWNERS and prints one line per problem:
  file:line:column: severity code message
Besides syntax, it reports owners unknown to .github/ownership.yml (when that file lists
teams) and, in a git repository, rules that never apply because later rules take all their
files (shadowed-rule) and patterns that match no tracked file (no-match). A --codeowners
file no host reads (in a subfolder, or behind the file found first) is said on its line 1.
Exits 1 when there are errors, 0 otherwise.

Options:
${REPOSITORY_USAGE}
  --json              print JSON Lines instead
  -h, --help          show this help
`;

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { ...REPOSITORY_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return EXIT_OK;
  }
  requireRootArg(values, io);
  const repo = openRepository(values, io);
  const note = values.json ? null : flavorNote(repo);
  if (note) io.stderr(note);
  const diagnostics = repo.diagnostics.concat(placement(repo, values), await analysisDiagnostics(repo, io));
  let out = '';
  for (const d of inReadingOrder(repo, diagnostics)) {
    out += values.json
      ? `${JSON.stringify(d.related ? { ...d, related: d.related.map((r) => ({ file: d.file, ...r })) } : d)}\n`
      : `${sanitize(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${sanitize(d.message)}\n`;
  }
  if (repo.file === null && !values.json) out += 'ownership-lens: no CODEOWNERS found\n';
  io.stdout(out);
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

const HOSTS = { github: 'GitHub', gitlab: 'GitLab', bitbucket: 'Bitbucket' } as const;

/**
 * Which host's syntax the file was read with, when its text decided it (a root or docs/ file
 * under auto): a GitHub file with one `[Name]` line is read as GitLab's, and the reader of a
 * CI log should not have to guess why its diagnostics changed.
 */
export function flavorNote(repo: RepositoryOwnership): string | null {
  const choice = repo.flavorChoice;
  if (repo.file === null || repo.flavor === null || choice?.by !== 'content') return null;
  return `ownership-lens check: ${sanitize(repo.file)} is read as ${HOSTS[repo.flavor]} syntax (${flavorReason(choice)}); --flavor chooses another\n`;
}

/** With --codeowners: whether the hosts read that file (one in a subfolder, or behind another, they do not). */
function placement(repo: RepositoryOwnership, values: { codeowners?: string; flavor?: string }): FileDiagnostic[] {
  if (values.codeowners === undefined || repo.file === null || !isInside(repo.root, path.resolve(repo.root, repo.file))) return [];
  const setting = parseFlavor(values.flavor);
  const d = placementDiagnostic({
    relative: repo.file,
    searched: searchedCodeowners(repo.root, { flavor: setting }),
    named: repo.file,
    setting,
    kindOf: (relative) => nodeFileSystem.kind(path.join(repo.root, relative)),
  });
  return d ? [{ ...d, file: repo.file }] : [];
}

/** Unknown owners, then shadowed and unmatched rules when git can list the tracked files. */
async function analysisDiagnostics(repo: RepositoryOwnership, io: CliIO): Promise<FileDiagnostic[]> {
  if (repo.parsed === null || repo.file === null) return [];
  const file = repo.file;
  const found = [...unknownOwnerDiagnostics(repo.parsed, readText(repo), ownershipConfig(repo, io))];
  const tracked = await trackedFiles(repo.root, io);
  if ('files' in tracked) found.push(...new OwnershipAnalyzer(FileTree.from(tracked.files)).analyze(repo.parsed).diagnostics);
  // Outside a git repository there is nothing to say; a repository git cannot read is said,
  // and the checks that need its files are skipped rather than failed.
  else if (tracked.repository) io.stderr(`ownership-lens check: cannot list the tracked files (${tracked.error}); shadowed and unmatched rules are not checked\n`);
  return found.map((d) => ({ ...d, file }));
}

/** Other files' problems first, as found; then the CODEOWNERS file's, by position. */
function inReadingOrder(repo: RepositoryOwnership, diagnostics: FileDiagnostic[]): FileDiagnostic[] {
  const others = diagnostics.filter((d) => d.file !== repo.file);
  const own = diagnostics.filter((d) => d.file === repo.file).sort((a, b) => a.line - b.line || a.column - b.column);
  return others.concat(own);
}

/** The CODEOWNERS text (the parser keeps none): GitLab owner positions need it. */
export function readText(repo: RepositoryOwnership): string {
  try {
    return fs.readFileSync(path.resolve(repo.root, repo.file as string), 'utf8');
  } catch {
    return '';
  }
}

/** ownership.yml as far as it can be read; what is wrong with it is said on stderr, a line each. */
export function ownershipConfig(repo: RepositoryOwnership, io: CliIO): OwnershipConfig {
  const { config, diagnostics } = loadOwnershipConfig(repo.root);
  reportDiagnostics(io, diagnostics);
  return config;
}

export type Tracked = { files: string[] } | { error: string; repository: boolean };

/** The files git tracks under the root; the reason when git cannot list them. */
export async function trackedFiles(root: string, io: CliIO): Promise<Tracked> {
  try {
    return { files: await listTrackedFiles(root, { env: gitEnvironment(io) }) };
  } catch (e) {
    return { error: sanitize((e as Error).message.trim().split('\n')[0]), repository: fs.existsSync(path.join(root, '.git')) };
  }
}

