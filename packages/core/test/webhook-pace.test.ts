// The pace of webhook confirmations, on a clock the test drives: bursts are spaced and capped below the
// client's rate limit, sustained load gets a quarter of it, and a client without a limit is not paced.
import { describe, expect, it } from 'vitest';
import { ConfirmationPace } from '../src/webhook-pace';

describe('ConfirmationPace', () => {
  it('spaces a burst by an eighth of the limit, caps it at three quarters, then refills at a quarter', () => {
    const pace = new ConfirmationPace({ limit: 60, windowMs: 60_000 });
    const start = Date.now();
    let now = start;
    expect(pace.delayMs(now)).toBe(0);
    let sent = 0;
    // Always send as early as allowed for a whole window.
    while (now < start + 60_000) {
      now += pace.delayMs(now);
      pace.sent(now);
      sent++;
      if (sent === 1) expect(pace.delayMs(now)).toBe(125);
    }
    // 45 in the burst plus 15 refilled within the window: never more than the limit.
    expect(sent).toBeLessThanOrEqual(60);
    expect(sent).toBeGreaterThanOrEqual(58);
    // Once the burst is spent, one confirmation every 4 s (15 a minute).
    expect(pace.delayMs(now)).toBeGreaterThan(3_900);
  });

  it('does not pace a client without a rate limit', () => {
    const pace = new ConfirmationPace(false);
    for (let i = 0; i < 100; i++) pace.sent();
    expect(pace.delayMs()).toBe(0);
  });
});
