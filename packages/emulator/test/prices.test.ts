// The configurable price table: the documented list prices by default, other rates or a multiplier on
// request (the live service was measured charging more than the list).
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index';
import { call, IMAGE, KEY, submit, t2v, useEmulator } from './helpers';

const start = useEmulator();

describe('prices', () => {
  it('charges a table of per-second rates and a multiplier, rounded up to whole credits', async () => {
    const emu = await start({ prices: { t2v: 3, lv: 20, multiplier: 1.1 } });
    const cases: [string, Record<string, unknown>, number][] = [
      ['t2v', t2v(), 17], // 5 x 3 x 1.1 = 16.5
      ['i2v', { image: IMAGE, duration: '5' }, 6], // list rate 1, x 1.1 = 5.5
      ['lv', { image: IMAGE, prompt: ['a', 'b'] }, 220],
      ['t2v_v3', t2v({ duration: '10' }), 110],
    ];
    for (const [model, body, credits] of cases) {
      const quote = await call(emu, `/api/v1/quote/${model}`, { method: 'POST', body });
      expect(quote.json.credits, model).toBe(credits);
      expect((await submit(emu, model, body)).creditsCharged).toBe(credits);
    }
    expect(emu.ledger.balance(KEY)).toBe(1000 - 17 - 6 - 220 - 110);
  });

  it('does not round a float artefact up: 10 s at 0.3 is 3 credits', async () => {
    const emu = await start({ prices: { t2v_v3: 0.3 } });
    const quote = await call(emu, '/api/v1/quote/t2v_v3', { method: 'POST', body: t2v({ duration: '10' }) });
    expect(quote.json.credits).toBe(3);
  });

  it.each([
    [{ t2v: -1 }, /prices.t2v must be credits per second/],
    [
      { sora: 1 },
      /prices.sora must be credits per second .* one of t2v, i2v, lv, t2v_v3, i2v_v3, minimax, multiplier/,
    ],
    [{ minimax: { '4k-turbo': 9 } }, /prices.minimax.4k-turbo must be a number >= 0, keyed by 720p-turbo/],
    [{ multiplier: Number.NaN }, /prices.multiplier must be a number >= 0/],
  ])('refuses %j', async (prices, message) => {
    await expect(startEmulator({ prices: prices as never })).rejects.toThrow(message);
  });

  it('refuses an unknown api mode and bad account limits', async () => {
    await expect(startEmulator({ api: 'v2' as never })).rejects.toThrow(
      /option api must be one of live, seed/,
    );
    await expect(startEmulator({ accountLimits: { dailyCreditLimit: -2 } })).rejects.toThrow(
      /accountLimits.dailyCreditLimit must be an integer >= -1/,
    );
  });
});
