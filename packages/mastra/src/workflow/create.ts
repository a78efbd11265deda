// createVideoWorkflow: one Mastra workflow run per video. prepare -> [approve] -> submit -> wait.
import { type AIVideoMaker, type ModelName, withWebhookToken } from '@aivideomaker/core';
import { assertWebhookUrl, createToolSetContext } from '@aivideomaker/core/internal';
import type { DefaultEngineType, Step, Workflow } from '@mastra/core/workflows';
import { createWorkflow } from '@mastra/core/workflows';
import {
  type VideoWorkflowInput,
  type VideoWorkflowOutput,
  videoWorkflowInput,
  videoWorkflowOutput,
} from './schemas';
import { approveStep, prepareStep, submitStep, type VideoStepContext } from './steps';
import { waitStep } from './wait';

export const DEFAULT_VIDEO_WORKFLOW_ID = 'aivideomaker-video';

export interface VideoWorkflowOptions {
  /** Workflow id (default 'aivideomaker-video'); the webhook helpers look runs up by it. */
  id?: string;
  /** The client to use; otherwise one is created on first use from apiKey/baseUrl (or the environment). */
  client?: AIVideoMaker;
  apiKey?: string;
  baseUrl?: string;
  /** Only these models may be used (default: all five). */
  allowedModels?: ModelName[];
  /**
   * Fail a run, before any paid request, when its video would cost more than this (priced with the
   * server's free quote, else the list price); the submit also sends it as X-Max-Credits, so a server
   * whose price has grown since refuses instead of charging more.
   */
  maxCreditsPerCall?: number;
  /** Suspend before spending until `run.resume({ step: 'approve', resumeData: { approved } })`. */
  requireApproval?: boolean;
  /** Polling mode: poll this long (default 20 min, core's DEFAULT_WAIT_TIMEOUT_MS), then suspend until the webhook or resumeFinishedVideoRuns(). */
  wait?: { timeoutMs?: number };
  /**
   * Webhook mode: the API calls `url` (with `?token=`) on every status change, and the wait step suspends
   * right away; serve createVideoWebhookHandler() at `url` to resume the run, even after a restart.
   */
  webhook?: { url: string; token?: string };
}

// biome-ignore lint/suspicious/noExplicitAny: the steps have different shapes; the run's input and output are typed
type VideoStep = Step<string, any, any, any, any, any, DefaultEngineType>;

export type VideoWorkflow = Workflow<
  DefaultEngineType,
  VideoStep[],
  string,
  unknown,
  VideoWorkflowInput,
  VideoWorkflowOutput,
  VideoWorkflowOutput
>;

function webhookUrlOf(webhook: VideoWorkflowOptions['webhook']): string | undefined {
  if (!webhook) return undefined;
  assertWebhookUrl(webhook.url, 'webhook.url'); // generate's own rule, checked when the workflow is made
  return webhook.token === undefined ? webhook.url : withWebhookToken(webhook.url, webhook.token);
}

function contextOf(options: VideoWorkflowOptions): VideoStepContext {
  const { client, apiKey, baseUrl, allowedModels, maxCreditsPerCall } = options;
  // Core's tool-set setup: the models checked, the client created on first use (registering the workflow
  // needs no key), the per-call limit as a credit budget, the default wait.
  const { wait, ...shared } = createToolSetContext({
    client,
    apiKey,
    baseUrl,
    allowedModels,
    maxCreditsPerCall,
    wait: options.wait ?? true,
  });
  return {
    ...shared,
    // Never false here: the workflow always waits (polling, or suspended for the webhook).
    waitTimeoutMs: (wait as { timeoutMs: number }).timeoutMs,
    webhookUrl: webhookUrlOf(options.webhook),
  };
}

/** A workflow that submits a video, waits for it and returns the task with its video URLs. */
export function createVideoWorkflow(options: VideoWorkflowOptions = {}): VideoWorkflow {
  const ctx = contextOf(options);
  const start = createWorkflow({
    id: options.id ?? DEFAULT_VIDEO_WORKFLOW_ID,
    description: 'Generate one video with AI Video Maker and return its URL',
    inputSchema: videoWorkflowInput,
    outputSchema: videoWorkflowOutput,
    // A blanket restart on boot would re-run an interrupted submit step: a second charge.
    options: { autoRestartActiveRuns: false },
  }).then(prepareStep(ctx));
  const gated = options.requireApproval ? start.then(approveStep()) : start;
  return gated.then(submitStep(ctx)).then(waitStep(ctx)).commit() as unknown as VideoWorkflow;
}
