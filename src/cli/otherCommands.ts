// The commands other than `who`, bundled together as dist/cli-commands.js beside dist/cli.js
// (scripts/build.mjs) and loaded only when one of them runs. `who` is what CI jobs and scripts
// call on whole file lists, and it needs only the engine: without these (the YAML parser,
// simple-git, the analysis and the report page) dist/cli.js is a tenth of the size and starts
// some 20 ms sooner.
import { checkCommand, CHECK_USAGE } from './commands/check';
import { explainCommand, EXPLAIN_USAGE } from './commands/explain';
import { hookCommand, HOOK_USAGE } from './commands/hook';
import { precommitCommand, PRECOMMIT_USAGE } from './commands/precommit';
import { reportCommand, REPORT_USAGE } from './commands/report';
import type { CliIO } from './io';

export interface CommandModule {
  run(argv: string[], io: CliIO): Promise<number>;
  usage: string;
}

export const OTHER_COMMANDS = {
  explain: { run: explainCommand, usage: EXPLAIN_USAGE },
  check: { run: checkCommand, usage: CHECK_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
  precommit: { run: precommitCommand, usage: PRECOMMIT_USAGE },
  hook: { run: hookCommand, usage: HOOK_USAGE },
} satisfies Record<string, CommandModule>;
