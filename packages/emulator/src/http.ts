// The emulator's handlers return a Reply instead of writing to the socket, so fault injection can
// run the real work first and then alter or drop the answer ('error-after', 'malformed-json', 'reset-after').
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** api-live.md's error codes, plus codes of our own for the statuses it does not name. */
export const ERROR_CODES = [
  'AUTH_FAILED',
  'INVALID_MODEL',
  'INVALID_PAYLOAD',
  'INSUFFICIENT_CREDITS',
  'BUDGET_EXCEEDED',
  'IDEMPOTENCY_CONFLICT',
  'RATE_LIMITED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'TASK_NOT_CANCELLABLE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The API document's error body: `{"status":"FAILED","message":...}`. */
export function errorReply(status: number, message: string, headers: Reply['headers'] = {}): Reply {
  return jsonReply(status, { status: 'FAILED', message }, headers);
}

/**
 * An error answer in the API mode's shape: the live mode adds `errorCode` and any detail fields
 * (`field`, `maxCredits`, ...); the seed mode answers the document's body and nothing more.
 */
export type Fail = (
  status: number,
  code: ErrorCode,
  message: string,
  detail?: Record<string, unknown>,
  headers?: Reply['headers'],
) => Reply;

export function failFor(live: boolean): Fail {
  return (status, errorCode, message, detail = {}, headers = {}) =>
    live
      ? jsonReply(status, { status: 'FAILED', errorCode, message, ...detail }, headers)
      : errorReply(status, message, headers);
}

export function jsonReply(status: number, value: unknown, headers: Reply['headers'] = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function methodNotAllowed(fail: Fail, allowed: readonly string[]): Reply {
  return fail(
    405,
    'METHOD_NOT_ALLOWED',
    `Method not allowed; use ${allowed.join(' or ')}`,
    {},
    {
      allow: allowed.join(', '),
    },
  );
}

export function writeReply(res: ServerResponse, reply: Reply, method: string): void {
  const body = reply.body ?? '';
  const headers = { 'content-length': Buffer.byteLength(body), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}
