// @aivideomaker/core: the typed client for the AI Video Maker API. Web-standard APIs only.
export type { ClientOptions, RunOptions } from './client';
export { AIVideoMaker } from './client';
export type { CreditInput } from './credits';
export { CREDITS_PER_SECOND, describeCredits, estimateCredits } from './credits';
export { API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL } from './env';
export type { ErrorOfCode } from './error-brand';
export { ERROR_BRAND, isAIVideoMakerError } from './error-brand';
export type { APIErrorDetails, ErrorCode } from './errors';
export {
  AIVideoMakerError,
  APIError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConflictError,
  ConnectionError,
  InputValidationError,
  InsufficientCreditsError,
  MalformedResponseError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  RequestTimeoutError,
  ServerError,
  TaskCancelledError,
  TaskFailedError,
  TaskMayExistError,
  WaitTimeoutError,
} from './errors';
export type { GenerateOptions, ReconcileOptions } from './generate-reconcile';
export type { Logger } from './http/logger';
export type { QueryLimiter, RateLimitOptions, RateLimitSetting } from './http/rate-limiter';
export { isAbortError, parseRetryAfter } from './http/retry';
export type { ImageInputOptions, ImageSource, ImageType } from './media';
export { DEFAULT_MAX_IMAGE_BYTES, IMAGE_TYPES, sniffImageType, toImageInput } from './media';
export type {
  AspectRatio,
  Duration,
  ModelInput,
  ModelName,
  TaskStatus,
  TimedModel,
  WireInput,
} from './models';
export {
  ALL_DURATIONS,
  ASPECT_RATIOS,
  I2VInputSchema,
  I2VV3InputSchema,
  isTerminalStatus,
  LV_MAX_PROMPTS,
  LV_SEGMENT_SECONDS,
  LVInputSchema,
  MAX_PROMPT_CHARS,
  MODEL_DURATIONS,
  MODEL_INPUT_SCHEMAS,
  MODEL_NAMES,
  T2VInputSchema,
  T2VV3InputSchema,
  TASK_STATUSES,
  TERMINAL_STATUSES,
} from './models';
export type { CancelResult, GenerateResult, Task, TaskStatusResult, TaskStatusValue } from './responses';
export type { CallOptions, Tasks } from './tasks';
export { assertWebhookUrl, toWireInput } from './validate';
export { getVideoUrls } from './video-urls';
export type { PollOptions, TaskUpdate, WaitOptions } from './watcher';
export type { WebhookHandler, WebhookHandlerOptions } from './webhooks';
export { createWebhookHandler, withWebhookToken } from './webhooks';
