// Errors as text a model can act on: what happened and what to do next. Never the key.

import { isAIVideoMakerError } from '../error-brand';
import {
  AIVideoMakerError,
  AuthenticationError,
  BudgetExceededError,
  ConflictError,
  type ErrorCode,
  InputValidationError,
  InsufficientCreditsError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  TaskMayExistError,
  WaitTimeoutError,
} from '../errors';
import { isAbortError } from '../http/retry';
import { redactSecrets } from '../secrets';

function advice(error: unknown): string {
  if (error instanceof InputValidationError) return `${error.message} Fix the input and call the tool again.`;
  if (error instanceof BudgetExceededError)
    return `${error.message} Do not retry; tell the user the credit limit was reached.`;
  if (error instanceof InsufficientCreditsError) {
    return 'The AI Video Maker account does not have enough credits for this video; nothing was charged. Tell the user to top up, or offer a shorter or cheaper option (estimate_video_credits). Do not retry as is.';
  }
  if (error instanceof MissingApiKeyError || error instanceof AuthenticationError) {
    return 'The AI Video Maker API key is missing or was rejected. Ask the user to set AIVIDEOMAKER_API_KEY; retrying will not help.';
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? 'a minute' : `${Math.ceil(error.retryAfterMs / 1000)} s`;
    return `The API is rate limited; wait ${wait} and try again.`;
  }
  if (error instanceof TaskMayExistError) {
    return `${error.message} Call list_video_tasks to look for it; do not submit again until you have checked.`;
  }
  if (error instanceof NotFoundError)
    return 'No task with that id exists for this account; check the id, or call list_video_tasks.';
  if (error instanceof ConflictError)
    return `${error.serverMessage ?? error.message} Only a SUBMITTED task can be cancelled.`;
  if (error instanceof WaitTimeoutError)
    return `${error.message} Call get_video_task with taskId "${error.taskId}" later.`;
  if (error instanceof AIVideoMakerError) {
    const transient = ['connection_error', 'timeout', 'server_error', 'malformed_response'].includes(
      error.code,
    );
    return transient ? `${error.message} This is probably temporary; try again in a moment.` : error.message;
  }
  if (isAbortError(error)) return 'The call was aborted before it finished.';
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** A core error's `code`, or `aborted` / `unexpected_error` for anything else. */
export type ToolErrorCode = ErrorCode | 'aborted' | 'unexpected_error';

/** The code of a tool failure; by brand, not class: the error may come from another copy of core. */
export function toolErrorCode(error: unknown): ToolErrorCode {
  return isAIVideoMakerError(error) ? error.code : isAbortError(error) ? 'aborted' : 'unexpected_error';
}

/**
 * The line a model reads for a failed tool call, the same in every adapter: `Error (<code>): <advice>`.
 * Readable and actionable; never contains the key.
 */
export function formatToolError(error: unknown): string {
  return redactSecrets(`Error (${toolErrorCode(error)}): ${advice(error)}`);
}
