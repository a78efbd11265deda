// Tool input and output schemas: flat objects, enums for choices, durations as the documented strings,
// no transforms (every framework converts them to JSON Schema). Model enums are narrowed to the models
// the tool set allows.
import { z } from 'zod';
import {
  ALL_DURATIONS,
  ASPECT_RATIOS,
  LV_MAX_PROMPTS,
  type ModelName,
  promptText,
  TASK_STATUSES,
} from '../models';

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

const image = z
  .string()
  .min(1)
  .describe(
    'The image to animate: a public https URL or a data:image/...;base64 URL (a local file path only if the app allows local files)',
  );
const taskId = z.string().min(1).describe('The task id returned when the video was submitted');

export function textToVideoInput(models: readonly ModelName[]) {
  return z.object({
    prompt: promptText.min(1).describe('What the video should show: subject, action, scene, style, camera'),
    model: enumOf(models)
      .optional()
      .describe(
        `Model (default ${models[0]}): t2v = 5 or 8 s at 1 credit/s; t2v_v3 = higher quality, 5/10/15/20 s at 10 credits/s`,
      ),
    aspectRatio: z.enum(ASPECT_RATIOS).optional().describe('Aspect ratio (default 16:9)'),
    duration: z
      .enum(ALL_DURATIONS)
      .optional()
      .describe(
        'Seconds, as a string (default "5"): t2v allows "5", "8"; t2v_v3 allows "5", "10", "15", "20"',
      ),
  });
}

export function imageToVideoInput(models: readonly ModelName[]) {
  return z.object({
    image,
    prompt: promptText.optional().describe('Optional: how the image should move or change'),
    model: enumOf(models)
      .optional()
      .describe(
        `Model (default ${models[0]}): i2v = 5 or 8 s at 1 credit/s; i2v_v3 = higher quality, 5/10/15/20 s at 10 credits/s`,
      ),
    duration: z
      .enum(ALL_DURATIONS)
      .optional()
      .describe(
        'Seconds, as a string (default "5"): i2v allows "5", "8"; i2v_v3 allows "5", "10", "15", "20"',
      ),
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
    .describe(
      `One prompt per 5-second segment, in order (1 to ${LV_MAX_PROMPTS}); each segment costs 75 credits`,
    ),
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

export function estimateInput(models: readonly ModelName[]) {
  return z.object({
    model: enumOf(models).describe('The model to price'),
    duration: z.enum(ALL_DURATIONS).optional().describe('Seconds as a string, for every model but lv'),
    promptCount: z
      .number()
      .int()
      .min(1)
      .max(LV_MAX_PROMPTS)
      .optional()
      .describe('Number of segment prompts, for lv only'),
  });
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
  message: z.string().describe('The formula used'),
});
export type EstimateOutput = z.infer<typeof estimateOutput>;
