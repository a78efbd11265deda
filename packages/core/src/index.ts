// @aivideomaker/core: the typed client for the AI Video Maker API. Web-standard APIs only.
// Every runtime name here is public API (pinned by test/exports.test.ts): what an app calls or catches.
// Helpers only the sibling packages use live in `./internal`, which semver does not cover.
export type { ClientOptions, RunOptions } from './client';
export { AIVideoMaker } from './client';
export type { CreditInput } from './credits';
export { estimateCredits } from './credits';
export type { ErrorOfCode } from './error-brand';
export { isAIVideoMakerError } from './error-brand';
export type { APIErrorDetails, ErrorCode } from './errors';
export {
  AIVideoMakerError,
  APIError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConflictError,
  ConnectionError,
  IdempotencyConflictError,
  InputValidationError,
  InsufficientCreditsError,
  MalformedResponseError,
  MissingApiKeyError,
  NotFoundError,
  NotOfferedError,
  RateLimitError,
  RedirectError,
  RequestTimeoutError,
  ServerError,
  SubmitAbortedError,
  TaskCancelledError,
  TaskFailedError,
  TaskMayExistError,
  WaitTimeoutError,
} from './errors';
export type { GenerateOptions } from './generate';
export type { Logger } from './http/logger';
export type { QueryLimiter, RateLimitOptions, RateLimitSetting } from './http/rate-limiter';
export { isAbortError } from './http/retry';
export type { Account, AccountLimits } from './live/account';
export type { AdditionsState } from './live/features';
export type { Quote } from './live/quote';
export type { ImageInputOptions, ImageSource, ImageType } from './media';
export { toImageInput } from './media';
export type { MinimaxResolution, MinimaxTier } from './minimax';
export type {
  AspectRatio,
  Duration,
  ModelInput,
  ModelName,
  TaskStatus,
  WireInput,
} from './models';
export { isTerminalStatus, MODEL_INPUT_SCHEMAS, MODEL_NAMES } from './models';
export type { ReconcileOptions } from './reconcile';
export type { CancelResult, GenerateResult, Task, TaskStatusResult, TaskStatusValue } from './responses';
export { outputMessage } from './retention';
export type { CallOptions, Tasks } from './tasks';
export { getVideoUrls } from './video-urls';
export type { PollOptions, TaskUpdate, WaitOptions } from './watcher';
export { DEFAULT_WAIT_TIMEOUT_MS } from './watcher';
export type { WebhookHandler, WebhookHandlerOptions } from './webhooks';
export { createWebhookHandler, withWebhookToken } from './webhooks';
