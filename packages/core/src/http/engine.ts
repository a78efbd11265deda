// The request engine: one attempt = rate-limit slot (query calls), fetch with a timeout, body read,
// typed interpretation. `read` adds retries for calls that are safe to repeat; the paid POST has its own
// policy in generate.ts. The key lives only in a private field and in the `key` header, and
// redirects are never followed: the API does not redirect, so a redirect is a wrong baseUrl or someone
// else's server, which must get neither the key nor a paid POST turned into a GET.
import {
  ConnectionError,
  InputValidationError,
  RateLimitError,
  RedirectError,
  RequestTimeoutError,
} from '../errors';
import { redactorFor, registerSecret, type SecretHolder, scrubError } from '../secrets';
import { abortReason, sleep } from './abort';
import { interpretAnswer } from './interpret';
import { type Logger, requestLine } from './logger';
import { limiterOf, type QueryLimiter, type RateLimitSetting } from './rate-limiter';
import { isRetryableRead, retryDelayMs, wasNeverSent } from './retry';
import { ServerClock } from './server-clock';

export interface EngineOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  rateLimit: RateLimitSetting;
  logger?: Logger | undefined;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Query endpoints share the client's rate limiter. */
  limited: boolean;
}

const TIMED_OUT = Symbol('timed out');

export class RequestEngine {
  readonly baseUrl: string;
  readonly maxRetries: number;
  /** The server's clock as seen in the answers' Date headers (for reconciliation). */
  readonly clock = new ServerClock();
  readonly #apiKey: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #limiter: QueryLimiter | undefined;
  readonly #logger: Logger | undefined;
  /** Keeps this client's key in the redaction registry for as long as the client lives. */
  readonly #secret: SecretHolder;

  constructor(options: EngineOptions) {
    this.baseUrl = options.baseUrl;
    this.maxRetries = options.maxRetries;
    this.#apiKey = options.apiKey;
    this.#secret = { secret: options.apiKey };
    registerSecret(this.#secret);
    this.redact = redactorFor(options.apiKey);
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
    this.#limiter = limiterOf(options.rateLimit);
    this.#logger = options.logger;
  }

  /** Masks this client's key wherever it might appear in text that came from elsewhere. */
  readonly redact: (text: string) => string;

  log(message: string): void {
    this.#logger?.debug(this.redact(message));
  }

  /** One attempt, no retry. Throws a typed error, or the signal's reason when aborted. */
  async attempt(spec: RequestSpec, attempt = 0): Promise<unknown> {
    const release = spec.limited ? await this.#limiter?.acquire(spec.signal) : undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.#timeoutMs);
    const onAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = {
      accept: 'application/json',
      key: this.#apiKey,
      ...spec.headers,
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const started = Date.now();
    let outcome = 'error';
    try {
      let response: Response;
      let text: string;
      try {
        if (spec.signal?.aborted) throw abortReason(spec.signal);
        response = await this.#fetch(`${this.baseUrl}${spec.path}`, {
          method: spec.method,
          headers,
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: controller.signal,
          redirect: 'manual',
        });
        outcome = String(response.status);
        if (isRedirect(response)) {
          await response.body?.cancel().catch(() => undefined);
          throw this.#redirectError(spec, response);
        }
        this.clock.observeDate(response.headers.get('date'), started, Date.now());
        text = await response.text();
      } catch (error) {
        if (error instanceof RedirectError) throw error;
        throw this.#transportError(spec, controller.signal, error, outcome !== 'error');
      }
      try {
        return interpretAnswer(spec, response.status, response.headers, text, this.redact);
      } catch (error) {
        if (error instanceof RateLimitError && spec.limited) await this.#pause(retryDelayMs(error, attempt));
        throw error;
      }
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      release?.();
      this.log(requestLine(spec.method, spec.path, headers, outcome, Date.now() - started, attempt));
    }
  }

  /** Tells the limiter (maybe shared by other processes) to hold everyone; its failure must not hide the 429. */
  async #pause(ms: number): Promise<void> {
    try {
      await this.#limiter?.pause(ms);
    } catch (error) {
      this.log(`aivideomaker: the rate limiter could not record a pause (${describeCause(error)})`);
    }
  }

  /** A call that is safe to repeat: retried on connection errors, timeouts, 408, 429 and 5xx. */
  async read(spec: RequestSpec): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(spec, attempt);
      } catch (error) {
        if (spec.signal?.aborted || !isRetryableRead(error) || attempt >= this.maxRetries) throw error;
        const delay = retryDelayMs(error, attempt);
        this.log(`aivideomaker: retrying ${spec.method} ${spec.path} in ${Math.round(delay)} ms`);
        await sleep(delay, spec.signal);
      }
    }
  }

  #redirectError(spec: RequestSpec, response: Response): RedirectError {
    const location = response.headers.get('location');
    const target =
      location && URL.canParse(location, this.baseUrl) ? new URL(location, this.baseUrl) : undefined;
    const shown = target ? this.redact(`${target.origin}${target.pathname}`) : undefined;
    return new RedirectError(
      { status: response.status, method: spec.method, path: spec.path },
      shown,
      this.baseUrl,
    );
  }

  #transportError(spec: RequestSpec, signal: AbortSignal, error: unknown, answered: boolean): unknown {
    if (spec.signal?.aborted) return abortReason(spec.signal);
    const where = `${spec.method} ${spec.path}`;
    // The causes are copies with the key masked: util.inspect prints the whole chain.
    const cause = scrubError(error, this.redact);
    if (signal.reason === TIMED_OUT) {
      return new RequestTimeoutError(`${where} got no answer within ${this.#timeoutMs} ms (timeoutMs)`, {
        cause,
      });
    }
    const reason = this.redact(describeCause(error));
    const local = answered ? undefined : localFailure(error);
    if (local) {
      const problem = `${where} was not sent: fetch refused it (${reason})`;
      return Object.assign(new InputValidationError(local, problem), { cause });
    }
    const neverSent = !answered && wasNeverSent(error);
    const message = `${where} failed before an answer arrived (${reason}); is ${this.baseUrl} reachable?`;
    return new ConnectionError(message, !neverSent, { cause });
  }
}

/** 3xx, or what a browser's fetch gives for a redirect it was told not to follow. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * Which setting is wrong when fetch refused to send a request at all (nothing left this machine): a port
 * it blocks, or a header value that is not a byte string. Undefined for real network failures.
 */
function localFailure(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const message = String((current as { message?: unknown }).message ?? '');
    if (/^bad port$/i.test(message)) return 'baseUrl';
    if (current instanceof TypeError && /ByteString|header (name|value)|invalid header/i.test(message))
      return 'headers';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const { message, code } = current as { message?: unknown; code?: unknown };
    parts.push(
      [typeof code === 'string' ? code : '', typeof message === 'string' ? message : '']
        .filter(Boolean)
        .join(' '),
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.filter(Boolean).join(': ') || 'unknown error';
}
