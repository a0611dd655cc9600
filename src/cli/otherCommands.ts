// The commands other than `who`, bundled together as dist/cli-commands.js beside dist/cli.js
// (scripts/build.mjs) and loaded only when one of them runs. `who` is what CI jobs and scripts
// call on whole file lists, and it needs only the engine: without these (the YAML parser,
// simple-git, the analysis and the report page) dist/cli.js is a tenth of the size and starts
// some 20 ms sooner.
export { checkCommand, CHECK_USAGE } from './commands/check';
export { explainCommand, EXPLAIN_USAGE } from './commands/explain';
export { hookCommand, HOOK_USAGE } from './commands/hook';
export { precommitCommand, PRECOMMIT_USAGE } from './commands/precommit';
export { reportCommand, REPORT_USAGE } from './commands/report';
