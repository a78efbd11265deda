// Turns an HTTP answer into JSON or a typed error: by the live `errorCode` first, by status where there is
// one, by message too ("Insufficient credits" or the live "Current balance 5 is below required 15" whatever
// the status, even 200 with status FAILED), and never a raw SyntaxError.
import {
  APIError,
  type APIErrorDetails,
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ConflictError,
  IdempotencyConflictError,
  InsufficientCreditsError,
  MalformedResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from '../errors';
import { parseRetryAfter } from './retry';

const EXCERPT_CHARS = 200;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}...` : flat;
}

// The live wording of a 402: "Current balance 5 is below required 15" (it never says "insufficient").
const INSUFFICIENT =
  /insufficient credits|balance\s+-?\d+(\.\d+)?\s+is\s+(below|less than|lower than)\s+(the\s+)?required/i;

const INSUFFICIENT_ADVICE =
  'top up the account, or pick a shorter duration or a cheaper model (estimate or quote first)';

/** Maps an error answer: by the live `errorCode` first, then the HTTP status, then the message. */
export function errorForAnswer(
  details: APIErrorDetails,
  headers: Headers,
  idempotencyKey?: string,
): APIError | BudgetExceededError {
  const { status, method, path, errorCode } = details;
  const server = details.serverMessage ? `: ${details.serverMessage}` : '';
  const where = `${method} ${path}`;
  const code = errorCode?.toUpperCase();
  if (
    code === 'INSUFFICIENT_CREDITS' ||
    (details.serverMessage && INSUFFICIENT.test(details.serverMessage))
  ) {
    return new InsufficientCreditsError(
      'insufficient_credits',
      `Insufficient credits (HTTP ${status}) for ${where}${server}. Nothing was charged: ${INSUFFICIENT_ADVICE}.`,
      details,
    );
  }
  if (code === 'BUDGET_EXCEEDED') return budgetError(details);
  if (code === 'IDEMPOTENCY_CONFLICT') {
    return new IdempotencyConflictError(
      `Idempotency-Key conflict (HTTP ${status}) on ${where}${server}. The key was already used for another request; nothing was charged. Use a new key for a new generation.`,
      details,
      idempotencyKey,
    );
  }
  if (code === 'RATE_LIMITED' || status === 429) {
    const retryAfterMs = parseRetryAfter(headers);
    const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    return new RateLimitError(
      `Rate limited (HTTP ${status}) on ${where}${wait}${server}`,
      details,
      retryAfterMs,
    );
  }
  if (code === 'INVALID_MODEL' || code === 'INVALID_PAYLOAD' || status === 400 || status === 422) {
    return new BadRequestError('bad_request', `Bad request (HTTP ${status}) for ${where}${server}`, details);
  }
  if (code === 'AUTH_FAILED' || status === 401 || status === 403) {
    return new AuthenticationError(
      'authentication_failed',
      `Authentication failed (HTTP ${status})${server}. Check the API key (AIVIDEOMAKER_API_KEY).`,
      details,
    );
  }
  if (status === 402) {
    return new InsufficientCreditsError(
      'insufficient_credits',
      `Payment required (HTTP 402)${server}`,
      details,
    );
  }
  if (status === 404)
    return new NotFoundError('not_found', `Not found (HTTP 404): ${where}${server}`, details);
  if (status === 409)
    return new ConflictError('conflict', `Conflict (HTTP 409) on ${where}${server}`, details);
  if (status >= 500)
    return new ServerError('server_error', `Server error (HTTP ${status}) on ${where}${server}`, details);
  return new APIError(
    'api_error',
    `The API reported an error (HTTP ${status}) on ${where}${server}`,
    details,
  );
}

/** The server refused a price above X-Max-Credits: its figures from the body's fields, else its message. */
function budgetError(details: APIErrorDetails): BudgetExceededError {
  const fields = details.serverDetails ?? {};
  const pick = (...names: string[]) =>
    names.map((name) => fields[name]).find((value): value is number => typeof value === 'number');
  const text = details.serverMessage ?? '';
  const fromText = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const credits =
    pick('credits', 'requiredCredits', 'required', 'price') ??
    fromText(/(?:costs?|price|required)\D{0,12}(\d+)/i);
  const limit =
    pick('maxCredits', 'limit', 'cap') ?? fromText(/(?:max(?:imum)?[- ]?credits|cap|limit)\D{0,12}(\d+)/i);
  const figures = credits !== undefined && limit !== undefined ? ` (price ${credits}, cap ${limit})` : '';
  return new BudgetExceededError(
    `The server refused the ${details.path.split('/').pop()} task: its price is above the X-Max-Credits cap${figures}; nothing was charged. Raise the cap or choose a cheaper option.`,
    credits,
    limit,
    details,
  );
}

/**
 * The JSON of a successful answer, or the typed error it stands for. `redact` masks the key in any
 * server text before it can reach a message.
 */
export function interpretAnswer(
  request: { method: string; path: string; headers?: Record<string, string> | undefined },
  status: number,
  headers: Headers,
  text: string,
  redact: (text: string) => string,
): unknown {
  let json: unknown;
  let parsed = text.trim() !== '';
  try {
    json = parsed ? JSON.parse(text) : undefined;
  } catch {
    parsed = false;
  }
  const message = (json as { message?: unknown } | undefined)?.message;
  const serverMessage = redact(typeof message === 'string' ? message : excerpt(text));
  const details: APIErrorDetails = {
    status,
    method: request.method,
    path: request.path,
    serverMessage,
    ...errorFields(json, redact),
  };
  const key = request.headers?.['Idempotency-Key'];
  if (status >= 400) throw errorForAnswer(details, headers, key);
  if (!parsed || json === null || typeof json !== 'object') {
    throw new MalformedResponseError({ ...details, serverMessage: undefined }, redact(excerpt(text)));
  }
  const body = json as Record<string, unknown>;
  const isFailure = body.status === 'FAILED' && typeof message === 'string';
  if (isFailure && !('id' in body) && !('taskId' in body) && !('tasks' in body)) {
    throw errorForAnswer(details, headers, key);
  }
  return json;
}

/** `errorCode` and the other fields of an error body (redacted), for the typed error to keep. */
function errorFields(json: unknown, redact: (text: string) => string): Partial<APIErrorDetails> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  const { errorCode, message: _message, status: _status, ...rest } = json as Record<string, unknown>;
  const serverDetails =
    Object.keys(rest).length > 0
      ? (JSON.parse(redact(JSON.stringify(rest))) as Record<string, unknown>)
      : undefined;
  return {
    ...(typeof errorCode === 'string' ? { errorCode } : {}),
    ...(serverDetails ? { serverDetails } : {}),
  };
}
