// The shared query budget as `limit` slots kept in a rate-limiter-flexible store (Postgres): a request
// takes a free slot and holds it until `windowMs` after its answer arrived. The server sees a request
// between the slot's take and its release, and the same slot is taken again no sooner than `windowMs`
// after that release, so any span of `windowMs` holds at most one request per slot: at most `limit`
// requests in ANY window, sliding or fixed (a fixed-window counter lets up to twice the limit through
// across a window boundary). A slot whose holder died frees itself after `windowMs + maxHoldMs`.
// A 429 seen by any holder pauses all of them through one shared key.
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

export interface SharedLimiterOptions {
  /** Queries per window for everyone sharing the store (default 60, the API's limit per IP). */
  limit?: number;
  /** Window length in ms (default 60 000). */
  windowMs?: number;
  /** Longest a request may hold its slot; a dead holder's slot frees after windowMs + this (default 5 min). */
  maxHoldMs?: number;
}

/** The store side: any rate-limiter-flexible store limiter (points 1, duration: the slot lease). */
export type SlotStore = Pick<RateLimiterAbstract, 'consume' | 'block' | 'get'>;

const SLOT = 'slot:';
const PAUSE = 'pause';

export class SharedLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #store: SlotStore;
  readonly #leaseMs: number;
  /** Earliest local time each slot may be free, as far as this process knows (a lower bound). */
  readonly #freeAt: number[];
  /** Takers in this process go one at a time (FIFO), so a busy process does not flood the store. */
  #turns: Promise<void> = Promise.resolve();

  constructor(store: SlotStore, options: SharedLimiterOptions = {}) {
    this.limit = options.limit ?? 60;
    this.windowMs = options.windowMs ?? 60_000;
    const maxHoldMs = options.maxHoldMs ?? 5 * 60_000;
    if (!Number.isInteger(this.limit) || this.limit < 1)
      throw new RangeError('limit must be an integer >= 1');
    if (!(this.windowMs >= 1) || !Number.isFinite(this.windowMs))
      throw new RangeError('windowMs must be a finite number >= 1');
    if (!(maxHoldMs >= 1) || !Number.isFinite(maxHoldMs))
      throw new RangeError('maxHoldMs must be a finite number >= 1');
    this.#store = store;
    this.#leaseMs = Math.ceil(this.windowMs + maxHoldMs);
    this.#freeAt = Array.from({ length: this.limit }, () => 0);
  }

  /** Waits for a slot; call the returned function once the answer has arrived (or the request failed). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    const previous = this.#turns;
    let done!: () => void;
    this.#turns = new Promise((resolve) => {
      done = resolve;
    });
    try {
      await abortable(previous, signal);
      return await this.#take(signal);
    } finally {
      // An aborted taker passes its turn on once the one before it is done.
      previous.then(done, done);
    }
  }

  /** A 429: nobody sharing the store sends before `ms` from now. */
  async pause(ms: number): Promise<void> {
    if (!(ms > 0)) return;
    const current = await this.#store.get(PAUSE);
    if (current && current.msBeforeNext >= ms) return;
    await this.#store.block(PAUSE, seconds(ms));
  }

  async #take(signal: AbortSignal | undefined): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      const paused = await this.#store.get(PAUSE);
      if (paused && paused.msBeforeNext > 0) {
        await sleep(paused.msBeforeNext, signal);
        continue;
      }
      const now = Date.now();
      const index = this.#candidate(now);
      const wait = (this.#freeAt[index] as number) - now;
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      const taken = await this.#tryTake(index);
      if (taken) return taken;
    }
  }

  /** A slot believed free (a random one, so processes rarely collide), else the one free soonest. */
  #candidate(now: number): number {
    const free: number[] = [];
    let soonest = 0;
    this.#freeAt.forEach((at, index) => {
      if (at <= now) free.push(index);
      if (at < (this.#freeAt[soonest] as number)) soonest = index;
    });
    return free.length > 0 ? (free[Math.floor(Math.random() * free.length)] as number) : soonest;
  }

  async #tryTake(index: number): Promise<(() => void) | undefined> {
    const key = `${SLOT}${index}`;
    const tried = Date.now();
    try {
      await this.#store.consume(key, 1, { customDuration: seconds(this.#leaseMs) });
    } catch (error) {
      if (error instanceof Error) throw error;
      // Held or cooling down. Held: it frees no sooner than windowMs after its coming release.
      const { msBeforeNext } = error as RateLimiterRes;
      this.#freeAt[index] = tried + Math.min(Math.max(msBeforeNext, 1), this.windowMs);
      return undefined;
    }
    this.#freeAt[index] = tried + this.#leaseMs;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#freeAt[index] = Date.now() + this.windowMs;
      // If this write fails the slot stays held until its lease ends, later than windowMs from now: safe.
      this.#store.block(key, seconds(this.windowMs)).catch(() => undefined);
    };
  }
}

/**
 * Whole milliseconds as the seconds the store takes: it multiplies by 1000 and keeps an integer column,
 * so pick the nearest longer duration whose round trip is exact (1.001 * 1000 is 1000.9999999999999).
 */
export function seconds(ms: number): number {
  for (let whole = Math.ceil(ms); ; whole++) if ((whole / 1000) * 1000 === whole) return whole / 1000;
}

function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(1, Math.ceil(ms)),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
