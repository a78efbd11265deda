// @aivideomaker/core/internal: the helpers the sibling @aivideomaker packages (adapters, CLI, MCP server,
// OpenClaw plugin) share with core, so that each rule has one source. NOT part of the public API and NOT
// covered by semver: names here may change or go in any release. Apps use `@aivideomaker/core`,
// `@aivideomaker/core/tools` and `@aivideomaker/core/node`; a name an app needs belongs there instead.
export { describeCredits } from './credits';
export { API_KEY_ENV } from './env';
export { ERROR_BRAND } from './error-brand';
export { newIdempotencyKey } from './live/idempotency';
export { IMAGE_FIELDS } from './media';
export { MINIMAX_ASPECT_RATIOS, MINIMAX_DURATION, MINIMAX_RESOLUTIONS } from './minimax';
export type { GenerationToolName, ModelInfo } from './model-table';
export { durationText, MODEL_TABLE, priceText } from './model-table';
export type { TimedModel } from './models';
export { ASPECT_RATIOS, LV_SEGMENT_SECONDS, LVInputSchema, MODEL_DURATIONS, TASK_STATUSES } from './models';
export { expiryNote } from './retention';
export { approvalPolicy } from './tools/approval';
export { CreditBudget } from './tools/budget';
export { assertAllowed, createToolSetContext, type ToolSetContext } from './tools/context';
export { type DeferredInputSchema, deferredInputSchema, inputErrorLine } from './tools/deferred-input';
export { parseToolInput } from './tools/parse';
export {
  type ProgressChannel,
  progressChannel,
  progressSnapshot,
  taskProgress,
  videoProgressEvent,
} from './tools/progress';
export { videoTaskOutput } from './tools/schemas';
export { type PaidSubmission, priceVideo, submitPriced } from './tools/submit';
export { endedOutput } from './tools/text';
export { toToolError } from './tools/tool-error';
export { assertWebhookUrl, toWireInput } from './validate';
