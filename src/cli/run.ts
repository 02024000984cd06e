import { ConfigError } from '../platform/config/config.ts';
import { EmbeddedDatabaseInUseError } from '../platform/database/embedded-lock.ts';
import { MigrationChecksumError } from '../platform/database/migrator.ts';
import { CliError } from './cli-error.ts';
import type { Command, CommandIo } from './command.ts';
import { commands } from './commands/index.ts';

/** Exit codes: 0 done, 1 failed (wrong input, problems found), 2 configuration error, 3 database in use. */
const EXIT_FAILED = 1;
const EXIT_CONFIG = 2;
const EXIT_DATABASE_IN_USE = 3;

/** The overview printed by `loket help`, without arguments and after an unknown command. */
export function overview(list: readonly Command[]): string {
  const width = Math.max(...list.map((command) => command.words.join(' ').length));
  return [
    'Usage: loket <command> [options]',
    '',
    'Commands:',
    ...list.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  show this overview ("loket <command> --help" shows a command's options)`,
    '',
    'Loket reads the same environment as the server (DATABASE_URL, LOKET_DATA_DIR, LOKET_SECRET_KEY,',
    'LOKET_DEFAULT_TENANT, …). Exit codes: 0 done, 1 failed, 2 configuration error, 3 database in use.',
  ].join('\n');
}

/** The command whose words start the arguments, longest match first (`outbox retry` before `outbox`). */
function findCommand(args: string[]): Command | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((command) => command.words.every((word, index) => args[index] === word));
}

/** A database that cannot be reached is the operator's to fix, so it gets a message rather than a stack. */
function connectionProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') return 'PostgreSQL cannot be reached';
  if (code === '28P01' || code === '28000') return 'PostgreSQL refused the credentials in DATABASE_URL';
  if (code === '3D000') return 'the database in DATABASE_URL does not exist';
  return undefined;
}

/** Runs one CLI invocation and resolves to its exit code; never throws. */
export async function runCli(args: string[], io: CommandIo): Promise<number> {
  const [first] = args;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.stdout.write(`${overview(commands)}\n`);
    return 0;
  }
  const command = findCommand(args);
  if (!command) {
    io.stderr.write(`Unknown command "${args.join(' ')}".\n\n${overview(commands)}\n`);
    return EXIT_FAILED;
  }
  const rest = args.slice(command.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const name = `loket ${command.words.join(' ')}`;
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${name}: configuration error: ${error.message}\n`);
      return EXIT_CONFIG;
    }
    if (error instanceof EmbeddedDatabaseInUseError) {
      io.stderr.write(`${name}: ${error.message}\n`);
      return EXIT_DATABASE_IN_USE;
    }
    if (error instanceof MigrationChecksumError) {
      io.stderr.write(`${name}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    const problem = connectionProblem(error);
    if (problem !== undefined) {
      io.stderr.write(`${name}: ${problem}: ${(error as Error).message}\n`);
      return EXIT_FAILED;
    }
    // Anything else is a bug in Loket: the stack helps whoever reports it.
    io.stderr.write(`${name} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}
