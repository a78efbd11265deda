// What a task costs: a per-second rate per model (per resolution and tier for minimax) times the seconds
// of video, times an optional multiplier. The defaults are the documented list prices; a test can set
// other rates (the live service was measured charging 3x the seed's list for t2v) to prove that a client
// trusts the server's price and not its own estimate.
import { MINIMAX_DEFAULTS, type Model, type TaskInput, videoSeconds } from './models';

export type MinimaxRate = '720p-turbo' | '720p-base' | '1080p-turbo' | '1080p-base';

/** Credits per second of video. Partial tables are merged over the list prices. */
export interface PriceTable {
  t2v?: number;
  i2v?: number;
  /** Per second; an `lv` segment is 5 s, so the document's 75 per prompt is 15. */
  lv?: number;
  t2v_v3?: number;
  i2v_v3?: number;
  /** Per second, by `<resolution>-<tier>`. */
  minimax?: Partial<Record<MinimaxRate, number>>;
  /** Multiplies every price (default 1); the result is rounded up to whole credits. */
  multiplier?: number;
}

export interface ResolvedPrices {
  perSecond: Record<Exclude<Model, 'minimax'>, number>;
  minimax: Record<MinimaxRate, number>;
  multiplier: number;
}

/** The document's prices (t2v/i2v 1, v3 10, lv 15 per second) and api-live.md's minimax rates. */
export const LIST_PRICES: ResolvedPrices = {
  perSecond: { t2v: 1, i2v: 1, lv: 15, t2v_v3: 10, i2v_v3: 10 },
  minimax: { '720p-turbo': 3, '720p-base': 4, '1080p-turbo': 4, '1080p-base': 5 },
  multiplier: 1,
};

/** Named tables for the CLI's --prices: `list` (default) and `measured` (what third parties were charged, 2026-09). */
export const PRICE_PRESETS: Record<string, PriceTable> = {
  list: {},
  measured: { t2v: 3, i2v: 3, t2v_v3: 4, i2v_v3: 4 },
};

const rate = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

export function resolvePrices(table: PriceTable = {}): ResolvedPrices {
  if (typeof table !== 'object' || table === null)
    throw new RangeError('Emulator option prices must be an object');
  const perSecond = { ...LIST_PRICES.perSecond };
  const minimax = { ...LIST_PRICES.minimax };
  for (const [name, value] of Object.entries(table)) {
    if (name === 'multiplier') continue;
    if (name === 'minimax') {
      for (const [tier, credits] of Object.entries((value ?? {}) as object)) {
        if (!(tier in minimax) || !rate(credits)) {
          throw new RangeError(
            `Emulator option prices.minimax.${tier} must be a number >= 0, keyed by ${Object.keys(minimax).join(', ')} (got ${String(credits)})`,
          );
        }
        minimax[tier as MinimaxRate] = credits as number;
      }
      continue;
    }
    if (!(name in perSecond) || !rate(value)) {
      throw new RangeError(
        `Emulator option prices.${name} must be credits per second (a number >= 0) for one of ${[...Object.keys(perSecond), 'minimax', 'multiplier'].join(', ')} (got ${String(value)})`,
      );
    }
    perSecond[name as keyof typeof perSecond] = value as number;
  }
  const multiplier = table.multiplier ?? 1;
  if (!rate(multiplier)) {
    throw new RangeError(
      `Emulator option prices.multiplier must be a number >= 0 (got ${String(multiplier)})`,
    );
  }
  return { perSecond, minimax, multiplier };
}

export function minimaxRateOf(input: TaskInput): MinimaxRate {
  const resolution = (input.resolution as string | undefined) ?? MINIMAX_DEFAULTS.resolution;
  const tier = (input.tier as string | undefined) ?? MINIMAX_DEFAULTS.tier;
  return `${resolution}-${tier}` as MinimaxRate;
}

/** Whole credits for a validated input. */
export function priceOf(prices: ResolvedPrices, model: Model, input: TaskInput): number {
  const perSecond = model === 'minimax' ? prices.minimax[minimaxRateOf(input)] : prices.perSecond[model];
  // Rounded to 9 places first so that 10 s at 0.3 is 3 credits, not 4 because of 3.0000000000000004.
  return Math.ceil(Number((videoSeconds(model, input) * perSecond * prices.multiplier).toFixed(9)));
}
