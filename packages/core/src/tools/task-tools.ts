// The free tools: get_video_task, cancel_video_task, list_video_tasks, estimate_video_credits.
import { describeCredits, estimateCredits } from '../credits';
import { InputValidationError } from '../errors';
import { MODEL_TABLE, priceText } from '../model-table';
import { isModelName, type ModelInput, type ModelName } from '../models';
import type { Task } from '../responses';
import { expiryNote } from '../retention';
import { assertDuration } from '../validate';
import { getVideoUrls } from '../video-urls';
import type { ToolSetContext } from './context';
import { type ToolArgs, toolBody } from './model-body';
import { parseToolInput, withRule } from './parse';
import {
  type EstimateOutput,
  estimateInput,
  estimateOutput,
  type ListTasksOutput,
  listTasksInput,
  listTasksOutput,
  taskIdInput,
  type VideoTaskOutput,
  videoTaskOutput,
} from './schemas';
import { estimateText, listText, taskText } from './text';
import type { VideoToolSpec } from './types';

/** Credits a task costs now: the server's figure, else its list price; 0 once refunded (FAILED, CANCEL). */
function creditsOf(task: Task): number | undefined {
  if (task.status === 'FAILED' || task.status === 'CANCEL') return 0;
  if (typeof task.creditsCharged === 'number') return task.creditsCharged;
  if (!isModelName(task.model) || !task.input) return undefined;
  try {
    return estimateCredits(task.model, task.input);
  } catch {
    return undefined;
  }
}

const NEXT_STEP: Record<string, string> = {
  SUBMITTED: 'Queued; check again in a minute.',
  PROGRESS: 'Rendering; check again in a minute.',
  COMPLETED: 'The video is ready.',
  FAILED: 'The task failed; its credits were refunded.',
  CANCEL: 'The task was cancelled; its credits were refunded.',
};

function taskOutput(task: Task): VideoTaskOutput {
  const credits = creditsOf(task);
  return {
    taskId: task.id,
    status: task.status,
    ...(typeof task.model === 'string' ? { model: task.model } : {}),
    videoUrls: task.status === 'COMPLETED' ? getVideoUrls(task) : [],
    ...(credits === undefined ? {} : { creditsCharged: credits }),
    message:
      task.status === 'COMPLETED'
        ? `${NEXT_STEP.COMPLETED} ${expiryNote(`download it now (e.g. aivideomaker download ${task.id})`)}`
        : (NEXT_STEP[task.status] ?? `Status ${task.status}.`),
  };
}

export function getTaskTool(ctx: ToolSetContext): VideoToolSpec {
  return {
    name: 'get_video_task',
    title: 'Get video task',
    description:
      'Check a video task by its id: status (SUBMITTED, PROGRESS, COMPLETED, FAILED, CANCEL) and, once COMPLETED, the video URL. Free. Use it for tasks submitted earlier that were not finished yet.',
    inputSchema: taskIdInput,
    outputSchema: videoTaskOutput,
    paid: false,
    async execute(input, call) {
      const { taskId } = parseToolInput(taskIdInput, input);
      const task = await ctx.client().tasks.get(taskId, { signal: call?.signal });
      if (task.status === 'FAILED' || task.status === 'CANCEL') ctx.budget.refund(task.id);
      return taskOutput(task);
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}

export function cancelTaskTool(ctx: ToolSetContext): VideoToolSpec {
  return {
    name: 'cancel_video_task',
    title: 'Cancel video task',
    description:
      'Cancel a video task that is still SUBMITTED (queued); its credits are refunded. A task already in PROGRESS or finished cannot be cancelled.',
    inputSchema: taskIdInput,
    outputSchema: videoTaskOutput,
    paid: false,
    async execute(input, call) {
      const { taskId } = parseToolInput(taskIdInput, input);
      const result = await ctx.client().tasks.cancel(taskId, { signal: call?.signal });
      ctx.budget.refund(taskId);
      return {
        taskId,
        status: result.status,
        videoUrls: [],
        creditsCharged: 0,
        message:
          typeof result.message === 'string' && result.message
            ? result.message
            : 'Task cancelled; its credits were refunded.',
      };
    },
    toModelText: (output: VideoTaskOutput) => taskText(output),
  };
}

export function listTasksTool(ctx: ToolSetContext): VideoToolSpec {
  return {
    name: 'list_video_tasks',
    title: 'List video tasks',
    description:
      'List the newest video tasks of this account (id, status, model, creation time, video URL when done). Free. Use it to find a task id, or to check whether a submission went through before submitting again.',
    inputSchema: listTasksInput,
    outputSchema: listTasksOutput,
    paid: false,
    async execute(input, call): Promise<ListTasksOutput> {
      const { limit = 10, status } = parseToolInput(listTasksInput, input);
      const all = await ctx.client().tasks.list({ signal: call?.signal });
      const tasks = all.filter((task) => !status || task.status === status).slice(0, limit);
      return {
        tasks: tasks.map((task) => ({
          taskId: task.id,
          status: task.status,
          ...(typeof task.model === 'string' ? { model: task.model } : {}),
          ...(typeof task.createdAt === 'string' ? { createdAt: task.createdAt } : {}),
          videoUrls: task.status === 'COMPLETED' ? getVideoUrls(task) : [],
        })),
        message: `${tasks.length} task(s)${status ? ` with status ${status}` : ''}, newest first.`,
      };
    },
    toModelText: (output: ListTasksOutput) => listText(output),
  };
}

export function estimateTool(ctx: ToolSetContext): VideoToolSpec {
  const rule = (value: { model: string; duration?: string | undefined }) =>
    assertDuration(value.model as ModelName, value.duration, ctx.allowedModels);
  const inputSchema = withRule(estimateInput(ctx.allowedModels), rule);
  return {
    name: 'estimate_video_credits',
    title: 'Estimate video credits',
    description: `Price a video before creating it, without spending anything: the server's quote where it offers one (the authority: the live service may charge more than the list price), else the list price. List prices: ${ctx.allowedModels.map((model) => `${model} ${priceText(model)}`).join('; ')}.`,
    inputSchema,
    outputSchema: estimateOutput,
    paid: false,
    async execute(input, call): Promise<EstimateOutput> {
      const value = parseToolInput(inputSchema, input) as ToolArgs & { model: string; promptCount?: number };
      const model = value.model as ModelName;
      const body = priceProbe(model, value);
      const formula = describeCredits(model, body);
      const quote = await quoteOrEstimate(ctx, model, body, call?.signal);
      const source =
        quote.source === 'server' ? `server quote (list price: ${formula})` : `list price: ${formula}`;
      return { model, credits: quote.credits, source: quote.source, message: source };
    },
    toModelText: (output: EstimateOutput) => estimateText(output),
  };
}

/** A representative input to price (the price depends on duration, prompt count, resolution, tier only). */
function priceProbe(model: ModelName, value: ToolArgs & { promptCount?: number }): Record<string, unknown> {
  const { tools, durations } = MODEL_TABLE[model];
  if ('perPrompt' in durations) {
    const prompts = Array.from({ length: value.promptCount ?? 1 }, (_, index) => `segment ${index + 1}`);
    return { image: PROBE_IMAGE, prompt: prompts };
  }
  // A model only image_to_video offers needs an image to be a whole input the server can quote.
  const image = tools.includes('text_to_video') ? undefined : PROBE_IMAGE;
  return toolBody(model, { ...value, prompt: 'price check', image }, [model]);
}

const PROBE_IMAGE = 'https://example.com/first-frame.png';

/** The server's quote; the local list price when there is no key, no quote route or no answer. */
async function quoteOrEstimate(
  ctx: ToolSetContext,
  model: ModelName,
  body: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<{ credits: number; source: 'server' | 'estimate' }> {
  try {
    return await ctx.client().quote(model, body as ModelInput<ModelName>, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted || error instanceof InputValidationError) throw error;
    return { credits: estimateCredits(model, body), source: 'estimate' };
  }
}
