// Waiting on a task that already exists, through the session client's shared watcher: used by
// get_video_task (a brief wait, so a host can collect a video in a few calls without the model looping)
// and by task-augmented calls (which keep waiting after the tool's own bounded wait). The answer is then
// whatever core's get_video_task spec says about the task, so its output never differs.
import { TaskCancelledError, TaskFailedError, WaitTimeoutError } from '@aivideomaker/core';
import { taskProgress } from '@aivideomaker/core/internal';
import type { VideoTaskOutput, VideoToolProgress, VideoToolSpec } from '@aivideomaker/core/tools';
import type { KeySession } from './session';

export interface WaitForTaskOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: VideoToolProgress) => void;
}

export function specNamed(session: KeySession, name: string): VideoToolSpec | undefined {
  return session.specs.find((spec) => spec.name === name);
}

/** Waits up to timeoutMs for the task to end (a timeout, failure or cancellation is an answer too). */
export async function waitForTask(
  session: KeySession,
  taskId: string,
  options: WaitForTaskOptions,
): Promise<void> {
  if (options.timeoutMs <= 0) return;
  const started = Date.now();
  try {
    await session.client().tasks.wait(taskId, {
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      onUpdate: (update) => options.onProgress?.(taskProgress(taskId, update.status, started)),
    });
  } catch (error) {
    const ended =
      error instanceof WaitTimeoutError ||
      error instanceof TaskFailedError ||
      error instanceof TaskCancelledError;
    if (!ended) throw error;
  }
}

/** get_video_task with a brief wait first: the spec's answer about the task after up to `timeoutMs`. */
export async function getTaskAfterWait(
  session: KeySession,
  input: { taskId: string },
  options: WaitForTaskOptions,
): Promise<VideoTaskOutput> {
  const get = specNamed(session, 'get_video_task');
  if (!get) throw new Error('get_video_task is not in this tool set');
  await waitForTask(session, input.taskId, options);
  return (await get.execute(input, options.signal ? { signal: options.signal } : {})) as VideoTaskOutput;
}
