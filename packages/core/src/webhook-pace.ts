// How often webhook confirmations may be sent, derived from the client's rate limit (60 a minute by
// default). A burst of webhooks may use up to three quarters of the limit, one request at least every
// eighth of the limit's average spacing (125 ms at 60/min), so completions are confirmed within a few
// hundred milliseconds. Once half of that allowance is spent the spacing grows, so a long burst slows
// down gradually instead of hitting a wall; sustained traffic gets a quarter of the limit (a token
// bucket), and each request then confirms everything that arrived meanwhile. The rest of the limit stays
// free for polls and calls, and a burst never spends the whole window (which would stall every call).
import type { RateLimitOptions } from './http/rate-limiter';

const BURST_SHARE = 3 / 4;
const SUSTAINED_SHARE = 1 / 4;
const GAP_DIVISOR = 8;

export class ConfirmationPace {
  readonly #gapMs: number;
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #refilledAt = Date.now();
  #sentAt = Number.NEGATIVE_INFINITY;

  /** `false`: the client has no limit, so there is no pacing either (one confirmation in flight at a time). */
  constructor(rateLimit: RateLimitOptions | false) {
    const { limit, windowMs } = rateLimit || { limit: 1, windowMs: 0 };
    this.#gapMs = windowMs / limit / GAP_DIVISOR;
    this.#capacity = Math.max(1, Math.floor(limit * BURST_SHARE));
    this.#refillPerMs = rateLimit ? Math.max(1, limit * SUSTAINED_SHARE) / windowMs : 0;
    this.#tokens = this.#capacity;
  }

  /** Milliseconds to wait before the next confirmation may be sent. */
  delayMs(now = Date.now()): number {
    if (this.#refillPerMs === 0) return 0;
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#refilledAt) * this.#refillPerMs);
    this.#refilledAt = now;
    const byTokens = this.#tokens >= 1 ? 0 : (1 - this.#tokens) / this.#refillPerMs;
    const scarcity = Math.max(1, this.#capacity / 2 / Math.max(this.#tokens, 1));
    return Math.max(0, this.#sentAt + this.#gapMs * scarcity - now, byTokens);
  }

  /** A confirmation is being sent now. */
  sent(now = Date.now()): void {
    this.delayMs(now);
    this.#tokens -= 1;
    this.#sentAt = now;
  }
}
