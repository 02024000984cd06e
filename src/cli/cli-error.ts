/**
 * A failure the operator can act on (a wrong argument, an unknown tenant): the CLI prints only
 * the message, never a stack trace, and exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
