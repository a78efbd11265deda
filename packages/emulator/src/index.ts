export type { Emulator } from './emulator';
export { startEmulator } from './emulator';
export type { ActiveFault, Fault, FaultControl, FaultKind } from './faults';
export { FAULT_KINDS } from './faults';
export type { ErrorCode } from './http';
export { ERROR_CODES } from './http';
export { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN } from './idempotency';
export type { EmulatorLedger, LedgerEntry } from './ledger';
export { FAIL_MARKER } from './lifecycle';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_TASK_BYTES_PER_KEY,
  DEFAULT_REQUEST_LOG,
  FETCH_BAD_PORTS,
  MAX_PROMPT_CHARS,
  MIN_SPEED,
} from './limits';
export type { AspectRatio, Model, SeedModel, TaskInput } from './models';
export {
  ASPECT_RATIOS,
  MINIMAX_ASPECT_RATIOS,
  MINIMAX_DEFAULTS,
  MINIMAX_RESOLUTIONS,
  MINIMAX_TIERS,
  MODELS,
  SEED_MODELS,
  TIMINGS,
} from './models';
export type { AccountLimits, ApiMode, EmulatorOptions } from './options';
export type { MinimaxRate, PriceTable } from './prices';
export { LIST_PRICES, PRICE_PRESETS } from './prices';
export type { RateLimitOptions } from './rate-limiter';
export type { RequestLogLimits, RequestRecord } from './request-log';
export type { TaskOutput, TaskRecord, TaskStatus, WireTask } from './tasks';
export { RETENTION_MESSAGE, STATUSES } from './tasks';
export type { WebhookDelivery, WebhookPayload } from './webhooks';
export { WEBHOOK_RETRIES } from './webhooks';
