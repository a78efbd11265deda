// The data of the video workflow between its steps. Model names, model fields and the task output come
// from core; only what the workflow itself adds (approval, suspension payloads) is declared here.
import { MODEL_NAMES, type ModelInput, type ModelName, type Task } from '@aivideomaker/core';
import { videoTaskOutput } from '@aivideomaker/core/internal';
import type { VideoProgressEvent } from '@aivideomaker/core/tools';
import { z } from 'zod';

const model = z.enum(MODEL_NAMES).describe(`The model: ${MODEL_NAMES.join(', ')}`);
// Checked by core (toWireInput) in the first step, whose errors name the field and the allowed values.
const modelInput = z
  .record(z.string(), z.unknown())
  .describe('The fields of the model as in the API, e.g. { prompt, aspectRatio: "16:9", duration: "5" }');
const task = z
  .looseObject({ id: z.string(), status: z.string() })
  .describe('The task as the API returns it (GET /api/v1/tasks/{id})');

/** What a run starts with: a model and its input (duration may be a number or the documented string). */
export type VideoWorkflowInput = { [M in ModelName]: { model: M; input: ModelInput<M> } }[ModelName];
export const videoWorkflowInput = z.object({
  model,
  input: modelInput,
}) as unknown as z.ZodType<VideoWorkflowInput>;

/** A validated and priced request (input is the exact wire body). */
export const preparedVideo = z.object({
  model,
  input: modelInput,
  credits: z.number().describe('Credits the video will cost'),
});
export type PreparedVideo = z.infer<typeof preparedVideo>;

/** What the approval gate suspends with: the request, its price and a line to show the approver. */
export const approvalRequest = preparedVideo.extend({ message: z.string() });
export type ApprovalRequest = z.infer<typeof approvalRequest>;

/** The answer that resumes the approval gate. */
export const approvalDecision = z.object({
  approved: z.boolean(),
  reason: z.string().optional().describe('Why, when declined; kept in the result message'),
});
export type ApprovalDecision = z.infer<typeof approvalDecision>;

export const submittedVideo = z.object({
  taskId: z.string(),
  status: z.string(),
  model,
  credits: z.number(),
  // Optional: runs stored by an earlier version lack them (their progress falls back, see progress.ts).
  tool: z
    .enum(['text_to_video', 'image_to_video', 'long_video'])
    .optional()
    .describe('The tool the run stands for'),
  submittedAt: z.number().optional().describe('When the task was submitted (epoch ms)'),
});
export type SubmittedVideo = z.infer<typeof submittedVideo>;

/** What the wait step suspends with; the task id is also the resume label. */
export const waitingForVideo = z.object({ taskId: z.string(), status: z.string(), message: z.string() });
export type WaitingForVideo = z.infer<typeof waitingForVideo>;

/** What resumes the wait step: the task, confirmed with the API (core's webhook handler does that). */
export const taskUpdate = z.object({ task });
export interface TaskUpdateData {
  task: Task;
}

/**
 * One status change: core's progress chunk, the tools' own, streamed by `run.stream()` as a chunk of type
 * `data-video-progress` (`isVideoProgressEvent` tells it apart).
 */
export type VideoWorkflowProgress = VideoProgressEvent;

/** The result: core's video task output plus the raw task; no taskId when the approval was declined. */
export const videoWorkflowOutput = videoTaskOutput.extend({
  taskId: z.string().optional().describe('Absent when the approval was declined (nothing was submitted)'),
  task: task.optional(),
});
export type VideoWorkflowOutput = Omit<z.infer<typeof videoWorkflowOutput>, 'task'> & { task?: Task };
