// The work behind one task-augmented call (MCP Tasks): the spec runs detached from the request, its status
// changes become the MCP task's statusMessage (tasks/get), it keeps waiting past the tool's own bound, and
// its final output is stored for tasks/result. tasks/cancel cancels the video task through core's
// cancel_video_task spec (refund included) and is refused, with core's advice, once rendering started.
import { isTerminalStatus } from '@aivideomaker/core';
import {
  formatToolError,
  type VideoTaskOutput,
  type VideoToolProgress,
  type VideoToolSpec,
} from '@aivideomaker/core/tools';
import type { Task } from '@modelcontextprotocol/sdk/types.js';
import type { Log } from './log';
import type { KeySession } from './session';
import { errorResult, toolResult } from './tool-result';
import { getTaskAfterWait, specNamed } from './wait';

/** How long a task-augmented call keeps waiting for its video (the task's TTL is at least this). */
export const TASK_WAIT_MS = 60 * 60_000;

/** Our task statuses as MCP task statuses; a task that is still running stays 'working'. */
export function mcpTaskStatus(status: string): Task['status'] {
  if (status === 'COMPLETED') return 'completed';
  if (status === 'FAILED') return 'failed';
  if (status === 'CANCEL') return 'cancelled';
  return 'working';
}

export function runTaskInBackground(
  session: KeySession,
  spec: VideoToolSpec,
  args: unknown,
  mcpTaskId: string,
  sessionId: string | undefined,
  log: Log,
): void {
  const store = session.taskStore;
  const controller = new AbortController();
  let settleSubmitted: (taskId: string | undefined) => void = () => undefined;
  const submitted = new Promise<string | undefined>((resolve) => {
    settleSubmitted = resolve;
  });
  store.onCancel(mcpTaskId, async () => {
    // A cancel that arrives while the paid request is in flight waits for its answer: aborting it could
    // leave a charged task nobody knows about.
    const taskId = await submitted;
    const cancel = specNamed(session, 'cancel_video_task');
    try {
      if (taskId && cancel) await cancel.execute({ taskId });
    } catch (error) {
      throw new Error(formatToolError(error));
    }
    controller.abort(new Error('Cancelled by tasks/cancel'));
  });
  const onProgress = (progress: VideoToolProgress) => {
    if (progress.status === 'SUBMITTED') settleSubmitted(progress.taskId);
    store
      .updateTaskStatus(mcpTaskId, 'working', progress.message, sessionId)
      .catch((error: unknown) => log(`task status not updated: ${String(error)}`));
  };
  const call = { signal: controller.signal, onProgress };

  const finish = async (output: VideoTaskOutput) => {
    const status = mcpTaskStatus(output.status);
    const result = toolResult(spec, output);
    if (status === 'cancelled') await store.updateTaskStatus(mcpTaskId, status, output.message, sessionId);
    else if (status === 'failed')
      await store.storeTaskResult(mcpTaskId, status, { ...result, isError: true }, sessionId);
    // Still running after TASK_WAIT_MS is an answer too: it says how to check later.
    else await store.storeTaskResult(mcpTaskId, 'completed', result, sessionId);
  };

  void (async () => {
    try {
      let output = (await spec.execute(args, call)) as VideoTaskOutput;
      settleSubmitted(output.taskId);
      if (!isTerminalStatus(output.status)) {
        output = await getTaskAfterWait(
          session,
          { taskId: output.taskId },
          { timeoutMs: TASK_WAIT_MS, ...call },
        );
      }
      await finish(output);
    } catch (error) {
      settleSubmitted(undefined);
      // tasks/cancel already marked the task cancelled; the abort that followed is not a failure.
      if (controller.signal.aborted) return;
      await store.storeTaskResult(mcpTaskId, 'failed', errorResult(error), sessionId);
    }
  })().catch((error: unknown) => log(`task ${mcpTaskId} not finished: ${String(error)}`));
}
