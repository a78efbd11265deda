// The shared path of every generation tool: the price asked first (the server's quote, else the list
// price), booked in the budget before the paid request, which carries X-Max-Credits so the server enforces
// the cap too; then the wait through the client's watcher with progress, turning every ending into an
// output the model can act on.
import { TaskCancelledError, TaskFailedError, TaskMayExistError, WaitTimeoutError } from '../errors';
import type { ModelInput, ModelName } from '../models';
import { expiryNote } from '../retention';
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
  const wire = toWireInput(model, input) as ModelInput<ModelName>;
  const client = ctx.client();
  const signal = call.signal ? { signal: call.signal } : {};
  const quote = await client.quote(model, wire, signal);
  const reservation = ctx.budget.reserve(quote.credits, `This ${model} video`);
  const maxCredits = ctx.budget.serverCap(reservation);
  let taskId: string;
  let credits: number;
  try {
    const submitted = await client.generate(model, wire, {
      ...signal,
      ...(maxCredits === undefined ? {} : { maxCredits }),
    });
    ({ taskId, creditsCharged: credits } = submitted);
    if (submitted.creditsSource === 'server') ctx.budget.settle(reservation, credits);
    else credits = quote.credits;
  } catch (error) {
    // A task that may exist (a fault or an abort after sending: TaskMayExistError, SubmitAbortedError)
    // may also have been charged: keep its credits booked. Every other failure proves nothing was charged.
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
      message: `Done: the ${model} video is ready (${credits} credits). ${expiryNote(`download it now (e.g. aivideomaker download ${taskId})`)}`,
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
