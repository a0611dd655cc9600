// `ownership-lens check`: the CODEOWNERS diagnostics, one per line, for CI logs and hooks.
import { parseArgs } from 'node:util';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from '../io';
import { openRepository, REPOSITORY_OPTIONS, REPOSITORY_USAGE } from '../repository-args';
import { sanitize } from '../terminal';

export const CHECK_USAGE = `Usage: ownership-lens check [options]

Checks the repository's CODEOWNERS and prints one line per problem:
  file:line:column: severity code message
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
  const repo = openRepository(values, io);
  let out = '';
  for (const d of repo.diagnostics) {
    out += values.json
      ? `${JSON.stringify(d)}\n`
      : `${sanitize(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${sanitize(d.message)}\n`;
  }
  if (repo.file === null && !values.json) out += 'ownership-lens: no CODEOWNERS found\n';
  io.stdout(out);
  return repo.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
