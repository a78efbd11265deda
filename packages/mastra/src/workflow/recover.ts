// Runs left `running` by a worker that died after submitting: most often mid-resume (Mastra moved the run
// from suspended to running for it, then it was gone), or while polling. Past `submit`, what is left is the
// wait step, which sends nothing paid: running it again is safe, even twice at once. A run stopped inside
// `submit` is never re-driven here (a second submit could be a second charge where the server does not
// honour the idempotency key); look it up with client.tasks.list().

import { DEFAULT_WAIT_TIMEOUT_MS } from '@aivideomaker/core';
import { VIDEO_WORKFLOW_STEPS } from './steps';
import { type StoredRun, storedRuns, type VideoRunsOptions, workflowOf } from './webhook';

export interface StaleRunsOptions extends VideoRunsOptions {
  /** A run unchanged in storage for this long is taken for abandoned (default 30 min; keep it above `wait.timeoutMs`). */
  staleAfterMs?: number;
}

/** Above the default wait (a polling run is `running` that long), with room for a slow resume. */
export const DEFAULT_STALE_AFTER_MS = DEFAULT_WAIT_TIMEOUT_MS + 10 * 60_000;

function pastSubmit(run: StoredRun): boolean {
  const submit = run.snapshot.context?.[VIDEO_WORKFLOW_STEPS.submit] as { status?: string } | undefined;
  return submit?.status === 'success';
}

/** Restarts abandoned runs at their wait step; returns their run ids. */
export async function restartStaleVideoRuns(options: StaleRunsOptions): Promise<string[]> {
  const { staleAfterMs = DEFAULT_STALE_AFTER_MS, ...runs } = options;
  const stale: string[] = [];
  for await (const run of storedRuns(runs, 'running')) {
    const age = run.updatedAt ? Date.now() - run.updatedAt.getTime() : 0;
    if (age >= staleAfterMs && pastSubmit(run)) stale.push(run.runId);
  }
  const restarted: string[] = [];
  for (const runId of stale) {
    const run = await workflowOf(runs).createRun({ runId });
    const result = await run.restart();
    if (result.status !== 'failed') restarted.push(runId);
  }
  return restarted;
}
