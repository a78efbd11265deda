// Tool input and output schemas: flat objects, enums for choices, durations as the documented strings,
// no transforms (every framework converts them to JSON Schema). Model enums are narrowed to the models
// the tool set allows.
import { z } from 'zod';
import type { MINIMAX_ASPECT_RATIOS, MinimaxResolution, MinimaxTier } from '../minimax';
import { durationChoices, durationText, MODEL_TABLE, rateText } from '../model-table';
import { type AspectRatio, LV_MAX_PROMPTS, type ModelName, promptText, TASK_STATUSES } from '../models';
import {
  durationFieldText,
  enumChoices,
  modelFieldText,
  onlyForText,
  promptRequiredBy,
} from './model-choice';

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** Every duration a tool may take: the documented models' strings and minimax's 5 to 20. */
export type ToolDuration = `${5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20}`;
type Choice<T extends string> = z.ZodOptional<z.ZodEnum<{ [K in T]: K }>>;
/**
 * The static type of the model-dependent fields. At run time each enum holds only what the allowed
 * models offer, and a field no allowed model has is left out.
 */
interface ModelFields {
  model: Choice<ModelName>;
  duration: Choice<ToolDuration>;
  resolution: Choice<MinimaxResolution>;
  tier: Choice<MinimaxTier>;
}
type AspectRatioField = { aspectRatio: Choice<AspectRatio | (typeof MINIMAX_ASPECT_RATIOS)[number]> };

const image = z
  .string()
  .min(1)
  .describe(
    'The image to animate: a public https URL or a data:image/...;base64 URL (a local file path only if the app allows local files)',
  );
const taskId = z.string().min(1).describe('The task id returned when the video was submitted');

/** Optional enum fields that only some models have (aspectRatio, resolution, tier), when one of `models` has them. */
function optionalEnums(models: readonly ModelName[], names: readonly string[]) {
  const fields: Record<string, z.ZodOptional<z.ZodEnum>> = {};
  for (const name of names) {
    const values = enumChoices(models, name);
    if (values.length > 0) fields[name] = enumOf(values).optional().describe(onlyForText(models, name));
  }
  return fields;
}

/** The duration field of `models` (left out when none of them takes a duration, as lv alone). */
function durationField(models: readonly ModelName[]) {
  const choices = durationChoices(models);
  if (choices.length === 0) return {};
  const timed = models.filter((model) => durationChoices([model]).length > 0);
  return { duration: enumOf(choices).optional().describe(durationFieldText(timed)) };
}

function modelFields(models: readonly ModelName[], enums: readonly string[]): ModelFields {
  return {
    model: enumOf(models).optional().describe(modelFieldText(models)),
    ...durationField(models),
    ...optionalEnums(models, enums),
  } as unknown as ModelFields;
}

export function textToVideoInput(models: readonly ModelName[]) {
  return z.object({
    prompt: promptText.min(1).describe('What the video should show: subject, action, scene, style, camera'),
    ...(modelFields(models, ['aspectRatio', 'resolution', 'tier']) as ModelFields & AspectRatioField),
  });
}

export function imageToVideoInput(models: readonly ModelName[]) {
  const required = promptRequiredBy(models);
  const when = required.length > 0 ? ` (required for ${required.join(', ')})` : '';
  return z.object({
    image,
    prompt: promptText.optional().describe(`How the image should move or change${when}`),
    ...modelFields(models, ['resolution', 'tier']),
  });
}

export const longVideoInput = z.object({
  image: image.describe(
    'First frame of the video: a public https URL or a data:image/...;base64 URL (a local file path only if allowed)',
  ),
  prompts: z
    .array(promptText.min(1))
    .min(1)
    .max(LV_MAX_PROMPTS)
    .describe(`One prompt per segment, in order (lv: ${durationText('lv')}; ${rateText('lv')})`),
});

export const taskIdInput = z.object({ taskId });

export const listTasksInput = z.object({
  limit: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('How many of the newest tasks to return (default 10)'),
  status: z.enum(TASK_STATUSES).optional().describe('Only tasks with this status'),
});

/** The estimate tool's fields; a field no allowed model takes is left out at run time. */
interface EstimateFields extends Pick<ModelFields, 'duration' | 'resolution' | 'tier'> {
  model: z.ZodEnum<{ [K in ModelName]: K }>;
  promptCount: z.ZodOptional<z.ZodNumber>;
}

export function estimateInput(models: readonly ModelName[]) {
  const segmented = models.filter((model) => 'perPrompt' in MODEL_TABLE[model].durations);
  const promptCount = z
    .number()
    .int()
    .min(1)
    .max(LV_MAX_PROMPTS)
    .optional()
    .describe(`Number of segment prompts, for ${segmented.join(', ')} only`);
  return z.object({
    model: enumOf(models).describe('The model to price'),
    ...durationField(models),
    ...(segmented.length > 0 ? { promptCount } : {}),
    ...optionalEnums(models, ['resolution', 'tier']),
  } as unknown as EstimateFields);
}

export const videoTaskOutput = z.object({
  taskId: z.string(),
  status: z.string().describe('SUBMITTED, PROGRESS, COMPLETED, FAILED or CANCEL'),
  model: z.string().optional(),
  videoUrls: z.array(z.string()).describe('URLs of the finished video (empty until COMPLETED)'),
  creditsCharged: z.number().optional().describe('Credits this task costs (0 once refunded)'),
  message: z.string().describe('What happened and what to do next'),
});
export type VideoTaskOutput = z.infer<typeof videoTaskOutput>;

export const listTasksOutput = z.object({
  tasks: z.array(
    z.object({
      taskId: z.string(),
      status: z.string(),
      model: z.string().optional(),
      createdAt: z.string().optional(),
      videoUrls: z.array(z.string()),
    }),
  ),
  message: z.string(),
});
export type ListTasksOutput = z.infer<typeof listTasksOutput>;

export const estimateOutput = z.object({
  model: z.string(),
  credits: z.number(),
  source: z
    .enum(['server', 'estimate'])
    .optional()
    .describe("'server': the server's quote; 'estimate': the list price computed locally"),
  message: z.string().describe('Where the price comes from, and the list-price formula'),
});
export type EstimateOutput = z.infer<typeof estimateOutput>;
