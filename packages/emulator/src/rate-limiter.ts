// Fixed-window limiter per client IP: `limit` requests per window, the window opening at the first
// request. The 61st request in a minute (scaled by speed) waits until the window ends.
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  hit(client: string, now = Date.now()): RateLimitVerdict {
    const { limit, windowMs } = this.options;
    let window = this.#windows.get(client);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(client, window);
    }
    if (window.count >= limit) return { ok: false, retryAfterMs: Math.max(1, window.start + windowMs - now) };
    window.count++;
    return { ok: true };
  }
}

/** `Retry-After` in whole seconds (at least 1) plus the exact compressed wait in `retry-after-ms`. */
export function retryAfterHeaders(retryAfterMs: number): Record<string, string> {
  return {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    'retry-after-ms': String(Math.ceil(retryAfterMs)),
  };
}
