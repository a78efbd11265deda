// When to retry and how long to wait: capped, jittered exponential backoff, and the server's own
// `retry-after-ms` / `Retry-After` (seconds or an HTTP date), capped so a bad header cannot stall a caller.
import {
  APIError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  RequestTimeoutError,
} from '../errors';

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Milliseconds the server asked to wait, or undefined when it did not say or said nonsense. Zero, a
 * negative number or a date in the past count as not said: taken literally they would retry at once,
 * several times in a few milliseconds, instead of backing off.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms > 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const seconds = Number(value);
    return seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : undefined;
  }
  if (/^[-+]?\d/.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date) || date <= now) return undefined;
  return Math.min(date - now, MAX_RETRY_AFTER_MS);
}

/** 0.5 s, 1 s, 2 s ... capped at 8 s, minus up to 25% jitter so callers do not retry in lockstep. */
export function backoffMs(attempt: number, random = Math.random): number {
  const delay = Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS);
  return delay * (1 - 0.25 * random());
}

/**
 * Reads (and cancel) are safe to repeat: retry on connection errors, timeouts, 408, 429, 5xx and a garbled
 * answer (a body cut off or replaced on the way), which says nothing about the next one.
 */
export function isRetryableRead(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof RequestTimeoutError) return true;
  if (error instanceof RateLimitError || error instanceof MalformedResponseError) return true;
  return error instanceof APIError && (error.status === 408 || error.status >= 500);
}

/** Codes of errors that prove a request never left this machine. */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True only when the error proves the request was never sent (so a paid POST may be retried, and is never
 * reconciled): a refused connection or failed lookup, a port fetch refuses to use ("bad port"), or a
 * TypeError fetch threw while building the request (a header that is not a byte string, credentials in
 * the URL), which has no network cause and is not undici's "fetch failed".
 */
export function wasNeverSent(error: unknown): boolean {
  if (error instanceof TypeError && error.cause === undefined && error.message !== 'fetch failed')
    return true;
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) return true;
    if (depth > 0 && message === 'bad port') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function retryDelayMs(error: unknown, attempt: number): number {
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return backoffMs(attempt);
}

/**
 * An abort: a signal's AbortError, or SubmitAbortedError (an abort after a paid request was sent, the only
 * error of this package named AbortError).
 */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
