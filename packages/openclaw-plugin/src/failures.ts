// A failed generateVideo as one message for the agent and the user: what happened, whether credits were
// spent or refunded, and what to do. OpenClaw shows error messages to the model and may try the next
// candidate model, so the message must say when a task may still be running (never pay twice).
import {
  AIVideoMakerError,
  APIError,
  AuthenticationError,
  InputValidationError,
  InsufficientCreditsError,
  MissingApiKeyError,
  TaskCancelledError,
  TaskFailedError,
  TaskMayExistError,
  WaitTimeoutError,
} from '@aivideomaker/core';
import { API_KEY_ENV, PROVIDER_LABEL } from './provider-id';

function explain(error: unknown, taskId: string | undefined): string {
  if (error instanceof InputValidationError)
    return `${error.message} Nothing was sent; no credits were charged.`;
  if (error instanceof MissingApiKeyError || error instanceof AuthenticationError) {
    return `The API key is missing or was rejected; no credits were charged. Set ${API_KEY_ENV} (or run \`openclaw models auth login --provider aivideomaker\`).`;
  }
  if (error instanceof InsufficientCreditsError) {
    return 'The account does not have enough credits for this video; nothing was charged. Top up, or pick a shorter or cheaper model.';
  }
  if (error instanceof TaskFailedError)
    return `${error.message} Nothing was spent; the request may be retried.`;
  if (error instanceof TaskCancelledError) {
    return `${error.message} A task cancelled before it started is refunded.`;
  }
  if (error instanceof WaitTimeoutError) {
    return `Task ${error.taskId} is still ${error.lastStatus ?? 'pending'}: its credits stay charged (refunded only if it fails). Do not submit it again; check it with \`aivideomaker status ${error.taskId}\`.`;
  }
  if (error instanceof TaskMayExistError) return `${error.message} Its credits may have been charged.`;
  if (taskId !== undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    return `Task ${taskId} was submitted and its credits charged, but following it failed (${reason}). It may still finish: do not submit it again; check it with \`aivideomaker status ${taskId}\`.`;
  }
  if (error instanceof APIError)
    return `${error.message} The server refused the request, so no task was created and no credits were charged.`;
  if (error instanceof AIVideoMakerError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export class VideoGenerationFailure extends Error {
  readonly code: string;

  /** `taskId` once the task exists: from then on a failure never means "nothing was charged". */
  constructor(error: unknown, taskId?: string) {
    super(`${PROVIDER_LABEL}: ${explain(error, taskId)}`, { cause: error });
    this.name = 'VideoGenerationFailure';
    this.code = error instanceof AIVideoMakerError ? error.code : 'unexpected_error';
  }
}
