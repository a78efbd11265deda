// The list prices, computed locally: the document's rules exactly (t2v and i2v duration x 1; t2v_v3 and
// i2v_v3 duration x 10; lv number of prompts x 5 x 15) and minimax's published per-second rates. The live
// service may charge otherwise (it was measured charging 15 for a 5 s t2v): a server quote
// (client.quote) is the authority where there is one. Credits are charged at submit, refunded on FAILED.
import { InputValidationError } from './errors';
import { MINIMAX_CREDITS_PER_SECOND, MINIMAX_RESOLUTIONS, MINIMAX_TIERS, minimaxPrice } from './minimax';
import { LV_MAX_PROMPTS, LV_SEGMENT_SECONDS, MODEL_DURATIONS, type ModelName } from './models';
import { assertDuration, assertModel, describeValue } from './validate';

/** Credits per second of video; minimax's is its cheapest rate (720p turbo), see MINIMAX_CREDITS_PER_SECOND. */
export const CREDITS_PER_SECOND: Record<ModelName, number> = {
  t2v: 1,
  i2v: 1,
  t2v_v3: 10,
  i2v_v3: 10,
  lv: 15,
  minimax: MINIMAX_CREDITS_PER_SECOND['720p'].turbo,
};

/**
 * What the estimate needs: `duration` for timed models, `prompt` (the segment list) for lv. Other fields
 * are allowed so the very input passed to `generate` can be estimated first.
 */
export interface CreditInput {
  duration?: string | number | undefined;
  prompt?: unknown;
  /** minimax: "720p" (default) or "1080p". */
  resolution?: string | undefined;
  /** minimax: "turbo" (default) or "base". */
  tier?: string | undefined;
  [field: string]: unknown;
}

/** minimax's price after checking the fields it depends on. */
function minimaxCredits(input: CreditInput) {
  assertDuration('minimax', input.duration);
  for (const [field, allowed] of [
    ['resolution', MINIMAX_RESOLUTIONS],
    ['tier', MINIMAX_TIERS],
  ] as const) {
    const value = input[field];
    if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
      throw new InputValidationError(
        field,
        `${describeValue(value)} is not allowed for model minimax`,
        allowed,
      );
    }
  }
  return minimaxPrice({
    ...input,
    duration: input.duration === undefined ? undefined : Number(input.duration),
  });
}

export function estimateCredits(model: ModelName, input: CreditInput): number {
  assertModel(model);
  if (model === 'minimax') return minimaxCredits(input).credits;
  if (model === 'lv') {
    const prompts = input.prompt;
    if (!Array.isArray(prompts) || prompts.length < 1 || prompts.length > LV_MAX_PROMPTS) {
      throw new InputValidationError(
        'prompt',
        `${describeValue(prompts)} must be 1 to ${LV_MAX_PROMPTS} prompts`,
      );
    }
    return prompts.length * LV_SEGMENT_SECONDS * CREDITS_PER_SECOND.lv;
  }
  const allowed: readonly string[] = MODEL_DURATIONS[model];
  const duration = input.duration === undefined ? undefined : String(input.duration);
  if (duration === undefined || !allowed.includes(duration)) {
    throw new InputValidationError(
      'duration',
      `${describeValue(input.duration)} is not allowed for model ${model}`,
      allowed,
    );
  }
  return Number(duration) * CREDITS_PER_SECOND[model];
}

/** A one-line formula for people and models, e.g. "8 s x 1 credit/s = 8 credits". */
export function describeCredits(model: ModelName, input: CreditInput): string {
  const credits = estimateCredits(model, input);
  if (model === 'minimax') {
    const { seconds, rate, resolution, tier } = minimaxCredits(input);
    return `${seconds} s x ${rate} credits/s (${resolution} ${tier}) = ${credits} credits`;
  }
  if (model === 'lv') {
    const count = (input.prompt as unknown[]).length;
    return `${count} prompt(s) x ${LV_SEGMENT_SECONDS} s x ${CREDITS_PER_SECOND.lv} credits/s = ${credits} credits`;
  }
  return `${String(input.duration)} s x ${CREDITS_PER_SECOND[model]} credit(s)/s = ${credits} credits`;
}
