// `ownership-lens report`: how much of the repository its CODEOWNERS covers, who owns how
// much, and which files nobody owns; optionally a self-contained HTML page with a map.
import fs = require('node:fs');
import path = require('node:path');
import { parseArgs } from 'node:util';
import { nodeFileSystem, parseCodeowners } from '../../core';
import { buildReport, FileTree, OwnershipAnalyzer, renderReportHtml, type OwnershipReport } from '../../core/analysis';
import { EXIT_IO_ERROR, EXIT_OK, UsageError, type CliIO } from '../io';
import { openRepository, REPOSITORY_OPTIONS, REPOSITORY_USAGE, requireRepositoryArgs, summarizeProblems } from '../repository-args';
import { sanitize, table } from '../terminal';
import { ownershipConfig, trackedFiles } from './check';

/** Unowned files listed in the terminal before "and N more". */
const LISTED = 50;
/** Write failures that are the machine's, not the user's. */
const IO_FAILURES = new Set(['ENOSPC', 'EIO', 'EDQUOT', 'EFBIG']);

export const REPORT_USAGE = `Usage: ownership-lens report [options]

Reports how the repository's CODEOWNERS covers its tracked files (from git): files owned and
unowned, owners by number of files, coverage per top-level directory, and the unowned files.

Options:
${REPOSITORY_USAGE}
  --json              print the report as one JSON document (every unowned file, every rule's counts)
  --html FILE         also write a self-contained HTML page with a map of ownership by directory
  --all               list every unowned file (default: the first ${LISTED})
  -h, --help          show this help
`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { ...REPOSITORY_OPTIONS, json: { type: 'boolean' }, html: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(REPORT_USAGE);
    return EXIT_OK;
  }
  requireRepositoryArgs(values, io);
  // Where the page goes is checked before the work, and a write that fails anyway is said in a line.
  const html = values.html === undefined ? undefined : { given: sanitize(values.html), target: path.resolve(io.cwd, values.html) };
  if (html !== undefined) {
    if (values.html === '') throw new UsageError('--html needs the name of the page\'s file');
    if (nodeFileSystem.kind(html.target) === 'directory') throw new UsageError(`--html ${html.given}: is a folder; name the page's file`);
    if (nodeFileSystem.kind(path.dirname(html.target)) !== 'directory') throw new UsageError(`--html ${html.given}: no such folder ${sanitize(path.dirname(html.target))}`);
  }
  const repo = openRepository(values, io);
  const tracked = await trackedFiles(repo.root, io);
  if (!('files' in tracked)) throw new UsageError(`the tracked files come from git, and git cannot list them in ${sanitize(repo.root)} (${tracked.error})`);
  summarizeProblems(repo, io);
  if (repo.file === null) io.stderr('ownership-lens report: no CODEOWNERS found: every file is unowned\n');

  // No map is a map without rules: every file unowned.
  const parsed = repo.parsed ?? parseCodeowners('', { flavor: 'github' });
  const analysis = new OwnershipAnalyzer(FileTree.from(tracked.files)).analyze(parsed);
  const { report, map } = buildReport(analysis, repo.file, ownershipConfig(repo, io));
  if (repo.parsed === null) report.flavor = null;

  if (html !== undefined) {
    try {
      fs.writeFileSync(html.target, renderReportHtml(report, map));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const said = `--html ${html.given}: cannot write it (${sanitize(code ?? String(e))})`;
      // A full disk or a failing device is no mistake of the user's: sysexits' I/O error, not usage.
      if (code !== undefined && IO_FAILURES.has(code)) {
        io.stderr(`ownership-lens report: ${said}\n`);
        return EXIT_IO_ERROR;
      }
      throw new UsageError(said);
    }
    io.stderr(`ownership-lens report: wrote ${sanitize(html.target)}\n`);
  }
  io.stdout(values.json ? `${JSON.stringify(report)}\n` : renderText(report, values.all === true));
  return EXIT_OK;
}

const n = (x: number): string => x.toLocaleString('en-US');
const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** Right-aligns the given columns (the table helper only pads on the right). */
function alignRight(rows: string[][], columns: number[]): string[][] {
  for (const c of columns) {
    const width = Math.max(...rows.map((r) => r[c].length));
    for (const r of rows) r[c] = r[c].padStart(width);
  }
  return rows;
}

function renderText(report: OwnershipReport, all: boolean): string {
  const { files } = report;
  const source = report.codeowners === null ? 'no CODEOWNERS' : `${sanitize(report.codeowners)}, ${report.flavor}`;
  let out = `Ownership of ${n(files.total)} tracked files (${source})\n`;
  out += table(alignRight([['  owned', n(files.owned), percent(files.owned, files.total)], ['  unowned', n(files.unowned), percent(files.unowned, files.total)]], [1, 2]));

  if (report.owners.length > 0) {
    const named = report.owners.some((o) => o.name !== undefined);
    const rows = report.owners.map((o) => [sanitize(o.owner), ...(named ? [sanitize(o.name ?? '')] : []), n(o.files), percent(o.files, files.total)]);
    const head = ['OWNER', ...(named ? ['NAME'] : []), 'FILES', 'SHARE'];
    out += `\nOwners by number of files\n${table(alignRight([head, ...rows], named ? [2, 3] : [1, 2]))}`;
  }

  if (report.directories.length > 0) {
    const rows = report.directories.map((d) => [d.directory === '' ? '(root files)' : `${sanitize(d.directory)}/`, n(d.files), n(d.owned), n(d.unowned), percent(d.owned, d.files)]);
    out += `\nTop-level directories\n${table(alignRight([['DIRECTORY', 'FILES', 'OWNED', 'UNOWNED', 'COVERAGE'], ...rows], [1, 2, 3, 4]))}`;
  }

  if (report.unowned.length > 0) {
    const shown = all ? report.unowned : report.unowned.slice(0, LISTED);
    out += `\nUnowned files (${n(report.unowned.length)})\n${shown.map((p) => `  ${sanitize(p)}\n`).join('')}`;
    if (shown.length < report.unowned.length) out += `  ... and ${n(report.unowned.length - shown.length)} more (--all or --json lists them all)\n`;
  }
  return out;
}
