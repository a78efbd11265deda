// A run a dead worker left `running` past submit (here: Mastra had let it claim the resume, then it was
// gone) is restarted at its wait step once it is stale, and completes without a second submit. A fresh
// one is left alone: a live worker may be on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mastra } from '@mastra/core';
import type { WorkflowRunState } from '@mastra/core/workflows';
import { LibSQLStore } from '@mastra/libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoWorkflow, restartStaleVideoRuns } from '../src/workflow';
import { clientFor, emulator, generatePosts, KEY, until } from './helpers';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('runs a dead worker left running', () => {
  it('are restarted at the wait step once stale, and complete with one charge', async () => {
    const emu = await emulator();
    cleanups.push(() => emu.close());
    const dir = mkdtempSync(join(tmpdir(), 'aivm-recover-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const storage = new LibSQLStore({ id: 'recover', url: `file:${join(dir, 'mastra.db')}` });
    // Webhook mode with nobody listening: only the restart can finish the run.
    const video = createVideoWorkflow({
      client: clientFor(emu),
      webhook: { url: 'http://127.0.0.1:59999/hook' },
    });
    const mastra = new Mastra({ workflows: { video }, storage, logger: false });
    cleanups.push(async () => {
      await mastra.shutdown();
      await storage.close();
    });
    const run = await mastra.getWorkflow('video').createRun();
    const started = await run.start({
      inputData: { model: 't2v', input: { prompt: 'A heron at dawn', aspectRatio: '16:9', duration: '5' } },
    });
    expect(started.status).toBe('suspended');

    // The worker that claimed the resume died: the stored run says running, and nothing will move it.
    const workflows = await storage.getStore('workflows');
    const key = { workflowName: 'aivideomaker-video', runId: run.runId };
    const snapshot = (await workflows?.loadWorkflowSnapshot(key)) as WorkflowRunState;
    await workflows?.persistWorkflowSnapshot({ ...key, snapshot: { ...snapshot, status: 'running' } });
    await until(() => emu.tasks(KEY)[0]?.status === 'COMPLETED', 'the task to finish');

    expect(await restartStaleVideoRuns({ mastra, staleAfterMs: 60_000 })).toEqual([]);
    expect(await restartStaleVideoRuns({ mastra, staleAfterMs: 0 })).toEqual([run.runId]);
    const state = await mastra.getWorkflow('video').getWorkflowRunById(run.runId);
    expect(state?.status).toBe('success');
    expect(state?.result).toMatchObject({ status: 'COMPLETED', creditsCharged: 5 });
    expect(generatePosts(emu)).toHaveLength(1);
  });
});
