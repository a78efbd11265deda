// The model table: which generation tool offers each model and how it is described. Durations and prices
// are read from the rules (models.ts, minimax.ts, credits.ts), so every text a person or a model reads
// about a model (tool descriptions, field help, the estimate tool) comes from here, never written by hand.
import { CREDITS_PER_SECOND } from './credits';
import { MINIMAX_CREDITS_PER_SECOND, MINIMAX_DURATION, MINIMAX_RESOLUTIONS, MINIMAX_TIERS } from './minimax';
import { LV_MAX_PROMPTS, LV_SEGMENT_SECONDS, MODEL_DURATIONS, type ModelName } from './models';

export type GenerationToolName = 'text_to_video' | 'image_to_video' | 'long_video';

export interface ModelInfo {
  /** The generation tools that offer the model. */
  tools: readonly GenerationToolName[];
  /** What sets it apart, in a few words. */
  about: string;
}

export const MODEL_TABLE: Record<ModelName, ModelInfo> = {
  t2v: { tools: ['text_to_video'], about: 'standard quality' },
  t2v_v3: { tools: ['text_to_video'], about: 'higher quality, for 10-20 s' },
  i2v: { tools: ['image_to_video'], about: 'standard quality' },
  i2v_v3: { tools: ['image_to_video'], about: 'higher quality, for 10-20 s' },
  lv: { tools: ['long_video'], about: 'a longer video from a first-frame image, one prompt per segment' },
  minimax: {
    tools: ['text_to_video', 'image_to_video'],
    about: `MiniMax H3, the live service's headline model, ${MINIMAX_RESOLUTIONS.join(' or ')}, ${MINIMAX_TIERS.join(' or ')} tier (not on servers that implement only the documented API)`,
  },
};

/** The models a generation tool offers, in table order. */
export function modelsOfTool(tool: GenerationToolName): ModelName[] {
  return (Object.keys(MODEL_TABLE) as ModelName[]).filter((model) => MODEL_TABLE[model].tools.includes(tool));
}

/** "5 or 8 s", "5/10/15/20 s", "5 to 20 s", "5 s per prompt, 1 to 6 prompts". */
export function durationText(model: ModelName): string {
  if (model === 'lv') return `${LV_SEGMENT_SECONDS} s per prompt, 1 to ${LV_MAX_PROMPTS} prompts`;
  if (model === 'minimax') return `${MINIMAX_DURATION.min} to ${MINIMAX_DURATION.max} s`;
  const durations: readonly string[] = MODEL_DURATIONS[model];
  return durations.length === 2 ? `${durations.join(' or ')} s` : `${durations.join('/')} s`;
}

/** The list price: "1 credit/s", "75 credits per prompt", "3-5 credits/s (720p turbo 3, ...)". */
export function priceText(model: ModelName): string {
  if (model === 'lv') return `${LV_SEGMENT_SECONDS * CREDITS_PER_SECOND.lv} credits per prompt`;
  if (model === 'minimax') {
    const rates = MINIMAX_RESOLUTIONS.flatMap((resolution) =>
      MINIMAX_TIERS.map((tier) => `${resolution} ${tier} ${MINIMAX_CREDITS_PER_SECOND[resolution][tier]}`),
    );
    const values = rates.map((rate) => Number(rate.split(' ').pop()));
    return `${Math.min(...values)}-${Math.max(...values)} credits/s (${rates.join(', ')})`;
  }
  const rate = CREDITS_PER_SECOND[model];
  return `${rate} credit${rate === 1 ? '' : 's'}/s`;
}

/** One line per model: "t2v_v3: higher quality, for 10-20 s; 5/10/15/20 s; 10 credits/s". */
export function describeModel(model: ModelName): string {
  return `${model}: ${MODEL_TABLE[model].about}; ${durationText(model)}; ${priceText(model)}`;
}
