// `ownership-lens explain`: for each path, who owns it, what that means for me, and what to
// do about it: the owning team, its practices, the etiquette when the code is someone
// else's, and the rubric's expectations ordered for the situation.
import path = require('node:path');
import { parseArgs } from 'node:util';
import { nodeFileSystem } from '../../core';
import { isInside, relativeInside } from '../../core/fs';
import type { GitUser } from '../../core/identity/identity';
import { loadOwnershipConfig } from '../../core/practices/loadOwnershipConfig';
import { chooseRubric } from '../../core/rubric/bundledRubrics';
import { guidanceFor, type Guidance } from '../../core/situation/guidance';
import { pathOwnership } from '../../core/situation/pathOwnership';
import { createGitClient } from '../../git/gitClient';
import { EXIT_OK, UsageError, type CliIO } from '../io';
import { MEMBERSHIP_USAGE, resolveIdentityForCli } from '../membership';
import { openRepository, requireRepositoryArgs, spelledAsFolder, GUIDANCE_OPTIONS, REPOSITORY_OPTIONS, REPOSITORY_USAGE, resolveRoot, summarizeProblems } from '../repository-args';
import { requireRubricArg } from '../rubric-arg';
import { reportDiagnostics, sanitize } from '../terminal';
import { renderGuidance } from './explainText';

export const EXPLAIN_USAGE = `Usage: ownership-lens explain [options] PATH...

For each PATH: its owners and the CODEOWNERS rule, whether it is yours, the owning team's
details and practices (.github/ownership.yml, CONTRIBUTING), the etiquette for changing code
someone else owns, and the rubric's expectations, most relevant first.

PATH is relative to the current directory when that is inside the repository, else to the
repository root. A folder (on disk, or a PATH ending in /) gets the owners a new file directly
in it would get, as in \`who\` and the editor's hover over a folder.

Options:
${REPOSITORY_USAGE}
  --me HANDLE         a handle or email that is you (repeatable); added to git's
                      user.email/user.name and your teams in ownership.yml
  --rubric RUBRIC     l4 (default), l6, or the path of your own rubric file
  --json              print JSON Lines: {"path", "owners", "rule", "situation", "team"?,
                      "practices", "contributing", "etiquette", "expectations"}
  -h, --help          show this help

${MEMBERSHIP_USAGE}`;

export async function explainCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...REPOSITORY_OPTIONS,
      ...GUIDANCE_OPTIONS,
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(EXPLAIN_USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('explain needs at least one PATH');
  // Every usage error before any work: a bad --flavor must not come after notices about git.
  requireRepositoryArgs(values, io);
  const root = resolveRoot(values, io);
  const paths = positionals.map((p) => repositoryPath(p, root, io.cwd));

  requireRubricArg(values.rubric, io.cwd);
  const rubricChoice = chooseRubric(values.rubric, io.cwd);
  const config = loadOwnershipConfig(root);
  reportDiagnostics(io, [...rubricChoice.diagnostics, ...config.diagnostics]);
  if (rubricChoice.fellBack) {
    io.stderr(`ownership-lens explain: ${sanitize(values.rubric ?? '')} cannot be used; showing the bundled ${rubricChoice.rubric.title} rubric instead\n`);
  }

  const git = await gitUser(root, io);
  const me = await resolveIdentityForCli(io, 'explain', { explicit: values.me ?? [], git, config: config.config });
  if (me.isEmpty) io.stderr('ownership-lens explain: git has no user.email and no --me was given, so no file counts as yours\n');

  const repo = openRepository(values, io);
  summarizeProblems(repo, io);
  const ctx = { root, fs: nodeFileSystem, me, config: config.config, rubric: rubricChoice.rubric };
  const all = paths.map((p) => guidanceFor(p.path, pathOwnership(repo, p.isDirectory ? `${p.path}/` : p.path), ctx, p.isDirectory));
  if (values.json) io.stdout(all.map((g) => `${JSON.stringify(toJson(g))}\n`).join(''));
  else io.stdout(all.map((g) => renderGuidance(g, rubricChoice.rubric, { width: terminalWidth(io) })).join('\n'));
  return EXIT_OK;
}

/** The JSON Lines record: the documented contract, in this key order. */
export function toJson(g: Guidance): Record<string, unknown> {
  const team = g.teams[0];
  return {
    path: g.path,
    owners: g.owners,
    rule: g.rule,
    situation: g.situation,
    ...(team
      ? { team: { handle: team.handle, name: team.name, description: team.description, contact: team.contact, links: team.links, members: team.members } }
      : {}),
    practices: g.practices,
    contributing: g.contributing,
    etiquette: g.etiquette,
    expectations: g.expectations.map((e) => ({ id: e.id, title: e.title, text: e.text })),
  };
}

/**
 * A PATH argument as a repository-relative path with forward slashes, and whether it names a
 * folder. Relative to the current directory when that is inside the repository (what a person
 * at a shell means), else to the root (what a script passing --root and a path from `who`
 * means). A folder is one on disk, or a PATH that says so (`docs/`, `docs/.`) for one that is
 * not there yet.
 */
function repositoryPath(arg: string, root: string, cwd: string): { path: string; isDirectory: boolean } {
  const base = isInside(root, path.resolve(cwd)) ? cwd : root;
  const abs = path.resolve(base, arg);
  const inside = relativeInside(root, abs);
  if (inside === null) throw new UsageError(`${arg} is outside the repository (${root})`);
  const rel = inside.split(path.sep).join('/');
  if (rel === '') throw new UsageError(`${arg} is the repository root; name a file or folder inside it`);
  return { path: rel, isDirectory: spelledAsFolder(arg) || nodeFileSystem.kind(abs) === 'directory' };
}

async function gitUser(root: string, io: CliIO): Promise<GitUser> {
  try {
    return await createGitClient(root, { env: io.env }).user();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    io.stderr(`ownership-lens explain: cannot read git's user.email/user.name (${sanitize(reason)}); use --me HANDLE\n`);
    return {};
  }
}

function terminalWidth(io: CliIO): number {
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? Math.min(Math.max(columns, 60), 100) : 80;
}
