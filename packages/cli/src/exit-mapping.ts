// Every failure becomes an exit code, a stable error code and a message that says what to do next.
// Core's errors carry the facts; the advice here is phrased as CLI commands.
import {
  type AIVideoMakerError,
  type ErrorCode,
  isAIVideoMakerError,
  type TaskMayExistError,
} from '@aivideomaker/core';
import { CliError, UsageError } from './errors';
import { EXIT, type ExitCode } from './exit-codes';
import { HOMEPAGE } from './help';
import { flagName, MODEL_FLAGS } from './model-fields';

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  missing_api_key: EXIT.auth,
  authentication_failed: EXIT.auth,
  invalid_input: EXIT.badInput,
  bad_request: EXIT.badInput,
  not_found: EXIT.badInput,
  conflict: EXIT.badInput,
  budget_exceeded: EXIT.notConfirmed,
  idempotency_conflict: EXIT.badInput,
  not_offered: EXIT.badInput,
  insufficient_credits: EXIT.insufficientCredits,
  task_failed: EXIT.taskFailed,
  task_cancelled: EXIT.taskFailed,
  wait_timeout: EXIT.timeout,
  rate_limited: EXIT.network,
  server_error: EXIT.network,
  api_error: EXIT.network,
  malformed_response: EXIT.network,
  redirected: EXIT.network,
  connection_error: EXIT.network,
  timeout: EXIT.network,
  task_may_exist: EXIT.network,
};

export const NO_KEY_MESSAGE = [
  'No API key: set AIVIDEOMAKER_API_KEY.',
  `  Get a key at ${HOMEPAGE} (every task spends credits from your account).`,
  '  Or try everything offline against the local emulator, which spends nothing:',
  '    npx @aivideomaker/emulator        # prints its URL, e.g. http://127.0.0.1:4010',
  '    export AIVIDEOMAKER_BASE_URL=http://127.0.0.1:4010 AIVIDEOMAKER_API_KEY=any-key',
].join('\n');

/** `command` is the one that was running: input errors are reported with its usage. */
export function toCliError(error: unknown, baseUrl: string | undefined, command?: string): CliError {
  if (error instanceof CliError) return error;
  // By brand, not class: a program may hand over errors of another copy of core.
  if (!isAIVideoMakerError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new CliError(`Unexpected error: ${message}`, EXIT.unexpected, 'unexpected');
  }
  const details = errorDetails(error);
  if (isAIVideoMakerError(error, 'invalid_input')) {
    const flag = flagName(error.field);
    const message = Object.hasOwn(MODEL_FLAGS, flag)
      ? error.message.replace(`Invalid ${error.field}:`, `Invalid --${flag}:`)
      : error.message;
    return new UsageError(message, command, error.code, details);
  }
  return new CliError(
    advice(error, details, baseUrl),
    EXIT_BY_CODE[error.code] ?? EXIT.unexpected,
    error.code,
    details,
  );
}

function errorDetails(error: AIVideoMakerError): Record<string, unknown> {
  const fields = error as AIVideoMakerError & {
    taskId?: string;
    task?: { id: string; status: string };
    field?: string;
  };
  const taskId = fields.taskId ?? fields.task?.id;
  return {
    ...(taskId ? { taskId } : {}),
    ...(fields.task ? { status: fields.task.status } : {}),
    ...(fields.field ? { field: fields.field } : {}),
  };
}

function advice(
  error: AIVideoMakerError,
  details: Record<string, unknown>,
  baseUrl: string | undefined,
): string {
  const taskId = details.taskId as string | undefined;
  switch (error.code) {
    case 'missing_api_key':
      return NO_KEY_MESSAGE;
    case 'authentication_failed':
      return `${error.message}\nCheck AIVIDEOMAKER_API_KEY (keys are at ${HOMEPAGE}).`;
    case 'insufficient_credits':
      return `${error.message}\nTop up at ${HOMEPAGE}, or pick a cheaper model or duration (aivideomaker estimate).`;
    case 'wait_timeout':
      return (
        `Task ${taskId} has not finished yet; it keeps running.\n` +
        `Check it with: aivideomaker status ${taskId}\nDownload it later with: aivideomaker wait ${taskId} --out videos/`
      );
    case 'budget_exceeded':
      return `${error.message}\nRaise --max-credits (or confirm the price) to allow it; nothing was spent.`;
    case 'task_may_exist': {
      const { model, sentAt } = error as TaskMayExistError;
      return (
        `The ${model} request was sent but its answer was lost, so the task may exist and was not resubmitted ` +
        `(no credits spent twice). Run \`aivideomaker list\` and look for a ${model} task created after ` +
        `${sentAt.toISOString()} before trying again.`
      );
    }
    case 'connection_error':
      return isLoopback(baseUrl)
        ? `${error.message}\nNothing answers at ${baseUrl}: start the emulator with \`npx @aivideomaker/emulator\`.`
        : error.message;
    default:
      return error.message;
  }
}

function isLoopback(baseUrl: string | undefined): boolean {
  if (!baseUrl || !URL.canParse(baseUrl)) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(baseUrl).hostname);
}
