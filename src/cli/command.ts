import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ProgressStream } from './progress.ts';
import { CliError } from './cli-error.ts';

/** Where a command writes: results to stdout, progress and errors to stderr. */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  env: Record<string, string | undefined>;
}

/** One `loket` command, e.g. `tenant add`. */
export interface Command {
  /** The words that select it, e.g. `['tenant', 'add']`. */
  words: string[];
  /** One line for the overview. */
  summary: string;
  /** Synopsis and options, shown by `--help` and after a wrong argument. */
  usage: string;
  /** Runs the command on the arguments after its words; resolves to the exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's options strictly (an unknown or misspelt option is an error, not ignored),
 * turning node's parse errors into a message with the command's usage.
 */
export function parseOptions<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** A required option that is absent or empty is an error naming it. */
export function required(value: string | undefined, option: string, usage: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`--${option} is required.\n\n${usage}`);
  return value.trim();
}
