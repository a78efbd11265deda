// The steps of the video workflow: prepare (validate, and price with the free quote), approve (optional
// gate), submit (the one paid request, never retried) and wait (poll with progress, or suspend for the
// webhook). Pricing and submitting are core's paid path, the one the generation tools take.
import { estimateCredits, type ModelInput, type ModelName } from '@aivideomaker/core';
import {
  assertAllowed,
  describeCredits,
  priceVideo,
  submitPriced,
  type ToolSetContext,
  toWireInput,
} from '@aivideomaker/core/internal';
import { createStep } from '@mastra/core/workflows';
import { progressWriter, workflowTool } from './progress';
import {
  approvalDecision,
  approvalRequest,
  type PreparedVideo,
  preparedVideo,
  submittedVideo,
  type VideoWorkflowOutput,
  videoWorkflowInput,
} from './schemas';

/** Step ids, e.g. `run.resume({ step: VIDEO_WORKFLOW_STEPS.approve, resumeData: { approved: true } })`. */
export const VIDEO_WORKFLOW_STEPS = {
  prepare: 'prepare',
  approve: 'approve',
  submit: 'submit',
  wait: 'wait',
} as const;

export interface VideoStepContext extends Pick<ToolSetContext, 'client' | 'budget' | 'allowedModels'> {
  /** Set in webhook mode (token included): the wait step suspends instead of polling. */
  webhookUrl: string | undefined;
  waitTimeoutMs: number;
}

export function prepareStep(ctx: VideoStepContext) {
  return createStep({
    id: VIDEO_WORKFLOW_STEPS.prepare,
    description: "Validate the input and price the video (the server's free quote; nothing is charged)",
    inputSchema: videoWorkflowInput,
    outputSchema: preparedVideo,
    execute: async ({ inputData, abortSignal }) => {
      const { model } = inputData;
      assertAllowed(model, ctx.allowedModels);
      const input = toWireInput(model, inputData.input) as ModelInput<ModelName>;
      const credits = await priceVideo(ctx, model, input, abortSignal);
      return { model, input, credits };
    },
  });
}

function declined(request: PreparedVideo, reason: string | undefined): VideoWorkflowOutput {
  return {
    status: 'DECLINED',
    model: request.model,
    videoUrls: [],
    creditsCharged: 0,
    message: `Not approved${reason ? ` (${reason})` : ''}: nothing was submitted or charged.`,
  };
}

export function approveStep() {
  return createStep({
    id: VIDEO_WORKFLOW_STEPS.approve,
    description: 'Suspend until a human approves spending the credits',
    inputSchema: preparedVideo,
    outputSchema: preparedVideo,
    suspendSchema: approvalRequest,
    resumeSchema: approvalDecision,
    execute: async ({ inputData, resumeData, suspend, bail }) => {
      if (!resumeData) {
        const { model, input, credits } = inputData;
        const listPrice = describeCredits(model, input);
        // The server's quote is what will be charged; show the list price beside it when they differ.
        const price =
          credits === estimateCredits(model, input)
            ? listPrice
            : `${credits} credits (list price: ${listPrice})`;
        return suspend({ ...inputData, message: `Approve a ${model} video for ${price}?` });
      }
      return resumeData.approved ? inputData : bail(declined(inputData, resumeData.reason));
    },
  });
}

/**
 * One key per run: a submit step run again for the same run (a restarted or re-driven run on any worker)
 * sends the same key, and a server that honours Idempotency-Key replays the task instead of charging
 * again. A server without it gets core's reconciliation only (a lost answer is looked up in tasks.list).
 */
export function runIdempotencyKey(runId: string): string {
  return `avm-run-${runId}`.slice(0, 128);
}

export function submitStep(ctx: VideoStepContext) {
  return createStep({
    id: VIDEO_WORKFLOW_STEPS.submit,
    description: 'Submit the generation (the one request that spends credits)',
    inputSchema: preparedVideo,
    outputSchema: submittedVideo,
    // A paid POST is never re-sent blindly; core reconciles an ambiguous failure itself.
    retries: 0,
    execute: async ({ inputData, writer, abortSignal, runId }) => {
      const { model } = inputData;
      const tool = workflowTool(model, inputData.input);
      const submittedAt = Date.now();
      // Booked at the prepared price and sent with X-Max-Credits where a limit is set; credits is then the
      // server's figure when it gives one.
      const { taskId, status, credits } = await submitPriced(
        ctx,
        model,
        inputData.input as ModelInput<ModelName>,
        inputData.credits,
        {
          signal: abortSignal,
          idempotencyKey: runIdempotencyKey(runId),
          ...(ctx.webhookUrl ? { webhookUrl: ctx.webhookUrl } : {}),
        },
      );
      const video = { taskId, status, model, credits, tool, submittedAt };
      const progress = progressWriter(writer, video);
      progress.report(status);
      await progress.flush();
      return video;
    },
  });
}
