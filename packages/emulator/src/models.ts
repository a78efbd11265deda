// The five models of the API document: their fields, credit prices, output aspect ratio and how long
// they take to render at speed 1. The README's timing table mirrors TIMINGS.
import {
  type FieldRule,
  imageField,
  nonEmptyString,
  oneOf,
  optionalStringOrNull,
  promptList,
} from './fields';

export const MODELS = ['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3'] as const;
export type Model = (typeof MODELS)[number];
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type TaskInput = Record<string, unknown>;

/** Seconds of video per long-video segment, and the most segments one task may have. */
export const LV_SEGMENT_SECONDS = 5;
export const LV_MAX_SEGMENTS = 6;

interface ModelSpec {
  fields: Record<string, FieldRule>;
  /** Seconds of video the task produces. */
  videoSeconds(input: TaskInput): number;
  /** Credits per second of video. */
  rate: number;
}

const V1_DURATIONS = ['5', '8'] as const;
const V3_DURATIONS = ['5', '10', '15', '20'] as const;
const byDuration = (input: TaskInput) => Number(input.duration);

const SPECS: Record<Model, ModelSpec> = {
  t2v: {
    fields: { prompt: nonEmptyString(), aspectRatio: oneOf(ASPECT_RATIOS), duration: oneOf(V1_DURATIONS) },
    videoSeconds: byDuration,
    rate: 1,
  },
  i2v: {
    fields: { image: imageField(), prompt: optionalStringOrNull(), duration: oneOf(V1_DURATIONS) },
    videoSeconds: byDuration,
    rate: 1,
  },
  lv: {
    fields: { image: imageField(), prompt: promptList(LV_MAX_SEGMENTS) },
    videoSeconds: (input) => (input.prompt as unknown[]).length * LV_SEGMENT_SECONDS,
    rate: 15,
  },
  t2v_v3: {
    fields: { prompt: nonEmptyString(), aspectRatio: oneOf(ASPECT_RATIOS), duration: oneOf(V3_DURATIONS) },
    videoSeconds: byDuration,
    rate: 10,
  },
  i2v_v3: {
    fields: { image: imageField(), prompt: optionalStringOrNull(), duration: oneOf(V3_DURATIONS) },
    videoSeconds: byDuration,
    rate: 10,
  },
};

/** Render timings at speed 1, in milliseconds: queued, then processing = base + perVideoSecond x seconds. */
export const TIMINGS: Record<Model, { queueMs: number; baseMs: number; perVideoSecondMs: number }> = {
  t2v: { queueMs: 3_000, baseMs: 20_000, perVideoSecondMs: 4_000 },
  i2v: { queueMs: 3_000, baseMs: 20_000, perVideoSecondMs: 4_000 },
  t2v_v3: { queueMs: 5_000, baseMs: 40_000, perVideoSecondMs: 8_000 },
  i2v_v3: { queueMs: 5_000, baseMs: 40_000, perVideoSecondMs: 8_000 },
  lv: { queueMs: 5_000, baseMs: 60_000, perVideoSecondMs: 8_000 },
};

export function isModel(value: string): value is Model {
  return (MODELS as readonly string[]).includes(value);
}

/** Checks a parsed body against the model's fields; returns the first problem, or undefined. */
export function validateInput(model: Model, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return `Request body must be a JSON object with the fields of model ${model}`;
  }
  const { fields } = SPECS[model];
  const allowed = Object.keys(fields);
  const unknown = Object.keys(body).find((name) => !allowed.includes(name));
  if (unknown !== undefined) {
    return `Unknown field "${unknown}" for model ${model}; allowed fields: ${allowed.join(', ')}`;
  }
  for (const [name, rule] of Object.entries(fields)) {
    const value = (body as TaskInput)[name];
    if (value === undefined) {
      if (rule.required) return `${name} is required for model ${model}: ${rule.expects}`;
      continue;
    }
    const problem = rule.check(value, name);
    if (problem) return problem;
  }
  return undefined;
}

/** The document's prices: t2v/i2v duration x 1, *_v3 duration x 10, lv prompts x 5 x 15. */
export function creditsFor(model: Model, input: TaskInput): number {
  const spec = SPECS[model];
  return spec.videoSeconds(input) * spec.rate;
}

export function processingMs(model: Model, input: TaskInput): number {
  const timing = TIMINGS[model];
  return timing.baseMs + timing.perVideoSecondMs * SPECS[model].videoSeconds(input);
}

/** Image models animate the given image; the emulator answers them with its 16:9 clip. */
export function aspectRatioOf(input: TaskInput): AspectRatio {
  const ratio = input.aspectRatio;
  return (ASPECT_RATIOS as readonly unknown[]).includes(ratio) ? (ratio as AspectRatio) : '16:9';
}
