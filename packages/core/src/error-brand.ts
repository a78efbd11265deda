// Errors are recognised by a brand, never by the identity of one copy's class. An app can hold two copies
// of this package (its CommonJS `require` and an ESM adapter's `import` load the two builds; two versions
// can sit side by side), and an error made by one copy must still be recognised by the other: otherwise a
// wrong key reaches the model as `unexpected_error` instead of `authentication_failed`.
import type {
  AIVideoMakerError,
  APIError,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConflictError,
  ConnectionError,
  ErrorCode,
  InputValidationError,
  InsufficientCreditsError,
  MalformedResponseError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  TaskCancelledError,
  TaskFailedError,
  TaskMayExistError,
  WaitTimeoutError,
} from './errors';

/** Set (non-enumerable) on every error this package makes, by every copy of it. */
export const ERROR_BRAND: unique symbol = Symbol.for('aivideomaker.error');

interface ErrorsByCode {
  missing_api_key: MissingApiKeyError;
  invalid_input: InputValidationError;
  bad_request: BadRequestError;
  authentication_failed: AuthenticationError;
  insufficient_credits: InsufficientCreditsError;
  not_found: NotFoundError;
  conflict: ConflictError;
  rate_limited: RateLimitError;
  server_error: ServerError;
  api_error: APIError;
  malformed_response: MalformedResponseError;
  connection_error: ConnectionError;
  timeout: RequestTimeoutError;
  task_may_exist: TaskMayExistError;
  task_failed: TaskFailedError;
  task_cancelled: TaskCancelledError;
  wait_timeout: WaitTimeoutError;
  budget_exceeded: BudgetExceededError;
}

/** The error class that carries `code`. */
export type ErrorOfCode<C extends ErrorCode> = C extends keyof ErrorsByCode
  ? ErrorsByCode[C]
  : AIVideoMakerError;

/**
 * Whether `value` is an error of this package (from any copy of it), optionally with this exact `code`.
 * Use it instead of `instanceof` wherever errors may cross a package boundary.
 */
export function isAIVideoMakerError(value: unknown): value is AIVideoMakerError;
export function isAIVideoMakerError<C extends ErrorCode>(value: unknown, code: C): value is ErrorOfCode<C>;
export function isAIVideoMakerError(value: unknown, code?: ErrorCode): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}

/**
 * `instanceof` for the error classes: the class itself, or for a branded error of another copy, a class of
 * the same name on its prototype chain (class names are public API: they are each error's `name`).
 */
export function isInstanceOfErrorClass(
  target: abstract new (...args: never[]) => unknown,
  value: unknown,
): boolean {
  // The ordinary instanceof, without naming the global `Function` (a bundle may define it away, as the
  // OpenClaw plugin does to keep zod from generating code).
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.isPrototypeOf.call(target.prototype, value)
  )
    return true;
  if (!isAIVideoMakerError(value)) return false;
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  )
    if (Object.hasOwn(proto, 'constructor') && proto.constructor.name === target.name) return true;
  return false;
}
