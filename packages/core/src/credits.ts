// The document's credit rules, exactly: t2v and i2v duration x 1; t2v_v3 and i2v_v3 duration x 10;
// lv number of prompts x 5 x 15. Credits are charged at submit and refunded when a task FAILS.
import { InputValidationError } from './errors';
import {
  LV_MAX_PROMPTS,
  LV_SEGMENT_SECONDS,
  MODEL_DURATIONS,
  type ModelName,
  type TimedModel,
} from './models';
import { assertModel, describeValue } from './validate';

export const CREDITS_PER_SECOND: Record<ModelName, number> = {
  t2v: 1,
  i2v: 1,
  t2v_v3: 10,
  i2v_v3: 10,
  lv: 15,
};

/**
 * What the estimate needs: `duration` for timed models, `prompt` (the segment list) for lv. Other fields
 * are allowed so the very input passed to `generate` can be estimated first.
 */
export interface CreditInput {
  duration?: string | number | undefined;
  prompt?: unknown;
  [field: string]: unknown;
}

export function estimateCredits(model: ModelName, input: CreditInput): number {
  assertModel(model);
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
  const allowed: readonly string[] = MODEL_DURATIONS[model as TimedModel];
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
  if (model === 'lv') {
    const count = (input.prompt as unknown[]).length;
    return `${count} prompt(s) x ${LV_SEGMENT_SECONDS} s x ${CREDITS_PER_SECOND.lv} credits/s = ${credits} credits`;
  }
  return `${String(input.duration)} s x ${CREDITS_PER_SECOND[model]} credit(s)/s = ${credits} credits`;
}
