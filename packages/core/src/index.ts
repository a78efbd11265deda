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
export { IDEMPOTENT_RESENDS } from './generate';
export type { Logger } from './http/logger';
export type { QueryLimiter, RateLimitOptions, RateLimitSetting } from './http/rate-limiter';
export { isAbortError, parseRetryAfter } from './http/retry';
export type { Account, AccountLimits } from './live/account';
export type { AdditionsState } from './live/features';
export { assertIdempotencyKey, IDEMPOTENCY_KEY_LENGTH, newIdempotencyKey } from './live/idempotency';
export type { Quote } from './live/quote';
export type { ImageInputOptions, ImageSource, ImageType } from './media';
export { DEFAULT_MAX_IMAGE_BYTES, IMAGE_FIELDS, IMAGE_TYPES, sniffImageType, toImageInput } from './media';
export type { MinimaxResolution, MinimaxTier } from './minimax';
export {
  MINIMAX_ASPECT_RATIOS,
  MINIMAX_CREDITS_PER_SECOND,
  MINIMAX_DEFAULTS,
  MINIMAX_DURATION,
  MINIMAX_RESOLUTIONS,
  MINIMAX_TIERS,
  MinimaxInputSchema,
} from './minimax';
export type { GenerationToolName, ModelInfo } from './model-table';
export { describeModel, durationText, MODEL_TABLE, modelsOfTool, priceText } from './model-table';
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
  DOCUMENTED_MODELS,
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
export type { ReconcileOptions } from './reconcile';
export type { CancelResult, GenerateResult, Task, TaskStatusResult, TaskStatusValue } from './responses';
export { expiryNote, OUTPUT_RETENTION_HOURS, outputMessage } from './retention';
export type { CallOptions, Tasks } from './tasks';
export { assertWebhookUrl, toWireInput } from './validate';
export { getVideoUrls } from './video-urls';
export type { PollOptions, TaskUpdate, WaitOptions } from './watcher';
export type { WebhookHandler, WebhookHandlerOptions } from './webhooks';
export { createWebhookHandler, withWebhookToken } from './webhooks';
