// The three paid tools: text_to_video, image_to_video, long_video.
import { describeCredits } from '../credits';
import type { ModelName } from '../models';
import { assertDuration } from '../validate';
import { allowedOf, assertAllowed, type ToolSetContext } from './context';
import { resolveImageArg } from './image-arg';
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

const COST_NOTE = 'Credits are charged when the task is submitted and refunded automatically if it fails.';

export function textToVideoTool(ctx: ToolSetContext): VideoToolSpec | undefined {
  const models = allowedOf(ctx, ['t2v', 't2v_v3']);
  const first = models[0];
  if (!first) return undefined;
  const rule = (value: { model?: string | undefined; duration?: string | undefined }) =>
    assertDuration((value.model ?? first) as ModelName, value.duration);
  const inputSchema = withRule(textToVideoInput(models), rule);
  return {
    name: 'text_to_video',
    title: 'Text to video',
    description: `Create a video from a text prompt (AI Video Maker). Models: ${models.join(', ')}. t2v: 5 or 8 seconds, 1 credit per second. t2v_v3: higher quality, 5/10/15/20 seconds, 10 credits per second (use it for 10-20 s). ${COST_NOTE} ${waitNote(ctx)}`,
    inputSchema,
    outputSchema: videoTaskOutput,
    paid: true,
    async execute(input, call) {
      const value = parseToolInput(inputSchema, input);
      const model = (value.model ?? first) as ModelName;
      assertAllowed(model, models);
      const body = {
        prompt: value.prompt,
        aspectRatio: value.aspectRatio ?? '16:9',
        duration: value.duration ?? '5',
      };
      return submitAndWait(ctx, model, body, call);
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}

export function imageToVideoTool(ctx: ToolSetContext): VideoToolSpec | undefined {
  const models = allowedOf(ctx, ['i2v', 'i2v_v3']);
  const first = models[0];
  if (!first) return undefined;
  const rule = (value: { model?: string | undefined; duration?: string | undefined }) =>
    assertDuration((value.model ?? first) as ModelName, value.duration);
  const inputSchema = withRule(imageToVideoInput(models), rule);
  return {
    name: 'image_to_video',
    title: 'Image to video',
    description: `Animate a still image into a video (AI Video Maker), optionally guided by a prompt. Models: ${models.join(', ')}. i2v: 5 or 8 seconds, 1 credit per second. i2v_v3: higher quality, 5/10/15/20 seconds, 10 credits per second. ${COST_NOTE} ${waitNote(ctx)}`,
    inputSchema,
    outputSchema: videoTaskOutput,
    paid: true,
    async execute(input, call) {
      const value = parseToolInput(inputSchema, input);
      const model = (value.model ?? first) as ModelName;
      assertAllowed(model, models);
      const image = await resolveImageArg(ctx, value.image);
      const body = {
        image,
        ...(value.prompt ? { prompt: value.prompt } : {}),
        duration: value.duration ?? '5',
      };
      return submitAndWait(ctx, model, body, call);
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}

export function longVideoTool(ctx: ToolSetContext): VideoToolSpec | undefined {
  if (!ctx.allowedModels.includes('lv')) return undefined;
  return {
    name: 'long_video',
    title: 'Long video',
    description: `Create a longer video (5 seconds per prompt, up to 30 s) from a first-frame image and 1 to 6 segment prompts (AI Video Maker model lv). Costs 75 credits per prompt (${describeCredits('lv', { prompt: ['a', 'b'] })}). ${COST_NOTE} ${waitNote(ctx)}`,
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
