// Compact text for the model: the facts it needs to answer or act (id, status, URL, credits, next step),
// and the result of a video that ended, the same from the tools and from the Mastra workflow.
import type { ModelName } from '../models';
import type { Task } from '../responses';
import { expiryNote } from '../retention';
import { getVideoUrls } from '../video-urls';
import type { EstimateOutput, ListTasksOutput, VideoTaskOutput } from './schemas';

/** A submitted video that ended: COMPLETED with its URLs (and how to keep them), or FAILED/CANCEL refunded. */
export function endedOutput(
  submitted: { taskId: string; model: ModelName; creditsCharged: number },
  task: Task,
): VideoTaskOutput {
  const { taskId, model, creditsCharged: credits } = submitted;
  if (task.status === 'COMPLETED') {
    return {
      ...submitted,
      status: task.status,
      videoUrls: getVideoUrls(task),
      message: `Done: the ${model} video is ready (${credits} credits). ${expiryNote(`download it now (e.g. aivideomaker download ${taskId})`)}`,
    };
  }
  return {
    ...submitted,
    status: task.status,
    creditsCharged: 0,
    videoUrls: [],
    message:
      task.status === 'CANCEL'
        ? `The task was cancelled; its ${credits} credits were refunded.`
        : `The task failed; its ${credits} credits were refunded. You may try again, e.g. with a different prompt.`,
  };
}

export function taskText(output: VideoTaskOutput): string {
  const parts = [`Task ${output.taskId}: ${output.status}`];
  if (output.model) parts.push(`model ${output.model}`);
  if (output.creditsCharged !== undefined) parts.push(`${output.creditsCharged} credits`);
  if (output.videoUrls.length > 0) parts.push(`video: ${output.videoUrls.join(' ')}`);
  return `${parts.join('; ')}. ${output.message}`;
}

export function listText(output: ListTasksOutput): string {
  const lines = output.tasks.map((task) =>
    [task.taskId, task.status, task.model, task.createdAt, ...task.videoUrls].filter(Boolean).join(' '),
  );
  return [output.message, ...lines].join('\n');
}

export function estimateText(output: EstimateOutput): string {
  return `${output.model}: ${output.credits} credits (${output.message})`;
}
