// The steps of the video workflow: prepare (validate and price, no request), approve (optional gate),
// submit (the one paid request, never retried) and wait (poll with progress, or suspend for the webhook).
import {
  type AIVideoMaker,
  BudgetExceededError,
  estimateCredits,
  type GenerateOptions,
  InputValidationError,
  type ModelInput,
  type ModelName,
} from '@aivideomaker/core';
import { describeCredits, toWireInput } from '@aivideomaker/core/internal';
import { createStep } from '@mastra/core/workflows';
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

export interface VideoStepContext {
  client(): AIVideoMaker;
  allowedModels: readonly ModelName[];
  maxCreditsPerCall: number | undefined;
  /** Set in webhook mode (token included): the wait step suspends instead of polling. */
  webhookUrl: string | undefined;
  waitTimeoutMs: number;
}

export function prepareStep(ctx: VideoStepContext) {
  return createStep({
    id: VIDEO_WORKFLOW_STEPS.prepare,
    description: 'Validate the input and price the video (no request)',
    inputSchema: videoWorkflowInput,
    outputSchema: preparedVideo,
    execute: async ({ inputData }) => {
      const { model } = inputData;
      if (!ctx.allowedModels.includes(model)) {
        throw new InputValidationError('model', `"${model}" is not allowed here`, ctx.allowedModels);
      }
      const input = toWireInput(model, inputData.input);
      const credits = estimateCredits(model, input);
      const limit = ctx.maxCreditsPerCall;
      if (limit !== undefined && credits > limit) {
        throw new BudgetExceededError(
          `This ${model} video costs ${credits} credits, more than the ${limit}-credit limit per run; nothing was submitted.`,
          credits,
          limit,
        );
      }
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
        const price = describeCredits(inputData.model, inputData.input);
        return suspend({ ...inputData, message: `Approve a ${inputData.model} video for ${price}?` });
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
      const { model, credits } = inputData;
      const options: GenerateOptions & { idempotencyKey?: string } = {
        signal: abortSignal,
        idempotencyKey: runIdempotencyKey(runId),
        ...(ctx.webhookUrl ? { webhookUrl: ctx.webhookUrl } : {}),
      };
      const { taskId, status } = await ctx
        .client()
        .generate(model, inputData.input as ModelInput<ModelName>, options);
      await writer.write({
        taskId,
        status,
        message: `Submitted ${model} task ${taskId} (${credits} credits).`,
      });
      return { taskId, status, model, credits };
    },
  });
}
