// The wait step. Polling mode waits through the client's watcher and writes every status change as step
// output; webhook mode (and a poll that timed out) suspends with the task id as resume label, so core's
// webhook handler, in this process or a new one on the same storage, can resume the run.
import { isAIVideoMakerError, isTerminalStatus, type Task } from '@aivideomaker/core';
import { endedOutput } from '@aivideomaker/core/internal';
import { createStep } from '@mastra/core/workflows';
import { progressWriter } from './progress';
import {
  type SubmittedVideo,
  submittedVideo,
  taskUpdate,
  type VideoWorkflowOutput,
  videoWorkflowOutput,
  waitingForVideo,
} from './schemas';
import { VIDEO_WORKFLOW_STEPS, type VideoStepContext } from './steps';

/** The tools' result for the same ending (core's), plus the raw task. */
function finished({ taskId, model, credits }: SubmittedVideo, task: Task): VideoWorkflowOutput {
  return { ...endedOutput({ taskId, model, creditsCharged: credits }, task), task };
}

export function waitStep(ctx: VideoStepContext) {
  return createStep({
    id: VIDEO_WORKFLOW_STEPS.wait,
    description: 'Wait for the video: poll with progress, or suspend until the webhook resumes the run',
    inputSchema: submittedVideo,
    outputSchema: videoWorkflowOutput,
    suspendSchema: waitingForVideo,
    resumeSchema: taskUpdate,
    execute: async ({ inputData, resumeData, suspend, writer, abortSignal }) => {
      const { taskId } = inputData;
      const status = progressWriter(writer, inputData, inputData.status);
      const settle = async (task: Task, why: string) => {
        status.report(task.status);
        await status.flush();
        if (isTerminalStatus(task.status)) return finished(inputData, task);
        return suspend({ taskId, status: task.status, message: why }, { resumeLabel: taskId });
      };
      const onWebhook = `Waiting for the webhook of task ${taskId}; the run resumes when it arrives.`;
      // Resumed by the webhook handler with the task it confirmed with the API.
      if (resumeData) return settle(resumeData.task as Task, onWebhook);
      const client = ctx.client();
      // A task that finished before the run suspended would never be announced again: look first.
      if (ctx.webhookUrl) return settle(await client.tasks.get(taskId, { signal: abortSignal }), onWebhook);
      try {
        const task = await client.tasks.wait(taskId, {
          signal: abortSignal,
          timeoutMs: ctx.waitTimeoutMs,
          cancelOnAbort: true,
          onUpdate: (update) => status.report(update.status),
        });
        return settle(task, onWebhook);
      } catch (error) {
        // By code, not class: the client may come from another copy of core (e.g. the app's CommonJS one).
        if (isAIVideoMakerError(error, 'task_failed') || isAIVideoMakerError(error, 'task_cancelled')) {
          return settle(error.task, onWebhook);
        }
        if (!isAIVideoMakerError(error, 'wait_timeout')) throw error;
        const still = { id: taskId, status: error.lastStatus ?? inputData.status };
        const seconds = Math.round(ctx.waitTimeoutMs / 1000);
        return settle(
          still,
          `Still ${still.status} after ${seconds} s; resumeFinishedVideoRuns() resumes the run once it is done.`,
        );
      }
    },
  });
}
