// The five models of the API document, exactly, plus the live service's `minimax` (minimax.ts): their
// fields (zod 4, no transforms, so the schemas convert to JSON Schema), allowed durations, aspect ratios
// and the task status values.
import { z } from 'zod';
import { MinimaxInputSchema } from './minimax';
import { promptText, requiredPrompt } from './prompt';

export { MAX_PROMPT_CHARS, promptText } from './prompt';

/** The models of the API document, which every server offers. */
export const DOCUMENTED_MODELS = ['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3'] as const;
/** Every model this client knows: the documented ones and the live service's `minimax`. */
export const MODEL_NAMES = [...DOCUMENTED_MODELS, 'minimax'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** Allowed `duration` values (seconds, sent as strings) per model; `lv` has none (5 s per prompt). */
export const MODEL_DURATIONS = {
  t2v: ['5', '8'],
  i2v: ['5', '8'],
  t2v_v3: ['5', '10', '15', '20'],
  i2v_v3: ['5', '10', '15', '20'],
} as const;
export type TimedModel = keyof typeof MODEL_DURATIONS;
export const ALL_DURATIONS = ['5', '8', '10', '15', '20'] as const;
export type Duration = (typeof ALL_DURATIONS)[number];

/** Long video: each prompt is one 5-second segment, 1 to 6 prompts. */
export const LV_SEGMENT_SECONDS = 5;
export const LV_MAX_PROMPTS = 6;

export const TASK_STATUSES = ['SUBMITTED', 'PROGRESS', 'COMPLETED', 'FAILED', 'CANCEL'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TERMINAL_STATUSES: readonly TaskStatus[] = ['COMPLETED', 'FAILED', 'CANCEL'];

export function isTerminalStatus(status: string | undefined): boolean {
  return (TERMINAL_STATUSES as readonly (string | undefined)[]).includes(status);
}

export function isModelName(value: unknown): value is ModelName {
  return typeof value === 'string' && (MODEL_NAMES as readonly string[]).includes(value);
}

const IMAGE_REF = /^(https?:\/\/[^\s]+|data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+={0,2})$/i;
const prompt = requiredPrompt.describe('Text prompt describing the video');
const image = z
  .string()
  .regex(IMAGE_REF, 'must be a public http(s) image URL or a data:image/<type>;base64,<data> URL')
  .describe('Public image URL or data:image/...;base64,...');
const optionalPrompt = promptText.nullable().optional().describe('Optional text prompt');
const aspectRatio = z.enum(ASPECT_RATIOS).describe('Aspect ratio of the video');

export const T2VInputSchema = z.strictObject({
  prompt,
  aspectRatio,
  duration: z.enum(MODEL_DURATIONS.t2v).describe('Seconds of video'),
});
export const I2VInputSchema = z.strictObject({
  image,
  prompt: optionalPrompt,
  duration: z.enum(MODEL_DURATIONS.i2v).describe('Seconds of video'),
});
export const LVInputSchema = z.strictObject({
  image: image.describe('First-frame image: public URL or data:image/...;base64,...'),
  prompt: z
    .array(prompt)
    .min(1)
    .max(LV_MAX_PROMPTS)
    .describe(`One prompt per ${LV_SEGMENT_SECONDS}-second segment, 1 to ${LV_MAX_PROMPTS}`),
});
export const T2VV3InputSchema = z.strictObject({
  prompt,
  aspectRatio,
  duration: z.enum(MODEL_DURATIONS.t2v_v3).describe('Seconds of video'),
});
export const I2VV3InputSchema = z.strictObject({
  image,
  prompt: optionalPrompt,
  duration: z.enum(MODEL_DURATIONS.i2v_v3).describe('Seconds of video'),
});

/** The wire body schema of each model (what is sent to POST /api/v1/generate/{model}). */
export const MODEL_INPUT_SCHEMAS = {
  t2v: T2VInputSchema,
  i2v: I2VInputSchema,
  lv: LVInputSchema,
  t2v_v3: T2VV3InputSchema,
  i2v_v3: I2VV3InputSchema,
  minimax: MinimaxInputSchema,
} as const;

/** The exact wire body of a model. */
export type WireInput<M extends ModelName> = z.infer<(typeof MODEL_INPUT_SCHEMAS)[M]>;

type NumericDuration<D> = D extends `${infer N extends number}` ? N : never;
/**
 * What `generate` accepts: the wire body, where a documented model's `duration` may also be a number
 * (8 for "8"). minimax's duration is a number on the wire.
 */
export type ModelInput<M extends ModelName> =
  WireInput<M> extends { duration: infer D }
    ? Omit<WireInput<M>, 'duration'> & { duration: D | NumericDuration<D> }
    : WireInput<M>;
