// Compact text for the model: the facts it needs to answer or act (id, status, URL, credits, next step).
import type { EstimateOutput, ListTasksOutput, VideoTaskOutput } from './schemas';

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
