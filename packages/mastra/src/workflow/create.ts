// createVideoWorkflow: one Mastra workflow run per video. prepare -> [approve] -> submit -> wait.
import {
  AIVideoMaker,
  InputValidationError,
  MODEL_NAMES,
  type ModelName,
  withWebhookToken,
} from '@aivideomaker/core';
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
const DEFAULT_WAIT_MS = 10 * 60_000;

export interface VideoWorkflowOptions {
  /** Workflow id (default 'aivideomaker-video'); the webhook helpers look runs up by it. */
  id?: string;
  /** The client to use; otherwise one is created on first use from apiKey/baseUrl (or the environment). */
  client?: AIVideoMaker;
  apiKey?: string;
  baseUrl?: string;
  /** Only these models may be used (default: all five). */
  allowedModels?: ModelName[];
  /** Fail a run, before any request, when its video would cost more than this. */
  maxCreditsPerCall?: number;
  /** Suspend before spending until `run.resume({ step: 'approve', resumeData: { approved } })`. */
  requireApproval?: boolean;
  /** Polling mode: poll this long (default 10 min), then suspend until the webhook or resumeFinishedVideoRuns(). */
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
  if (!/^https?:\/\//i.test(webhook.url) || !URL.canParse(webhook.url)) {
    throw new InputValidationError('webhook.url', `${JSON.stringify(webhook.url)} is not an http(s) URL`);
  }
  return webhook.token === undefined ? webhook.url : withWebhookToken(webhook.url, webhook.token);
}

function contextOf(options: VideoWorkflowOptions): VideoStepContext {
  const allowedModels = options.allowedModels ?? [...MODEL_NAMES];
  for (const model of allowedModels) {
    if (!(MODEL_NAMES as readonly string[]).includes(model)) {
      throw new InputValidationError('allowedModels', `${JSON.stringify(model)} is not a model`, MODEL_NAMES);
    }
  }
  let client = options.client;
  return {
    // Created lazily: registering the workflow needs no key.
    client: () => {
      client ??= new AIVideoMaker({ apiKey: options.apiKey, baseUrl: options.baseUrl });
      return client;
    },
    allowedModels,
    maxCreditsPerCall: options.maxCreditsPerCall,
    webhookUrl: webhookUrlOf(options.webhook),
    waitTimeoutMs: options.wait?.timeoutMs ?? DEFAULT_WAIT_MS,
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
