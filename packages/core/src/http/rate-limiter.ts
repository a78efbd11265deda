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

export class RateLimiter {
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
