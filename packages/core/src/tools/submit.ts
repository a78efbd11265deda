// The shared path of every generation tool: budget booked before the request, submit, then wait through
// the client's watcher with progress, turning every ending into an output the model can act on.
import { estimateCredits } from '../credits';
import { TaskCancelledError, TaskFailedError, TaskMayExistError, WaitTimeoutError } from '../errors';
import type { ModelInput, ModelName } from '../models';
import { toWireInput } from '../validate';
import { getVideoUrls } from '../video-urls';
import type { ToolSetContext } from './context';
import type { VideoTaskOutput } from './schemas';
import type { VideoToolContext } from './types';

export async function submitAndWait(
  ctx: ToolSetContext,
  model: ModelName,
  input: Record<string, unknown>,
  call: VideoToolContext = {},
): Promise<VideoTaskOutput> {
  const wire = toWireInput(model, input);
  const credits = estimateCredits(model, wire);
  const client = ctx.client();
  const reservation = ctx.budget.reserve(credits, `This ${model} video`);
  let taskId: string;
  try {
    ({ taskId } = await client.generate(
      model,
      wire as ModelInput<ModelName>,
      call.signal ? { signal: call.signal } : {},
    ));
  } catch (error) {
    // A task that may exist may also have been charged: keep its credits booked.
    if (!(error instanceof TaskMayExistError)) ctx.budget.release(reservation);
    throw error;
  }
  ctx.budget.bind(reservation, taskId);
  const started = Date.now();
  const base = { taskId, model, creditsCharged: credits };
  call.onProgress?.({
    taskId,
    status: 'SUBMITTED',
    elapsedMs: 0,
    message: `Submitted ${model} task ${taskId} (${credits} credits); generating takes minutes.`,
  });
  if (!ctx.wait) {
    return {
      ...base,
      status: 'SUBMITTED',
      videoUrls: [],
      message: `Submitted; ${credits} credits charged. The video takes minutes: call get_video_task with taskId "${taskId}" later to get it.`,
    };
  }
  try {
    const task = await client.tasks.wait(taskId, {
      timeoutMs: ctx.wait.timeoutMs,
      cancelOnAbort: true,
      ...(call.signal ? { signal: call.signal } : {}),
      onUpdate: (update) => {
        // The watcher's first sighting of a queued task repeats the SUBMITTED reported above.
        if (update.previousStatus === undefined && update.status === 'SUBMITTED') return;
        call.onProgress?.({
          taskId,
          status: update.status,
          elapsedMs: Date.now() - started,
          message: `Task ${taskId} is ${update.status} (${Math.round((Date.now() - started) / 1000)} s elapsed).`,
          ...(update.task ? { task: update.task } : {}),
        });
      },
    });
    const videoUrls = getVideoUrls(task);
    return {
      ...base,
      status: task.status,
      videoUrls,
      message: `Done: the ${model} video is ready (${credits} credits).`,
    };
  } catch (error) {
    if (error instanceof WaitTimeoutError) {
      return {
        ...base,
        status: error.lastStatus ?? 'SUBMITTED',
        videoUrls: [],
        message: `Still ${error.lastStatus ?? 'SUBMITTED'} after ${Math.round(ctx.wait.timeoutMs / 1000)} s; it keeps running. Call get_video_task with taskId "${taskId}" later to get the video.`,
      };
    }
    if (error instanceof TaskFailedError || error instanceof TaskCancelledError) {
      ctx.budget.refund(taskId);
      const failed = error instanceof TaskFailedError;
      return {
        ...base,
        status: error.task.status,
        creditsCharged: 0,
        videoUrls: [],
        message: failed
          ? `The task failed; its ${credits} credits were refunded. You may try again, e.g. with a different prompt.`
          : `The task was cancelled; its ${credits} credits were refunded.`,
      };
    }
    throw error;
  }
}
