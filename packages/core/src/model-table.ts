// The model table: the one source of what each model is, which tool offers it, how long its videos can be
// and what it costs. Every text a person or a model reads about a model (tool descriptions, field help,
// enums, the estimate tool, the "use X instead" hints of validation errors) is generated from here and
// narrowed to the models a tool set allows; a new model is one entry here plus its schema (models.ts).
import { MINIMAX_CREDITS_PER_SECOND, MINIMAX_DURATION, MINIMAX_RESOLUTIONS, MINIMAX_TIERS } from './minimax';
import { LV_MAX_PROMPTS, LV_SEGMENT_SECONDS, MODEL_DURATIONS, MODEL_NAMES, type ModelName } from './models';

export type GenerationToolName = 'text_to_video' | 'image_to_video' | 'long_video';

/** How long a model's video can be: fixed choices (sent as strings), a whole-number range, or per prompt. */
export type DurationRule =
  | { choices: readonly string[] }
  | { min: number; max: number }
  | { perPrompt: number; maxPrompts: number };

export interface ModelInfo {
  /** The generation tools that offer the model. */
  tools: readonly GenerationToolName[];
  /** When to choose it, in a few words (its durations and price are added from the fields below). */
  about: string;
  durations: DurationRule;
  /** The list price in credits per second of video; with `rates`, the cheapest of them. */
  creditsPerSecond: number;
  /** Per-second prices by option, for a model whose price depends on its options. */
  rates?: Readonly<Record<string, number>>;
}

/** The documented generations: the standard ones and the v3 ones, of text and of image. */
const STANDARD = { about: 'standard quality, the cheapest', creditsPerSecond: 1 } as const;
const V3 = { about: 'higher quality and longer videos', creditsPerSecond: 10 } as const;

export const MODEL_TABLE: Record<ModelName, ModelInfo> = {
  t2v: { tools: ['text_to_video'], ...STANDARD, durations: { choices: MODEL_DURATIONS.t2v } },
  t2v_v3: { tools: ['text_to_video'], ...V3, durations: { choices: MODEL_DURATIONS.t2v_v3 } },
  i2v: { tools: ['image_to_video'], ...STANDARD, durations: { choices: MODEL_DURATIONS.i2v } },
  i2v_v3: { tools: ['image_to_video'], ...V3, durations: { choices: MODEL_DURATIONS.i2v_v3 } },
  lv: {
    tools: ['long_video'],
    about: 'a longer video from a first-frame image, one prompt per segment',
    durations: { perPrompt: LV_SEGMENT_SECONDS, maxPrompts: LV_MAX_PROMPTS },
    creditsPerSecond: 15,
  },
  minimax: {
    tools: ['text_to_video', 'image_to_video'],
    about: `MiniMax H3, the live service's headline model, ${MINIMAX_RESOLUTIONS.join(' or ')}, ${MINIMAX_TIERS.join(' or ')} tier (not on servers that implement only the documented API)`,
    durations: { min: MINIMAX_DURATION.min, max: MINIMAX_DURATION.max },
    creditsPerSecond: MINIMAX_CREDITS_PER_SECOND['720p'].turbo,
    rates: Object.fromEntries(
      MINIMAX_RESOLUTIONS.flatMap((resolution) =>
        MINIMAX_TIERS.map((tier) => [`${resolution} ${tier}`, MINIMAX_CREDITS_PER_SECOND[resolution][tier]]),
      ),
    ),
  },
};

/** Every model, in table order (the order tools list them in). */
const TABLE_ORDER = Object.keys(MODEL_TABLE) as ModelName[];

/** The models a generation tool offers, in table order. */
export function modelsOfTool(tool: GenerationToolName): ModelName[] {
  return TABLE_ORDER.filter((model) => MODEL_TABLE[model].tools.includes(tool));
}

/** "5 or 8 s", "5/10/15/20 s", "5 to 20 s", "5 s per prompt, 1 to 6 prompts". */
export function durationText(model: ModelName): string {
  const rule = MODEL_TABLE[model].durations;
  if ('perPrompt' in rule) return `${rule.perPrompt} s per prompt, 1 to ${rule.maxPrompts} prompts`;
  if ('min' in rule) return `${rule.min} to ${rule.max} s`;
  return rule.choices.length === 2 ? `${rule.choices.join(' or ')} s` : `${rule.choices.join('/')} s`;
}

/** Whether `model` takes this `duration` (seconds, as a string or a number); a per-prompt model takes none. */
export function durationAllowed(model: ModelName, duration: unknown): boolean {
  const rule = MODEL_TABLE[model].durations;
  if ('perPrompt' in rule) return false;
  if ('choices' in rule) return rule.choices.includes(String(duration));
  const seconds = typeof duration === 'string' && /^\d+$/.test(duration) ? Number(duration) : duration;
  return Number.isInteger(seconds) && (seconds as number) >= rule.min && (seconds as number) <= rule.max;
}

/** Every duration one of `models` allows, as the strings the tools take, shortest first. */
export function durationChoices(models: readonly ModelName[]): string[] {
  const all = new Set<number>();
  for (const model of models) {
    const rule = MODEL_TABLE[model].durations;
    if ('choices' in rule) for (const value of rule.choices) all.add(Number(value));
    if ('min' in rule) for (let s = rule.min; s <= rule.max; s++) all.add(s);
  }
  return [...all].sort((a, b) => a - b).map(String);
}

/** The short price: "1 credit/s", "3-5 credits/s", "75 credits per prompt". */
export function rateText(model: ModelName): string {
  const { creditsPerSecond: rate, durations, rates } = MODEL_TABLE[model];
  if ('perPrompt' in durations) return `${durations.perPrompt * rate} credits per prompt`;
  if (rates) return `${Math.min(...Object.values(rates))}-${Math.max(...Object.values(rates))} credits/s`;
  return `${rate} credit${rate === 1 ? '' : 's'}/s`;
}

/** The list price: "1 credit/s", "75 credits per prompt", "3-5 credits/s (720p turbo 3, ...)". */
export function priceText(model: ModelName): string {
  const { rates } = MODEL_TABLE[model];
  const detail = rates ? Object.entries(rates).map(([option, rate]) => `${option} ${rate}`) : [];
  return detail.length ? `${rateText(model)} (${detail.join(', ')})` : rateText(model);
}

/** One line per model: "t2v_v3: higher quality and longer videos; 5/10/15/20 s; 10 credits/s". */
export function describeModel(model: ModelName): string {
  return `${model}: ${MODEL_TABLE[model].about}; ${durationText(model)}; ${priceText(model)}`;
}

/**
 * For a duration `model` does not take: the models among `allowed` that make the same kind of video and
 * take it, e.g. "Use t2v_v3 for 10 s videos (t2v_v3 10 credits/s)."; undefined when there is none.
 */
export function durationHint(
  model: ModelName,
  duration: unknown,
  allowed: readonly ModelName[] = MODEL_NAMES,
): string | undefined {
  const tools = MODEL_TABLE[model].tools;
  const others = TABLE_ORDER.filter(
    (other) =>
      other !== model &&
      allowed.includes(other) &&
      MODEL_TABLE[other].tools.some((tool) => tools.includes(tool)) &&
      durationAllowed(other, duration),
  );
  if (others.length === 0) return undefined;
  const prices = others.map((other) => `${other} ${rateText(other)}`).join(', ');
  return `Use ${others.join(' or ')} for ${String(duration)} s videos (${prices}).`;
}
