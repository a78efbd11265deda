// The list prices, computed locally from the model table (the document's per-second prices, lv's per
// segment, and minimax's published rates by resolution and tier). The live
// service may charge otherwise (it was measured charging 15 for a 5 s t2v): a server quote
// (client.quote) is the authority where there is one. Credits are charged at submit, refunded on FAILED.
import { InputValidationError } from './errors';
import { MINIMAX_RESOLUTIONS, MINIMAX_TIERS, minimaxPrice } from './minimax';
import { MODEL_TABLE } from './model-table';
import { MODEL_NAMES, type ModelInput, type ModelName } from './models';
import { assertDuration, assertModel, describeValue, missingField, wireDuration } from './validate';

/** Credits per second of video (the model table's); minimax's is its cheapest rate (720p turbo). */
export const CREDITS_PER_SECOND = Object.fromEntries(
  MODEL_NAMES.map((model) => [model, MODEL_TABLE[model].creditsPerSecond]),
) as Record<ModelName, number>;

/** Any input of any model, for a model known only at run time (checked at run time). */
interface AnyCreditInput {
  duration?: string | number | undefined;
  prompt?: unknown;
  /** minimax: "720p" (default) or "1080p". */
  resolution?: string | undefined;
  /** minimax: "turbo" (default) or "base". */
  tier?: string | undefined;
  [field: string]: unknown;
}

/** The fields a model's price depends on, which its estimate needs. */
type PriceField<M extends ModelName> = M extends 'lv' ? 'prompt' : M extends 'minimax' ? never : 'duration';
type PriceInput<M extends ModelName> = Partial<ModelInput<M>> &
  Pick<ModelInput<M>, PriceField<M> & keyof ModelInput<M>>;
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * What the estimate takes: for a model named in the code, that model's own input (`duration` one of its
 * durations, `prompt` the segment list of lv), so `estimateCredits('t2v', { duration: 10 })` does not
 * compile; for a model known only at run time, any input, checked at run time. The other fields of the
 * model are allowed, so the very input passed to `generate` can be estimated first.
 */
export type CreditInput<M extends ModelName = ModelName> =
  true extends IsUnion<M> ? AnyCreditInput : PriceInput<M>;

/** minimax's price after checking the fields it depends on. */
function minimaxCredits(input: AnyCreditInput) {
  const duration = wireDuration('minimax', input.duration);
  assertDuration('minimax', duration);
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
  return minimaxPrice({ ...input, duration });
}

/** The seconds of video a model's input asks for, checked by the rules (and in the words) of generate. */
function secondsOf(model: ModelName, input: AnyCreditInput): number {
  const rule = MODEL_TABLE[model].durations;
  if ('perPrompt' in rule) {
    const prompts = input.prompt;
    if (!Array.isArray(prompts) || prompts.length < 1 || prompts.length > rule.maxPrompts) {
      throw new InputValidationError(
        'prompt',
        `${describeValue(prompts)} must be 1 to ${rule.maxPrompts} prompts`,
      );
    }
    return prompts.length * rule.perPrompt;
  }
  const duration = wireDuration(model, input.duration);
  if (duration === undefined && 'choices' in rule) throw missingField(model, 'duration', rule.choices);
  assertDuration(model, duration);
  return Number(duration);
}

export function estimateCredits<M extends ModelName>(model: M, input: CreditInput<M>): number {
  assertModel(model);
  if (model === 'minimax') return minimaxCredits(input as AnyCreditInput).credits;
  return secondsOf(model, input as AnyCreditInput) * CREDITS_PER_SECOND[model];
}

/** A one-line formula for people and models, e.g. "8 s x 1 credit/s = 8 credits". */
export function describeCredits<M extends ModelName>(model: M, input: CreditInput<M>): string {
  const credits = estimateCredits(model, input);
  const loose = input as AnyCreditInput;
  if (model === 'minimax') {
    const { seconds, rate, resolution, tier } = minimaxCredits(loose);
    return `${seconds} s x ${rate} credits/s (${resolution} ${tier}) = ${credits} credits`;
  }
  const rule = MODEL_TABLE[model].durations;
  if ('perPrompt' in rule) {
    const count = (loose.prompt as unknown[]).length;
    return `${count} prompt(s) x ${rule.perPrompt} s x ${CREDITS_PER_SECOND[model]} credits/s = ${credits} credits`;
  }
  return `${String(loose.duration)} s x ${CREDITS_PER_SECOND[model]} credit(s)/s = ${credits} credits`;
}
