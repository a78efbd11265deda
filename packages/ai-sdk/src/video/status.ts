// One status check of a task, read through the client's shared watcher: while several checks are due
// together (many videos in flight on one provider) one GET /api/v1/tasks answers all of them, and every
// read goes through the client's rate limiter. The check ends at the first state the watcher learns.
import type { Experimental_VideoModelV4OperationStatusResult as StatusResult } from '@ai-sdk/provider';
import {
  type AIVideoMaker,
  getVideoUrls,
  isTerminalStatus,
  type Task,
  TaskCancelledError,
  TaskFailedError,
  type TaskStatusValue,
  WaitTimeoutError,
} from '@aivideomaker/core';

/** A check that learns nothing for this long (the API unreachable) answers "pending"; the SDK asks again. */
const CHECK_TIMEOUT_MS = 60_000;
const PENDING = Symbol('pending');

/** The task when it has ended, else its current status. */
export async function checkTask(
  client: AIVideoMaker,
  taskId: string,
  signal: AbortSignal | undefined,
): Promise<Task | TaskStatusValue> {
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward, { once: true });
  let status: TaskStatusValue | undefined;
  try {
    return await client.tasks.wait(taskId, {
      signal: stop.signal,
      timeoutMs: CHECK_TIMEOUT_MS,
      onUpdate: (update) => {
        status = update.status;
        if (!isTerminalStatus(update.status)) stop.abort(PENDING);
      },
    });
  } catch (error) {
    if (stop.signal.reason === PENDING && status !== undefined) return status;
    if (error instanceof TaskFailedError || error instanceof TaskCancelledError) return error.task;
    if (error instanceof WaitTimeoutError) return error.lastStatus ?? 'SUBMITTED';
    throw error;
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}

/** Why a task ended without a video, for the error the SDK throws: the reason, if the API gave one. */
function reasonOf(task: Task): string {
  const output = task.output as { error?: unknown; msg?: unknown; message?: unknown } | null | undefined;
  const reason = [output?.error, output?.msg, output?.message, task.message, task.error].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return reason ? ` Reason: ${reason.trim().replace(/\.$/, '')}.` : '';
}

export function failureMessage(task: Task): string {
  if (task.status === 'FAILED') return `${new TaskFailedError(task).message}${reasonOf(task)}`;
  return `${new TaskCancelledError(task).message}${reasonOf(task)} A task can only be cancelled while it is queued, and its credits were refunded.`;
}

type Response = StatusResult['response'];

/** The SDK's view of what checkTask found. */
export function toStatusResult(found: Task | TaskStatusValue, response: Response): StatusResult {
  if (typeof found === 'string') return { status: 'pending', response };
  if (found.status === 'FAILED' || found.status === 'CANCEL') {
    return { status: 'error', error: failureMessage(found), response };
  }
  if (found.status !== 'COMPLETED') return { status: 'pending', response };
  const urls = getVideoUrls(found);
  if (urls.length === 0) {
    return {
      status: 'error',
      error: `Task ${found.id} completed but its output holds no video URL.`,
      response,
    };
  }
  return {
    status: 'completed',
    videos: urls.map((url) => ({ type: 'url', url, mediaType: 'video/mp4' })),
    warnings: [],
    providerMetadata: {
      aivideomaker: {
        taskId: found.id,
        // The files are kept for a limited time (24 h on the live service): download them promptly.
        videos: urls.map((url) => ({ url })),
        completedAt: found.completedAt ?? null,
      },
    },
    response,
  };
}
