// One error hierarchy with stable `code`s. Messages say what happened and what to do; none of them ever
// contains the API key (server text is redacted by the request engine before it gets here).
import { ERROR_BRAND, isInstanceOfErrorClass } from './error-brand';
import type { Task, TaskStatusValue } from './responses';

export type ErrorCode =
  | 'missing_api_key'
  | 'invalid_input'
  | 'bad_request'
  | 'authentication_failed'
  | 'insufficient_credits'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  | 'api_error'
  | 'malformed_response'
  | 'redirected'
  | 'connection_error'
  | 'timeout'
  | 'task_may_exist'
  | 'task_failed'
  | 'task_cancelled'
  | 'wait_timeout'
  | 'budget_exceeded'
  | 'idempotency_conflict'
  | 'not_offered';

export class AIVideoMakerError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** `instanceof` by brand and class name, so it also holds for errors made by another copy of core. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof (a subclass too)
    return isInstanceOfErrorClass(this, value);
  }
}

/** No API key was given and AIVIDEOMAKER_API_KEY is not set. */
export class MissingApiKeyError extends AIVideoMakerError {
  constructor() {
    super(
      'missing_api_key',
      'No API key: pass { apiKey } to new AIVideoMaker() or set the AIVIDEOMAKER_API_KEY environment variable.',
    );
  }
}

/** Bad input caught locally, before any request: which field, what is wrong, what is allowed. */
export class InputValidationError extends AIVideoMakerError {
  readonly field: string;
  readonly allowed: readonly string[] | undefined;
  /** The message without the "Invalid <field>: " prefix. */
  readonly detail: string;

  constructor(field: string, problem: string, allowed?: readonly string[], hint?: string) {
    const allowedText = allowed?.length ? `Allowed: ${allowed.map((value) => `"${value}"`).join(', ')}.` : '';
    const detail = [`${problem.replace(/\.$/, '')}.`, allowedText, hint ?? ''].filter(Boolean).join(' ');
    super('invalid_input', `Invalid ${field}: ${detail}`);
    this.field = field;
    this.allowed = allowed;
    this.detail = detail;
  }
}

export interface APIErrorDetails {
  status: number;
  /** The server's message, or a short excerpt of a body that was not the documented JSON. */
  serverMessage?: string | undefined;
  /** The live service's machine-readable `errorCode` (e.g. "INSUFFICIENT_CREDITS"), when it sent one. */
  errorCode?: string | undefined;
  /** Other fields of the error body (field-level detail of INVALID_PAYLOAD, a budget's figures), redacted. */
  serverDetails?: Record<string, unknown> | undefined;
  method: string;
  path: string;
}

/** The API answered with an error. */
export class APIError extends AIVideoMakerError {
  readonly status: number;
  readonly serverMessage: string | undefined;
  readonly errorCode: string | undefined;
  readonly serverDetails: Record<string, unknown> | undefined;
  readonly method: string;
  readonly path: string;

  constructor(code: ErrorCode, message: string, details: APIErrorDetails, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.errorCode = details.errorCode;
    this.serverDetails = details.serverDetails;
    this.method = details.method;
    this.path = details.path;
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class InsufficientCreditsError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}

/** The Idempotency-Key was used before with another body (HTTP 409 IDEMPOTENCY_CONFLICT); nothing was charged. */
export class IdempotencyConflictError extends ConflictError {
  readonly idempotencyKey: string | undefined;

  constructor(message: string, details: APIErrorDetails, idempotencyKey: string | undefined) {
    super('idempotency_conflict', message, details);
    this.idempotencyKey = idempotencyKey;
  }
}

/**
 * The server does not offer this addition of the live API (`account`, `quote`): it answered 404 for the
 * route, or did so earlier to this client (remembered, so detection costs one request per client).
 */
export class NotOfferedError extends NotFoundError {
  readonly feature: string;

  constructor(feature: string, details: APIErrorDetails) {
    super(
      'not_offered',
      `The server at this base URL does not offer ${feature} (${details.method} ${details.path} answered HTTP ${details.status}); it implements only the documented API.`,
      details,
    );
    this.feature = feature;
  }
}
export class ServerError extends APIError {}

export class RateLimitError extends APIError {
  /** How long the server asked to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: APIErrorDetails, retryAfterMs: number | undefined) {
    super('rate_limited', message, details);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A body that is not the JSON the API documents; `excerpt` quotes its start. */
export class MalformedResponseError extends APIError {
  readonly excerpt: string;

  constructor(details: APIErrorDetails, excerpt: string, options?: { cause?: unknown }) {
    super(
      'malformed_response',
      `${details.method} ${details.path} answered HTTP ${details.status} with a body that is not the expected JSON: ${JSON.stringify(excerpt)}`,
      details,
      options,
    );
    this.excerpt = excerpt;
  }
}

/**
 * The server answered with a redirect, which the API never does (a wrong `baseUrl`, http instead of https,
 * or a proxy). It is not followed: the key goes to no other address and a paid POST is never turned into
 * another request. `location` is where it pointed (origin and path), when it said.
 */
export class RedirectError extends APIError {
  readonly location: string | undefined;

  constructor(details: APIErrorDetails, location: string | undefined, baseUrl: string) {
    const to = location ? ` to ${location}` : '';
    super(
      'redirected',
      `${details.method} ${details.path} was redirected (HTTP ${details.status})${to}; the API never redirects, ` +
        `so it was not followed and the key was not sent there. Check baseUrl (${baseUrl}): use the address ` +
        'the redirect names if you trust it.',
      details,
    );
    this.location = location;
  }
}

/** The request never got an answer (refused, reset, DNS). */
export class ConnectionError extends AIVideoMakerError {
  /** False only when the request provably never left this machine (e.g. connection refused). */
  readonly mayHaveReachedServer: boolean;

  constructor(message: string, mayHaveReachedServer: boolean, options?: { cause?: unknown }) {
    super('connection_error', message, options);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
}

/** One request took longer than `timeoutMs`. */
export class RequestTimeoutError extends AIVideoMakerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('timeout', message, options);
  }
}

/**
 * A paid `generate` request may have reached the server but its answer was lost, and no matching task
 * could be found. Not retried automatically, so credits are never spent twice.
 */
export class TaskMayExistError extends AIVideoMakerError {
  readonly model: string;
  readonly sentAt: Date;
  /** The Idempotency-Key the request carried: pass it to generate again to get that very task, not a new one, from a server that honours keys. */
  readonly idempotencyKey: string | undefined;

  constructor(
    model: string,
    sentAt: Date,
    reason: string,
    options?: { cause?: unknown; idempotencyKey?: string | undefined },
  ) {
    super('task_may_exist', `${taskMayExistText(model, sentAt, reason)}`, options);
    this.model = model;
    this.sentAt = sentAt;
    this.idempotencyKey = options?.idempotencyKey;
  }
}

function taskMayExistText(model: string, sentAt: Date, reason: string): string {
  return (
    `A ${model} task may have been created (${reason}), so it was not resubmitted. Check client.tasks.list() ` +
    `(CLI: aivideomaker list) for a ${model} task created after ${sentAt.toISOString()} before trying again.`
  );
}

/**
 * A generate aborted after its paid request may have reached the server. Named `AbortError` so abort
 * handling treats it as the abort it is (isAbortError is true); it also says the task may exist and how to
 * check, and `cause` holds the signal's reason. Budgets keep its credits booked.
 */
export class SubmitAbortedError extends TaskMayExistError {
  constructor(
    model: string,
    sentAt: Date,
    options: { cause?: unknown; idempotencyKey?: string | undefined },
  ) {
    super(model, sentAt, 'aborted after the request was sent', options);
    this.name = 'AbortError';
  }
}

/** The task ended FAILED; the API refunds its credits automatically. */
export class TaskFailedError extends AIVideoMakerError {
  readonly task: Task;
  readonly creditsRefunded = true;

  constructor(task: Task) {
    super('task_failed', `Task ${task.id} failed; its credits were refunded automatically.`);
    this.task = task;
  }
}

export class TaskCancelledError extends AIVideoMakerError {
  readonly task: Task;

  constructor(task: Task) {
    super('task_cancelled', `Task ${task.id} was cancelled.`);
    this.task = task;
  }
}

/** `wait` gave up; the task goes on. Resume with client.tasks.wait(error.taskId). */
export class WaitTimeoutError extends AIVideoMakerError {
  readonly taskId: string;
  readonly lastStatus: TaskStatusValue | undefined;

  constructor(taskId: string, lastStatus: TaskStatusValue | undefined, timeoutMs: number) {
    super(
      'wait_timeout',
      `Task ${taskId} was still ${lastStatus ?? 'pending'} after ${timeoutMs} ms; it keeps running. ` +
        `Resume with client.tasks.wait('${taskId}') or check client.tasks.get('${taskId}').`,
    );
    this.taskId = taskId;
    this.lastStatus = lastStatus;
  }
}

/**
 * A credit limit would be exceeded; nothing was submitted or charged. Raised locally by a tool set's
 * budget, or by the server refusing a generate whose price is above its `X-Max-Credits` (HTTP 422
 * BUDGET_EXCEEDED; then `server` holds the answer's details and the figures are the server's, if it gave them).
 */
export class BudgetExceededError extends AIVideoMakerError {
  /** The price, when known. */
  readonly credits: number | undefined;
  /** The cap that the price exceeds, when known. */
  readonly limit: number | undefined;
  readonly server: APIErrorDetails | undefined;

  constructor(
    message: string,
    credits: number | undefined,
    limit: number | undefined,
    server?: APIErrorDetails,
  ) {
    super('budget_exceeded', message);
    this.credits = credits;
    this.limit = limit;
    this.server = server;
  }
}
