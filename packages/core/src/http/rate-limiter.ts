// One limiter per client, shared by every query call (list, get, status, cancel), so many concurrent
// waits never exceed the API's 60 requests a minute. A slot counts from the moment a request is sent
// until `windowMs` after its answer arrived, which keeps any server-side window within the limit whatever
// the network latency. A 429 pauses every caller until the server's Retry-After has passed.
import { abortReason, throwIfAborted } from './abort';

export interface RateLimitOptions {
  /** Requests per window (default 60). */
  limit: number;
  /** Window length in milliseconds (default 60 000). */
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 60, windowMs: 60_000 };

/**
 * What the client needs from a limiter of its query calls. The in-process one below is the default; pass
 * your own (e.g. `@aivideomaker/limiter`, shared by every process behind one address) as `rateLimit`.
 */
export interface QueryLimiter {
  /**
   * Waits for a query slot, then resolves with a function the client calls once the answer arrived (or
   * the request failed). Rejects with the signal's reason when it aborts while waiting.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** The server answered 429: no holder of this limiter should send before `ms` from now. */
  pause(ms: number): void | Promise<void>;
  /** The budget it enforces; paces webhook confirmations (default 60 per 60 000 ms). */
  readonly limit?: number;
  readonly windowMs?: number;
}

/** The client's `rateLimit` option: limit options for an in-process limiter, a limiter, or false. */
export type RateLimitSetting = RateLimitOptions | QueryLimiter | false;

export function isQueryLimiter(value: unknown): value is QueryLimiter {
  return typeof (value as QueryLimiter | undefined)?.acquire === 'function';
}

/** The limiter a setting stands for (undefined: no limit). */
export function limiterOf(setting: RateLimitSetting): QueryLimiter | undefined {
  if (setting === false) return undefined;
  if (isQueryLimiter(setting)) {
    if (typeof setting.pause !== 'function')
      throw new TypeError('rateLimit: a limiter needs acquire(signal) and pause(ms) methods');
    return setting;
  }
  return new RateLimiter(setting);
}

/** The budget a setting enforces, for pacing (false: no limit). */
export function budgetOf(setting: RateLimitSetting): RateLimitOptions | false {
  if (!isQueryLimiter(setting)) return setting;
  return {
    limit: setting.limit ?? DEFAULT_RATE_LIMIT.limit,
    windowMs: setting.windowMs ?? DEFAULT_RATE_LIMIT.windowMs,
  };
}

export class RateLimiter implements QueryLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  /** End time of each slot used in the window; Infinity while its request is in flight. */
  #slots: { end: number }[] = [];
  #pausedUntil = 0;
  #wakers = new Set<() => void>();

  constructor(options: RateLimitOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0) || !Number.isFinite(options.windowMs)) {
      throw new RangeError('rateLimit needs limit >= 1 and a finite windowMs > 0');
    }
    this.#limit = Math.floor(options.limit);
    this.#windowMs = options.windowMs;
  }

  get limit(): number {
    return this.#limit;
  }

  get windowMs(): number {
    return this.#windowMs;
  }

  /** Waits for a free slot; call the returned function once the answer has arrived (or failed). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      throwIfAborted(signal);
      const now = Date.now();
      this.#slots = this.#slots.filter((slot) => slot.end + this.#windowMs > now);
      if (now >= this.#pausedUntil && this.#slots.length < this.#limit) return this.#take();
      const oldest = Math.min(...this.#slots.map((slot) => slot.end));
      const freeAt = this.#slots.length < this.#limit ? now : oldest + this.#windowMs;
      await this.#waitUntil(Math.max(this.#pausedUntil, freeAt), signal);
    }
  }

  /** The server said 429: nobody sends before `ms` from now. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  #take(): () => void {
    const slot = { end: Number.POSITIVE_INFINITY };
    this.#slots.push(slot);
    return () => {
      if (slot.end !== Number.POSITIVE_INFINITY) return;
      slot.end = Date.now();
      for (const wake of this.#wakers) wake();
    };
  }

  /** Sleeps until `time` (Infinity: until a slot is released), or until a release, or abort. */
  #waitUntil(time: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakers.delete(done);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        done();
        reject(abortReason(signal as AbortSignal));
      };
      const timer = Number.isFinite(time) ? setTimeout(done, Math.max(1, time - Date.now())) : undefined;
      this.#wakers.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
