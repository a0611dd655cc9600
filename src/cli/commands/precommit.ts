// `ownership-lens precommit`: the staged changes grouped by owner, with what each owner asks
// of contributors. Made to run from a git pre-commit hook: quick, silent when nothing is
// staged, and it never breaks a commit because it broke itself (unless --strict).
import path = require('node:path');
import { parseArgs } from 'node:util';
import { findRepositoryRoot, nodeFileSystem } from '../../core';
import type { GitUser } from '../../core/identity/identity';
import { loadOwnershipConfig } from '../../core/practices/loadOwnershipConfig';
import { needsAttention, remindersFor, type ReminderGroup } from '../../core/reminders/reminders';
import { reviewMarkdown } from '../../core/reminders/reviewMarkdown';
import { chooseRubric } from '../../core/rubric/bundledRubrics';
import { pathOwnership } from '../../core/situation/pathOwnership';
import { createGitClient, type GitClient } from '../../git/gitClient';
import { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, isUsageError, UsageError, type CliIO } from '../io';
import { MEMBERSHIP_USAGE, resolveIdentityForCli } from '../membership';
import { openRepository, requireRootArg, GUIDANCE_OPTIONS, REPOSITORY_OPTIONS, REPOSITORY_USAGE, resolveRoot, summarizeProblems } from '../repository-args';
import { requireRubricArg } from '../rubric-arg';
import { reportDiagnostics, sanitize } from '../terminal';
import { renderReminders } from './precommitText';
import { gitEnvironment } from '../git-environment';

export const PRECOMMIT_USAGE = `Usage: ownership-lens precommit [options]

Reads the staged changes (git diff --cached) and prints them grouped by owner: whose code each
group is, whether it is yours, the owners' practices and contact, the etiquette for changing
code someone else owns, and what the rubric expects before a commit. A rename counts for the
owners of both its paths. Prints nothing when nothing is staged, and one line when the commit
concludes a merge (what a merge brings in is not checked).

Exits 0, also when it cannot read the repository (it says so in one line), so a hook that runs
it never stops a commit by accident. With --strict it exits 1 when upstream or unowned files
are staged, and 70 when it cannot check.

Options:
${REPOSITORY_USAGE}
  --me HANDLE         a handle or email that is you (repeatable); added to git's
                      user.email/user.name and your teams in ownership.yml
  --rubric RUBRIC     l4 (default), l6, or the path of your own rubric file
  --json              print JSON Lines, one group a line: {"key", "situation", "owners",
                      "teams", "files", "practices", "contacts", "contributing",
                      "etiquette", "expectations", "advice"}
  --markdown          print Markdown for a pull request's description instead: the
                      reviews needed, and per owner its files, what they ask, their
                      contact (repository text escaped, so it renders as text)
  --strict            exit 1 when upstream or unowned files are staged
  -h, --help          show this help

${MEMBERSHIP_USAGE}`;

export async function precommitCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      ...REPOSITORY_OPTIONS,
      ...GUIDANCE_OPTIONS,
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(PRECOMMIT_USAGE);
    return EXIT_OK;
  }
  const strict = values.strict === true;
  if (values.json && values.markdown) throw new UsageError('--json and --markdown are two answers: choose one');
  try {
    return await precommit(values, io, strict);
  } catch (e) {
    if (isUsageError(e)) throw e;
    const reason = (e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
    io.stderr(`ownership-lens precommit: cannot check the staged files (${sanitize(reason.trim())})${strict ? '' : '; the commit is not held up'}\n`);
    return strict ? EXIT_INTERNAL : EXIT_OK;
  }
}

interface PrecommitArgs {
  root?: string;
  codeowners?: string;
  flavor?: string;
  me?: string[];
  rubric?: string;
  json?: boolean;
  markdown?: boolean;
}

async function precommit(values: PrecommitArgs, io: CliIO, strict: boolean): Promise<number> {
  // Every mistake in the arguments before git runs, whether or not anything is staged.
  requireRootArg(values, io);
  const root = resolveRoot(values, io);
  requireRubricArg(values.rubric, io.cwd);
  // Outside a repository `git diff --cached` fails with a puzzling "unknown option"; say it plainly.
  // GIT_DIR (a hook in a linked worktree, a bare repository with a separate work tree) says it is one.
  if (!io.env.GIT_DIR && findRepositoryRoot(root) === null) throw new Error(`${root} is not in a git repository`);
  const git = createGitClient(root, { env: gitEnvironment(io) });
  const [changes, user, merging] = await Promise.all([git.stagedChanges(), gitUser(git), git.mergeInProgress()]);
  if (changes.length === 0) return EXIT_OK;
  if (merging) {
    // Against HEAD, a merge stages the whole other branch: reminding (or, strict, refusing)
    // about work its authors already took to its owners would only be noise.
    io.stderr('ownership-lens precommit: this commit concludes a merge; the changes it brings in are not checked\n');
    return EXIT_OK;
  }

  const rubricChoice = chooseRubric(values.rubric, io.cwd);
  const config = loadOwnershipConfig(root);
  reportDiagnostics(io, [...rubricChoice.diagnostics, ...config.diagnostics]);
  const me = await resolveIdentityForCli(io, 'precommit', { explicit: values.me ?? [], git: user, config: config.config });
  if (me.isEmpty) io.stderr('ownership-lens precommit: git has no user.email and no --me was given, so no file counts as yours\n');
  const repo = openRepository(values, io);
  summarizeProblems(repo, io);

  const reminders = remindersFor(changes, {
    root,
    fs: nodeFileSystem,
    me,
    config: config.config,
    rubric: rubricChoice.rubric,
    ownership: (p) => pathOwnership(repo, p),
  });
  if (values.json) io.stdout(reminders.groups.map((g) => `${JSON.stringify(groupJson(g))}\n`).join(''));
  else if (values.markdown) io.stdout(reviewMarkdown([{ name: path.basename(root), reminders }]));
  else io.stdout(renderReminders(reminders, { width: terminalWidth(io) }));

  if (strict && needsAttention(reminders)) {
    const { upstream, unowned } = reminders.counts;
    io.stderr(`ownership-lens precommit: --strict: ${upstream} staged path(s) owned by others and ${unowned} unowned; talk to the owners first\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The JSON Lines record: the documented contract, in this key order. */
export function groupJson(g: ReminderGroup): Record<string, unknown> {
  return {
    key: g.key,
    situation: g.situation,
    owners: g.owners,
    teams: g.teams.map((t) => ({ handle: t.handle, name: t.name, contact: t.contact, links: t.links })),
    files: g.files,
    practices: g.practices,
    contacts: g.contacts,
    contributing: g.contributing,
    etiquette: g.etiquette,
    expectations: g.expectations.map((e) => ({ id: e.id, title: e.title, text: e.text, ask: e.ask })),
    advice: g.advice ?? null,
  };
}


/** Without a git identity, --me and ownership.yml still say who I am. */
async function gitUser(git: GitClient): Promise<GitUser> {
  try {
    return await git.user();
  } catch {
    return {};
  }
}

function terminalWidth(io: CliIO): number {
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? Math.min(Math.max(columns, 60), 100) : 80;
}
