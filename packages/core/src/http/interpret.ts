// Turns an HTTP answer into JSON or a typed error: by status where there is one, by message too
// ("Insufficient credits" whatever the status, even 200 with status FAILED), and never a raw SyntaxError.
import {
  APIError,
  type APIErrorDetails,
  AuthenticationError,
  BadRequestError,
  ConflictError,
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

export function errorForAnswer(details: APIErrorDetails, headers: Headers): APIError {
  const { status, method, path } = details;
  const server = details.serverMessage ? `: ${details.serverMessage}` : '';
  const where = `${method} ${path}`;
  if (details.serverMessage && /insufficient credits/i.test(details.serverMessage)) {
    return new InsufficientCreditsError(
      'insufficient_credits',
      `Insufficient credits (HTTP ${status}) for ${where}: top up the account, or pick a shorter duration or a cheaper model (t2v/i2v cost 1 credit per second).`,
      details,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers);
    const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    return new RateLimitError(`Rate limited (HTTP 429) on ${where}${wait}${server}`, details, retryAfterMs);
  }
  if (status === 400 || status === 422) {
    return new BadRequestError('bad_request', `Bad request (HTTP ${status}) for ${where}${server}`, details);
  }
  if (status === 401 || status === 403) {
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

/**
 * The JSON of a successful answer, or the typed error it stands for. `redact` masks the key in any
 * server text before it can reach a message.
 */
export function interpretAnswer(
  request: { method: string; path: string },
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
  const details: APIErrorDetails = { status, method: request.method, path: request.path, serverMessage };
  if (status >= 400) throw errorForAnswer(details, headers);
  if (!parsed || json === null || typeof json !== 'object') {
    throw new MalformedResponseError({ ...details, serverMessage: undefined }, redact(excerpt(text)));
  }
  const body = json as Record<string, unknown>;
  const isFailure = body.status === 'FAILED' && typeof message === 'string';
  if (isFailure && !('id' in body) && !('taskId' in body) && !('tasks' in body)) {
    throw errorForAnswer(details, headers);
  }
  return json;
}
