// The shared path of every generation tool (and of the Mastra workflow's steps): the price asked first
// (the server's quote, else the list price), booked in the budget before the paid request, which carries
// X-Max-Credits so the server enforces the cap too; then the wait through the client's watcher with
// progress, turning every ending into an output the model can act on.
import { TaskCancelledError, TaskFailedError, TaskMayExistError, WaitTimeoutError } from '../errors';
import type { GenerateOptions } from '../generate';
import type { ModelInput, ModelName } from '../models';
import { toWireInput } from '../validate';
import type { Reservation } from './budget';
import type { ToolSetContext } from './context';
import { taskProgress } from './progress';
import type { VideoTaskOutput } from './schemas';
import { endedOutput } from './text';
import type { VideoToolContext } from './types';

type PaidContext = Pick<ToolSetContext, 'client' | 'budget'>;

/**
 * The price of a video, before anything is spent: the server's free quote where it offers one (the
 * authority), else the list price (learnt once per client). Refused here when it breaks a limit.
 */
export async function priceVideo(
  ctx: PaidContext,
  model: ModelName,
  wire: ModelInput<ModelName>,
  signal?: AbortSignal,
): Promise<number> {
  const { credits } = await ctx.client().quote(model, wire, signal ? { signal } : {});
  ctx.budget.check(credits, `This ${model} video`);
  return credits;
}

export interface PaidSubmission {
  taskId: string;
  status: string;
  /** The server's figure when it gives one, else the price booked. */
  credits: number;
  reservation: Reservation;
}

/**
 * The one paid request of a priced video: booked first (checked again, so parallel calls never overspend),
 * sent with X-Max-Credits = what the budget allows this call, then booked at the server's figure. A failure
 * that proves nothing was created frees the booking; one after which the task may exist keeps it.
 */
export async function submitPriced(
  ctx: PaidContext,
  model: ModelName,
  wire: ModelInput<ModelName>,
  credits: number,
  options: GenerateOptions = {},
): Promise<PaidSubmission> {
  const reservation = ctx.budget.reserve(credits, `This ${model} video`);
  const maxCredits = ctx.budget.serverCap(reservation);
  try {
    const submitted = await ctx
      .client()
      .generate(model, wire, { ...options, ...(maxCredits === undefined ? {} : { maxCredits }) });
    if (submitted.creditsSource === 'server') ctx.budget.settle(reservation, submitted.creditsCharged);
    return { taskId: submitted.taskId, status: submitted.status, credits: reservation.credits, reservation };
  } catch (error) {
    // A task that may exist (a fault or an abort after sending: TaskMayExistError, SubmitAbortedError)
    // may also have been charged: keep its credits booked. Every other failure proves nothing was charged.
    if (!(error instanceof TaskMayExistError)) ctx.budget.release(reservation);
    throw error;
  }
}

export async function submitAndWait(
  ctx: ToolSetContext,
  model: ModelName,
  input: Record<string, unknown>,
  call: VideoToolContext = {},
): Promise<VideoTaskOutput> {
  const wire = toWireInput(model, input, ctx.allowedModels) as ModelInput<ModelName>;
  const client = ctx.client();
  const signal = call.signal ? { signal: call.signal } : {};
  const price = await priceVideo(ctx, model, wire, call.signal);
  const { taskId, credits, reservation } = await submitPriced(ctx, model, wire, price, signal);
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
        call.onProgress?.(taskProgress(taskId, update.status, started, update.task));
      },
    });
    return endedOutput(base, task);
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
      return endedOutput(base, error.task);
    }
    throw error;
  }
}
