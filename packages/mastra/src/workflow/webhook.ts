// Resuming suspended video runs from webhooks. The task id -> run mapping lives in Mastra storage (the wait
// step suspends with the task id as resume label), not in memory, so a new process on the same storage
// resumes runs started by an old one.
import {
  type AIVideoMaker,
  createWebhookHandler,
  isTerminalStatus,
  type Task,
  type WebhookHandler,
} from '@aivideomaker/core';
import type { Mastra } from '@mastra/core';
import type { WorkflowRunState } from '@mastra/core/workflows';
import { DEFAULT_VIDEO_WORKFLOW_ID } from './create';
import { VIDEO_WORKFLOW_STEPS } from './steps';

export interface VideoRunsOptions {
  /** The Mastra instance the video workflow is registered in (with persistent storage in production). */
  mastra: Pick<Mastra, 'getWorkflowById'>;
  /** The workflow's id (default 'aivideomaker-video'). */
  workflowId?: string;
}

const PAGE = 100;

type RunStatus = 'suspended' | 'running';

export interface StoredRun {
  runId: string;
  snapshot: Pick<WorkflowRunState, 'resumeLabels' | 'context'>;
  updatedAt: Date | undefined;
}

export function workflowOf(options: VideoRunsOptions) {
  return options.mastra.getWorkflowById(options.workflowId ?? DEFAULT_VIDEO_WORKFLOW_ID);
}

export async function* storedRuns(options: VideoRunsOptions, status: RunStatus): AsyncGenerator<StoredRun> {
  const workflow = workflowOf(options);
  for (let page = 0; ; page++) {
    const { runs, total } = await workflow.listWorkflowRuns({ status, perPage: PAGE, page });
    for (const run of runs) {
      const snapshot = typeof run.snapshot === 'string' ? JSON.parse(run.snapshot) : run.snapshot;
      yield { runId: run.runId, snapshot, updatedAt: run.updatedAt ? new Date(run.updatedAt) : undefined };
    }
    if (runs.length === 0 || (page + 1) * PAGE >= total) return;
  }
}

/** Task ids a stored run waits for in its wait step. */
function waitingTaskIds(run: StoredRun): string[] {
  return Object.entries(run.snapshot.resumeLabels ?? {})
    .filter(([, label]) => label.stepId === VIDEO_WORKFLOW_STEPS.wait)
    .map(([taskId]) => taskId);
}

function submittedTaskId(run: StoredRun): unknown {
  const submit = run.snapshot.context?.[VIDEO_WORKFLOW_STEPS.submit] as
    | { output?: { taskId?: unknown } }
    | undefined;
  return submit?.output?.taskId;
}

/** Resumes a run with its finished task; false when another worker has resumed it already. */
async function resumeRun(options: VideoRunsOptions, runId: string, task: Task): Promise<boolean> {
  const run = await workflowOf(options).createRun({ runId });
  try {
    await run.resume({ label: task.id, resumeData: { task } });
    return true;
  } catch (error) {
    // Workers share the store: a webhook and a sweeper may reach the same run. Mastra lets exactly one
    // resume claim a suspension (a compare-and-set on the stored status); the others land here.
    if (error instanceof Error && /was not suspended|already resumed by another caller/.test(error.message))
      return false;
    throw error;
  }
}

/**
 * Resumes the run waiting for `task` once the task has finished; returns its run id, or undefined when no
 * run waits for it. Throws while the run has submitted the task but not suspended yet, so a webhook
 * sender retries later.
 */
export async function resumeVideoRun(options: VideoRunsOptions, task: Task): Promise<string | undefined> {
  if (!isTerminalStatus(task.status)) return undefined;
  for await (const run of storedRuns(options, 'suspended')) {
    if (!waitingTaskIds(run).includes(task.id)) continue;
    return (await resumeRun(options, run.runId, task)) ? run.runId : undefined;
  }
  for await (const run of storedRuns(options, 'running')) {
    if (submittedTaskId(run) === task.id) {
      throw new Error(`Run ${run.runId} has not suspended for task ${task.id} yet; retry later`);
    }
  }
  return undefined;
}

export interface VideoWebhookHandlerOptions extends VideoRunsOptions {
  /** Confirms each webhook's task with an authenticated GET before any run is resumed. */
  client: AIVideoMaker;
  /** The token given in the workflow's `webhook` option. */
  token?: string;
  maxBodyBytes?: number;
  /** Gets each run a webhook resumed (e.g. for logs). */
  onResumed?: (runId: string, task: Task) => void;
}

/**
 * Core's webhook handler resuming the video run of each finished task: `(Request) => Promise<Response>`
 * (Next.js, Hono, Bun, Workers); on node:http wrap it with `toNodeListener` from `@aivideomaker/core/node`.
 */
export function createVideoWebhookHandler(options: VideoWebhookHandlerOptions): WebhookHandler {
  const { client, token, maxBodyBytes, onResumed, ...runs } = options;
  return createWebhookHandler({
    client,
    ...(token === undefined ? {} : { token }),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    onTask: async (task) => {
      const runId = await resumeVideoRun(runs, task);
      if (runId !== undefined) onResumed?.(runId, task);
    },
  });
}

/**
 * Checks the task of every run suspended in its wait step and resumes the finished ones: call it at
 * startup to catch webhooks missed while the process was down (or run startVideoSweeper() on every
 * worker). One list request answers for all recent tasks; a task it lacks gets its own GET. A run that
 * fails to resume does not stop the others: the failures are thrown together at the end. Returns the
 * resumed run ids.
 */
export async function resumeFinishedVideoRuns(
  options: VideoRunsOptions & { client: AIVideoMaker },
): Promise<string[]> {
  const waiting: Array<{ runId: string; taskId: string }> = [];
  for await (const run of storedRuns(options, 'suspended')) {
    for (const taskId of waitingTaskIds(run)) waiting.push({ runId: run.runId, taskId });
  }
  if (waiting.length === 0) return [];
  const listed = new Map((await options.client.tasks.list()).map((task) => [task.id, task]));
  const resumed: string[] = [];
  const failures: unknown[] = [];
  for (const { runId, taskId } of waiting) {
    try {
      const task = listed.get(taskId) ?? (await options.client.tasks.get(taskId));
      if (!isTerminalStatus(task.status)) continue;
      if (await resumeRun(options, runId, task)) resumed.push(runId);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} suspended video run(s) could not be resumed`);
  }
  return resumed;
}
