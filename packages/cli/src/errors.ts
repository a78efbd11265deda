import { EXIT, type ExitCode } from './exit-codes';

/** An error the CLI reports itself: a message for people, an exit code for scripts. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly code: string,
    /** Extra fields for the `--json` error object (a task id to resume, a cost). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad flags or arguments: reported with the usage of the command they were given to. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
    code = 'usage',
    details: Record<string, unknown> = {},
  ) {
    super(message, EXIT.badInput, code, details);
    this.name = 'UsageError';
  }
}
