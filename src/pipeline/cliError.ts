/**
 * A user error: a bad invocation or an unusable data folder. The CLI prints the message (Chinese,
 * says how to fix) and exits with `exitCode`; a bug throws a plain Error instead.
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
