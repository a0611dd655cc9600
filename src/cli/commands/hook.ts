// `ownership-lens hook install|remove|status`: the git pre-commit hook that runs `precommit`.
// The editor's "Install pre-commit reminder" command does the same through src/core/hooks,
// so both write, recognise and remove the same file.
import path = require('node:path');
import { parseArgs } from 'node:util';
import { nodeFileSystem } from '../../core';
import { hookStatus, installHook, removeHook, HookError, type HookStatus, type InstallResult, type RemoveResult } from '../../core/hooks/install';
import type { HookLocation, HookTarget } from '../../core/hooks/location';
import type { HookConfig } from '../../core/hooks/script';
import { bundledRubricName } from '../../core/rubric/bundledRubrics';
import { requireRubricArg } from '../rubric-arg';
import { createGitClient } from '../../git/gitClient';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from '../io';
import { requireRootArg, resolveRoot } from '../repository-args';
import { sanitize } from '../terminal';
import { GUIDANCE_OPTIONS } from '../repository-args';

export const HOOK_USAGE = `Usage: ownership-lens hook install|remove|status [options]

install  writes a git pre-commit hook that runs \`ownership-lens precommit\` before each
         commit. It goes where git runs hooks (core.hooksPath included; with Husky 9, into
         .husky/pre-commit). A hook already there is moved aside to
         pre-commit.ownership-lens-chained and still runs, after the reminder. The hook needs
         Node on PATH, not the editor, and never stops a commit unless --strict.
remove   deletes the hook and puts back the one that was there, byte for byte. A hook that
         was edited after install is left alone.
status   says whether the hook is installed, where, and how.

Options:
  --root DIR          repository (default: $GIT_WORK_TREE, else the nearest directory
                      upwards with a .git, else the current directory)
  --strict            (install) stop commits that stage upstream or unowned files, and when
                      the check cannot run
  --me HANDLE         (install) passed on to precommit (repeatable)
  --rubric RUBRIC     (install) passed on to precommit: l4, l6 or a rubric file
  --cli FILE          (install) the ownership-lens CLI the hook runs (default: this one)
  --json              print the result as one JSON object
  -h, --help          show this help
`;

export async function hookCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      root: { type: 'string' },
      strict: { type: 'boolean' },
      ...GUIDANCE_OPTIONS,
      cli: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HOOK_USAGE);
    return EXIT_OK;
  }
  const [action, ...extra] = positionals;
  if (action !== 'install' && action !== 'remove' && action !== 'status') throw new UsageError('hook needs one of: install, remove, status');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const installOnly = (['strict', 'me', 'rubric', 'cli'] as const).find((k) => values[k] !== undefined);
  if (action !== 'install' && installOnly) throw new UsageError(`--${installOnly} is for \`hook install\``);

  requireRootArg(values, io);
  const root = resolveRoot(values, io);
  const config = action === 'install' ? hookConfig(values, io) : undefined;
  let location: HookLocation;
  try {
    location = await createGitClient(root, { env: io.env }).hookLocation();
  } catch (e) {
    io.stderr(`ownership-lens hook: ${sanitize(root)} is not a git working tree (${sanitize(firstLine(e))})\n`);
    return EXIT_FINDINGS;
  }

  try {
    const result = action === 'install' ? installHook(location, config as HookConfig) : action === 'remove' ? removeHook(location) : hookStatus(location);
    if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
    else io.stdout(action === 'install' ? installText(result as InstallResult) : action === 'remove' ? removeText(result as RemoveResult) : statusText(result as HookStatus));
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof HookError)) throw e;
    io.stderr(`ownership-lens hook ${action}: ${sanitize(e.message)}\n`);
    return EXIT_FINDINGS;
  }
}

function hookConfig(values: { strict?: boolean; me?: string[]; rubric?: string; cli?: string }, io: CliIO): HookConfig {
  const cli = values.cli !== undefined ? path.resolve(io.cwd, values.cli) : runningCli();
  if (cli === undefined) throw new UsageError('cannot tell where the ownership-lens CLI is; pass --cli FILE');
  if (nodeFileSystem.kind(cli) !== 'file') throw new UsageError(`--cli ${cli}: no such file`);
  const args = (values.me ?? []).flatMap((m) => ['--me', m]);
  requireRubricArg(values.rubric, io.cwd);
  if (values.rubric !== undefined) {
    // A rubric file is named absolutely: the hook runs from the repository root, not from here.
    args.push('--rubric', bundledRubricName(values.rubric) ? values.rubric : path.resolve(io.cwd, values.rubric));
  }
  return { cli, node: realNode(), strict: values.strict === true, args };
}

/** The bundle this process runs (dist/cli.js); not what a test runner or the editor runs. */
function runningCli(): string | undefined {
  const main = require.main?.filename;
  return main !== undefined && path.basename(main) === 'cli.js' ? main : undefined;
}

/** This Node, for when `node` is not on the hook's PATH; never the editor's Electron. */
function realNode(): string | undefined {
  return process.versions.electron === undefined ? process.execPath : undefined;
}

function installText(r: InstallResult): string {
  const lines = [`${r.action === 'updated' ? 'Updated' : 'Installed'} the pre-commit reminder: ${sanitize(r.target.file)} (${layoutName(r.target)})`];
  if (r.chained) lines.push(`The hook that was there runs after it, from ${sanitize(r.chained)}.`);
  lines.push(...notes(r.target));
  return `${lines.join('\n')}\n`;
}

function removeText(r: RemoveResult): string {
  const lines: string[] = [];
  if (r.removed) lines.push(`Removed the pre-commit reminder from ${sanitize(r.target.file)}.`);
  else lines.push(`The pre-commit reminder is not installed at ${sanitize(r.target.file)}.`);
  if (r.restored) lines.push('Put back the hook that was there before.');
  for (const f of r.cleaned) lines.push(`Cleaned up ${sanitize(f)}, left by an earlier install.`);
  for (const f of r.kept) lines.push(`Left ${sanitize(f)} alone: look at it, then delete it or move it back yourself.`);
  return `${lines.join('\n')}\n`;
}

function statusText(s: HookStatus): string {
  const where = `${sanitize(s.target.file)} (${layoutName(s.target)})`;
  switch (s.state) {
    case 'installed': {
      const lines = [`Installed: ${where}${s.meta.strict ? ', strict' : ''}.`, `Runs: ${sanitize(s.meta.cli)}${s.cliFound ? '' : ' (missing: install it again)'}`];
      if (s.chained) lines.push(`Then runs the earlier hook: ${sanitize(s.chained)}`);
      return `${lines.join('\n')}\n`;
    }
    case 'edited':
      return `Edited by hand since it was installed: ${where}. ownership-lens leaves it alone.\n`;
    case 'not-installed': {
      const lines = [`Not installed${s.foreign ? `; ${where} is another hook` : `: it would go to ${where}`}.`];
      for (const f of s.leftovers) lines.push(`Left from an earlier install: ${sanitize(f)} (\`ownership-lens hook remove\` tidies up)`);
      return `${lines.join('\n')}\n`;
    }
  }
}

function notes(t: HookTarget): string[] {
  const out: string[] = [];
  if (t.inWorkingTree) out.push(`Note: ${sanitize(t.file)} is inside the working tree, so git status shows it; do not commit it: it names paths on this machine.`);
  if (t.layout === 'lefthook') out.push('Note: `lefthook install` moves hooks it did not write to pre-commit.old; after it, run `ownership-lens hook remove` and `hook install` again.');
  return out;
}

function layoutName(t: HookTarget): string {
  switch (t.layout) {
    case 'git':
      return 'git hooks folder';
    case 'hooks-path':
      return 'core.hooksPath';
    case 'husky':
      return 'Husky';
    case 'lefthook':
      return 'lefthook-managed hook';
  }
}

function firstLine(e: unknown): string {
  return ((e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim() !== '') ?? '').trim();
}
