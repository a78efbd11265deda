// The models: the five of the API document plus `minimax` (api-live.md, default mode only): their fields,
// how many seconds of video they make, their output aspect ratio and how long they take to render at
// speed 1. Prices live in prices.ts; the README's timing table mirrors TIMINGS.
import {
  type FieldRule,
  httpsField,
  imageField,
  integerRange,
  listOf,
  nonEmptyString,
  oneOf,
  optional,
  optionalStringOrNull,
  promptList,
} from './fields';

/** The API document's models: all that `api: 'seed'` knows. */
export const SEED_MODELS = ['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3'] as const;
/** Every model of the default (live) mode. */
export const MODELS = [...SEED_MODELS, 'minimax'] as const;
export type Model = (typeof MODELS)[number];
export type SeedModel = (typeof SEED_MODELS)[number];
/** Aspect ratios of the seed's text models, which are also the emulator's three MP4 assets. */
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type TaskInput = Record<string, unknown>;

/** Seconds of video per long-video segment, and the most segments one task may have. */
export const LV_SEGMENT_SECONDS = 5;
export const LV_MAX_SEGMENTS = 6;

export const MINIMAX_ASPECT_RATIOS = ['auto', '21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
export const MINIMAX_RESOLUTIONS = ['720p', '1080p'] as const;
export const MINIMAX_TIERS = ['turbo', 'base'] as const;
/** What an absent minimax field means (api-live.md). */
export const MINIMAX_DEFAULTS = {
  duration: 5,
  resolution: '720p',
  tier: 'turbo',
  aspectRatio: '16:9',
} as const;
const FRAME_FIELDS = ['imageUrl', 'lastFrameUrl'] as const;
const REFERENCE_FIELDS = ['referenceImageUrls', 'referenceVideoUrl', 'referenceAudioUrls'] as const;

/** A rejected body: the message names the field (when one is to blame) and what is allowed. */
export interface InputProblem {
  field?: string;
  message: string;
}

interface ModelSpec {
  fields: Record<string, FieldRule>;
  /** Seconds of video the task produces. */
  videoSeconds(input: TaskInput): number;
  /** Rules across fields, checked once every field is valid. */
  across?(input: TaskInput): InputProblem | undefined;
}

const V1_DURATIONS = ['5', '8'] as const;
const V3_DURATIONS = ['5', '10', '15', '20'] as const;
const byDuration = (input: TaskInput) => Number(input.duration);
const imageRef = httpsField(true);

const SPECS: Record<Model, ModelSpec> = {
  t2v: {
    fields: { prompt: nonEmptyString(), aspectRatio: oneOf(ASPECT_RATIOS), duration: oneOf(V1_DURATIONS) },
    videoSeconds: byDuration,
  },
  i2v: {
    fields: { image: imageField(), prompt: optionalStringOrNull(), duration: oneOf(V1_DURATIONS) },
    videoSeconds: byDuration,
  },
  lv: {
    fields: { image: imageField(), prompt: promptList(LV_MAX_SEGMENTS) },
    videoSeconds: (input) => (input.prompt as unknown[]).length * LV_SEGMENT_SECONDS,
  },
  t2v_v3: {
    fields: { prompt: nonEmptyString(), aspectRatio: oneOf(ASPECT_RATIOS), duration: oneOf(V3_DURATIONS) },
    videoSeconds: byDuration,
  },
  i2v_v3: {
    fields: { image: imageField(), prompt: optionalStringOrNull(), duration: oneOf(V3_DURATIONS) },
    videoSeconds: byDuration,
  },
  minimax: {
    fields: {
      content: nonEmptyString(),
      duration: optional(integerRange(5, 20)),
      resolution: optional(oneOf(MINIMAX_RESOLUTIONS)),
      tier: optional(oneOf(MINIMAX_TIERS)),
      aspectRatio: optional(oneOf(MINIMAX_ASPECT_RATIOS)),
      imageUrl: optional(imageRef),
      lastFrameUrl: optional(imageRef),
      referenceImageUrls: optional(listOf(imageRef, 4)),
      referenceVideoUrl: optional(httpsField(false)),
      referenceAudioUrls: optional(listOf(httpsField(false), 2)),
    },
    videoSeconds: (input) => (input.duration as number | undefined) ?? MINIMAX_DEFAULTS.duration,
    across: (input) => {
      const given = (name: string) =>
        input[name] !== undefined && !(Array.isArray(input[name]) && input[name].length === 0);
      const frame = FRAME_FIELDS.find(given);
      const reference = REFERENCE_FIELDS.find(given);
      if (frame === undefined || reference === undefined) return undefined;
      return {
        field: reference,
        message: `${frame} and ${reference} cannot be combined: frame inputs (${FRAME_FIELDS.join(', ')}) and reference inputs (${REFERENCE_FIELDS.join(', ')}) are mutually exclusive`,
      };
    },
  },
};

/** Render timings at speed 1, in milliseconds: queued, then processing = base + perVideoSecond x seconds. */
export const TIMINGS: Record<Model, { queueMs: number; baseMs: number; perVideoSecondMs: number }> = {
  t2v: { queueMs: 3_000, baseMs: 20_000, perVideoSecondMs: 4_000 },
  i2v: { queueMs: 3_000, baseMs: 20_000, perVideoSecondMs: 4_000 },
  t2v_v3: { queueMs: 5_000, baseMs: 40_000, perVideoSecondMs: 8_000 },
  i2v_v3: { queueMs: 5_000, baseMs: 40_000, perVideoSecondMs: 8_000 },
  lv: { queueMs: 5_000, baseMs: 60_000, perVideoSecondMs: 8_000 },
  minimax: { queueMs: 5_000, baseMs: 30_000, perVideoSecondMs: 6_000 },
};

export function isModel(value: string, models: readonly string[] = MODELS): value is Model {
  return models.includes(value);
}

/** Checks a parsed body against the model's fields; returns the first problem, or undefined. */
export function validateInput(model: Model, body: unknown): InputProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { message: `Request body must be a JSON object with the fields of model ${model}` };
  }
  const { fields, across } = SPECS[model];
  const allowed = Object.keys(fields);
  const unknown = Object.keys(body).find((name) => !allowed.includes(name));
  if (unknown !== undefined) {
    return {
      field: unknown,
      message: `Unknown field "${unknown}" for model ${model}; allowed fields: ${allowed.join(', ')}`,
    };
  }
  for (const [name, rule] of Object.entries(fields)) {
    const value = (body as TaskInput)[name];
    if (value === undefined) {
      if (rule.required)
        return { field: name, message: `${name} is required for model ${model}: ${rule.expects}` };
      continue;
    }
    const message = rule.check(value, name);
    if (message) return { field: name, message };
  }
  return across?.(body as TaskInput);
}

export function videoSeconds(model: Model, input: TaskInput): number {
  return SPECS[model].videoSeconds(input);
}

export function processingMs(model: Model, input: TaskInput): number {
  const timing = TIMINGS[model];
  return timing.baseMs + timing.perVideoSecondMs * videoSeconds(model, input);
}

/** The output clip: the requested ratio when it is one of the assets; 16:9 for image models and the rest. */
export function aspectRatioOf(input: TaskInput): AspectRatio {
  const ratio = input.aspectRatio;
  return (ASPECT_RATIOS as readonly unknown[]).includes(ratio) ? (ratio as AspectRatio) : '16:9';
}
