// `ownership-lens`: the command-line front end over the engine. Dispatches to one module per
// command; user mistakes become one line on stderr and exit 2, never a stack trace.
import fs = require('node:fs');
import nodePath = require('node:path');
import { whoCommand, WHO_USAGE } from './commands/who';
import { EXIT_INTERNAL, EXIT_IO_ERROR, EXIT_OK, EXIT_USAGE, isUsageError, UsageError, type CliIO } from './io';
import type { CommandModule } from './otherCommands';

declare global {
  /** Defined (true) by scripts/build.mjs in dist/cli.js: the other commands are a bundle of their own. */
  const __CLI_COMMANDS_BUNDLE__: boolean | undefined;
}

type OtherCommands = typeof import('./otherCommands');

/**
 * The bundle of the commands other than `who` (src/cli/otherCommands.ts), loaded at first use.
 * This site reads `typeof __CLI_COMMANDS_BUNDLE__` itself, so that esbuild, which defines it,
 * drops the source import of the branch not taken; without the define (tsx in the unit tests)
 * the sources are imported as usual (the same arrangement as the extension's lazy bundles).
 */
async function otherCommands(): Promise<OtherCommands> {
  return typeof __CLI_COMMANDS_BUNDLE__ !== 'undefined'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(nodePath.join(__dirname, 'cli-commands.js')) as OtherCommands)
    : await import('./otherCommands.js');
}

interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
  /**
   * The exit code when standard output cannot be written (a full disk; not a reader that went
   * away), given the command's arguments; EXIT_IO_ERROR when absent. Declared here, not by the
   * module, because the handler is set up before any command is loaded.
   */
  outputFailureExit?(args: readonly string[]): number;
}

const other = (name: keyof OtherCommands['OTHER_COMMANDS']) => async (): Promise<CommandModule> => (await otherCommands()).OTHER_COMMANDS[name];

const COMMANDS: Record<string, CommandEntry> = {
  who: { summary: 'print the owners of paths', load: async () => ({ run: whoCommand, usage: WHO_USAGE }) },
  explain: { summary: 'owners, situation, practices and expectations for paths', load: other('explain') },
  check: { summary: 'check CODEOWNERS for problems (exit 1 on errors)', load: other('check') },
  report: { summary: 'coverage: files owned and unowned, per owner and directory (--html: a map)', load: other('report') },
  precommit: {
    summary: 'staged changes grouped by owner, with what each owner asks',
    load: other('precommit'),
    // A hook must never stop a commit by accident: 0, or with --strict 70 ("cannot check"),
    // as when it cannot read the repository.
    outputFailureExit: (args) => (args.includes('--strict') ? EXIT_INTERNAL : EXIT_OK),
  },
  hook: { summary: 'install, remove or show the git pre-commit hook that runs precommit', load: other('hook') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `Usage: ownership-lens <command> [options]

Commands:
${lines.join('\n')}

Run \`ownership-lens <command> --help\` for a command's options.
`;
}

/** Own entries only: `valueOf` or `__proto__` typed as a command must not reach Object.prototype. */
function commandNamed(name: string): (typeof COMMANDS)[string] | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const helpFor = name === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
  if (helpFor) {
    io.stdout((await helpFor.load()).usage);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    if (name !== undefined) return EXIT_OK;
    // Like every other usage error, the failure itself is one line on stderr.
    io.stderr('ownership-lens: no command given; run `ownership-lens --help` for the list\n');
    return EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commandNamed(name);
  if (!command) {
    io.stderr(`ownership-lens: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (isUsageError(e) || isParseArgsError(e)) {
      io.stderr(`ownership-lens ${name}: ${usageLine((e as Error).message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/**
 * A usage error in one line. Node's "argument is ambiguous" (`--root --json`: the next word
 * looks like an option) keeps its point, that the option needs a value, and how to give one
 * that starts with `-`.
 */
function usageLine(message: string): string {
  const ambiguous = /^Option '(--[a-z-]+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value (a value starting with "-" is written ${ambiguous[1]}=-VALUE)`;
  return message.split('\n')[0].split('. To specify')[0];
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** Set when the reader of standard output went away (EPIPE): what is left to print is dropped. */
let stdoutClosed = false;

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    // On Linux, writes to pipes and files through process.stdout are synchronous.
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stdoutBytes: (b) => {
      if (!stdoutClosed) process.stdout.write(b);
    },
    stderr: (t) => {
      process.stderr.write(t);
    },
    readStdin,
  };
}

/**
 * All of standard input. A file or a pipe is read in one go (a 200,000-path list is 11 MB: a
 * stream of 64 KB chunks costs a tenth of the CLI's time); a non-blocking descriptor that has
 * nothing yet (EAGAIN) is read as a stream instead.
 */
async function readStdin(): Promise<Uint8Array> {
  try {
    return fs.readFileSync(0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // `who --stdin < somedir`: the user's mistake, said in one line (exit 2), not an internal error.
    if (code === 'EISDIR') throw new UsageError('standard input is a directory: give --stdin a file or a pipe of paths, one per line');
    if (code !== 'EAGAIN') throw new UsageError(`cannot read standard input (${code ?? (e instanceof Error ? e.message : String(e))})`);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/**
 * A reader that goes away (`who --stdin --json | head`) is no error of ours: the rest of the
 * output is dropped and the command ends with its own exit code (`check` still exits 1 on an
 * error, so `check | head` in CI still fails). Without this Node throws the pipe's EPIPE as an
 * unhandled 'error' event, a stack trace. Any other failure to write the answer (a full disk)
 * is one line, exit 74, or the code the command declares (outputFailureExit).
 */
function handleOutputFailures(argv: readonly string[]): void {
  const [name, ...args] = argv;
  const declared = name === undefined ? undefined : commandNamed(name)?.outputFailureExit;
  const failed = declared === undefined ? EXIT_IO_ERROR : declared(args);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(`ownership-lens: cannot write to standard output: ${e.code ?? e.message}\n`);
    process.exit(failed);
  });
  // Warnings that cannot be shown must not stop (or crash) the answer on standard output.
  process.stderr.on('error', () => undefined);
}

if (require.main === module) {
  handleOutputFailures(process.argv.slice(2));
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ownership-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
