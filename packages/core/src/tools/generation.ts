// The three paid tools: text_to_video, image_to_video, long_video.
import { describeCredits } from '../credits';
import { describeModel, modelsOfTool } from '../model-table';
import { LV_MAX_PROMPTS, LV_SEGMENT_SECONDS, type ModelName } from '../models';
import { assertDuration } from '../validate';
import { allowedOf, assertAllowed, type ToolSetContext } from './context';
import { resolveImageArg } from './image-arg';
import { type ToolArgs, toolBody } from './model-body';
import { parseToolInput, withRule } from './parse';
import {
  imageToVideoInput,
  longVideoInput,
  textToVideoInput,
  type VideoTaskOutput,
  videoTaskOutput,
} from './schemas';
import { submitAndWait } from './submit';
import { taskText } from './text';
import type { VideoToolSpec } from './types';

/** A short bound in seconds: hosts such as MCP clients set bounds under a minute, which "1 min" misstates. */
function span(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

function waitNote(ctx: ToolSetContext): string {
  return ctx.wait
    ? `Generation takes minutes; this tool waits for the video (up to ${span(ctx.wait.timeoutMs)}), then returns its URL. If it is not ready by then, it returns the task id: check later with get_video_task.`
    : 'Generation takes minutes; this tool returns a task id at once: check it later with get_video_task.';
}

const COST_NOTE =
  'Credits are charged when the task is submitted and refunded automatically if it fails; the price is asked from the server first where it offers a quote. Video URLs expire (24 h on the live service).';

type ModelTool = 'text_to_video' | 'image_to_video';

const TOOL_TEXT: Record<ModelTool, { title: string; what: string; schema: typeof textToVideoInput }> = {
  text_to_video: {
    title: 'Text to video',
    what: 'Create a video from a text prompt (AI Video Maker).',
    schema: textToVideoInput,
  },
  image_to_video: {
    title: 'Image to video',
    what: 'Animate a still image into a video (AI Video Maker), optionally guided by a prompt.',
    schema: imageToVideoInput as unknown as typeof textToVideoInput,
  },
};

/** text_to_video and image_to_video: the same shape, their models and fields from the model table. */
function modelTool(ctx: ToolSetContext, name: ModelTool): VideoToolSpec | undefined {
  const models = allowedOf(ctx, modelsOfTool(name));
  const first = models[0];
  if (!first) return undefined;
  const rule = (value: { model?: string | undefined; duration?: string | undefined }) =>
    assertDuration((value.model ?? first) as ModelName, value.duration, models);
  const text = TOOL_TEXT[name];
  const inputSchema = withRule(text.schema(models), rule);
  return {
    name,
    title: text.title,
    description: `${text.what} Models: ${models.map(describeModel).join('. ')}. ${COST_NOTE} ${waitNote(ctx)}`,
    inputSchema,
    outputSchema: videoTaskOutput,
    paid: true,
    async execute(input, call) {
      const value = parseToolInput(inputSchema, input) as ToolArgs & { model?: string };
      const model = (value.model ?? first) as ModelName;
      assertAllowed(model, models);
      const image = value.image === undefined ? undefined : await resolveImageArg(ctx, value.image);
      return submitAndWait(ctx, model, toolBody(model, { ...value, image }, models), call);
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}

export const textToVideoTool = (ctx: ToolSetContext) => modelTool(ctx, 'text_to_video');
export const imageToVideoTool = (ctx: ToolSetContext) => modelTool(ctx, 'image_to_video');

export function longVideoTool(ctx: ToolSetContext): VideoToolSpec | undefined {
  if (!ctx.allowedModels.includes('lv')) return undefined;
  return {
    name: 'long_video',
    title: 'Long video',
    description: `Create a longer video (up to ${LV_SEGMENT_SECONDS * LV_MAX_PROMPTS} s) from a first-frame image and segment prompts. Model ${describeModel('lv')} (e.g. ${describeCredits('lv', { prompt: ['a', 'b'] })}). ${COST_NOTE} ${waitNote(ctx)}`,
    inputSchema: longVideoInput,
    outputSchema: videoTaskOutput,
    paid: true,
    async execute(input, call) {
      const value = parseToolInput(longVideoInput, input);
      const image = await resolveImageArg(ctx, value.image);
      return submitAndWait(ctx, 'lv', { image, prompt: value.prompts }, call);
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}
