import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookHandler } from '@aivideomaker/core';
import { toNodeListener } from '@aivideomaker/core/node';
import type { Emulator } from '@aivideomaker/emulator';
import { Mastra } from '@mastra/core';
import { LibSQLStore } from '@mastra/libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createVideoWebhookHandler,
  createVideoWorkflow,
  resumeFinishedVideoRuns,
  resumeVideoRun,
} from '../src/workflow';
import { clientFor, emulator, generatePosts, KEY, until } from './helpers';

const TOKEN = 'hook-token-91ab';
const fox = {
  model: 't2v',
  input: { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '5' },
} as const;

let emu: Emulator;
let dir: string;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeEach(async () => {
  emu = await emulator();
  dir = mkdtempSync(join(tmpdir(), 'aivm-mastra-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A loopback webhook receiver whose handler is installed later (requests wait for it meanwhile). */
async function webhookServer() {
  let install!: (handler: WebhookHandler) => void;
  const installed = new Promise<WebhookHandler>((resolve) => {
    install = resolve;
  });
  const server: Server = createServer(toNodeListener(async (request) => (await installed)(request)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/aivideomaker`;
  return { url, install };
}

/** One "process": a Mastra instance with the video workflow on the LibSQL file in `dir`. */
function boot(webhookUrl: string, instance: string) {
  const storage = new LibSQLStore({ id: `store-${instance}`, url: `file:${join(dir, 'mastra.db')}` });
  const video = createVideoWorkflow({ client: clientFor(emu), webhook: { url: webhookUrl, token: TOKEN } });
  const mastra = new Mastra({ workflows: { video }, storage, logger: false });
  const stop = async () => {
    await mastra.shutdown();
    await storage.close();
  };
  return { mastra, stop };
}

async function runState(mastra: Mastra, runId: string) {
  return mastra.getWorkflow('video').getWorkflowRunById(runId);
}

async function startSuspended(mastra: Mastra) {
  const run = await mastra.getWorkflow('video').createRun();
  const started = await run.start({ inputData: fox });
  expect(started.status).toBe('suspended');
  const waiting =
    started.status === 'suspended' ? (started.suspendPayload.wait as { taskId: string }) : undefined;
  return { runId: run.runId, taskId: waiting?.taskId ?? '' };
}

describe('webhook mode', () => {
  it('suspends after submitting and completes when the webhook resumes it', async () => {
    const hook = await webhookServer();
    const app = boot(hook.url, 'only');
    cleanups.push(app.stop);
    hook.install(createVideoWebhookHandler({ mastra: app.mastra, client: clientFor(emu), token: TOKEN }));
    const { runId, taskId } = await startSuspended(app.mastra);

    await until(async () => (await runState(app.mastra, runId))?.status === 'success', 'the resumed run');
    const state = await runState(app.mastra, runId);
    expect(state?.result).toMatchObject({ taskId, status: 'COMPLETED', creditsCharged: 5 });
    // Nothing polls in webhook mode: only the handler's resume can have completed the run.
    expect(emu.requests.filter((request) => request.path.endsWith('/status'))).toEqual([]);
    expect(emu.webhooks.every((delivery) => delivery.url === `${hook.url}?token=${TOKEN}`)).toBe(true);
  });

  it('suspends after submitting and completes when the webhook arrives, after a restart', async () => {
    const hook = await webhookServer();
    const first = boot(hook.url, 'first');
    const { runId, taskId } = await startSuspended(first.mastra);
    const [post] = generatePosts(emu);
    expect(post?.headers.webhookurl).toBe(`${hook.url}?token=${TOKEN}`);
    expect(emu.tasks(KEY)[0]?.id).toBe(taskId);
    await first.stop();

    // A new process on the same storage file: only Mastra storage knows which run waits for the task.
    const second = boot(hook.url, 'second');
    cleanups.push(second.stop);
    expect((await runState(second.mastra, runId))?.status).toBe('suspended');
    // Webhooks that came in meanwhile were held; from here on the new instance handles them.
    hook.install(createVideoWebhookHandler({ mastra: second.mastra, client: clientFor(emu), token: TOKEN }));
    await until(async () => (await runState(second.mastra, runId))?.status === 'success', 'the resumed run');
    const state = await runState(second.mastra, runId);
    expect(state?.result).toMatchObject({
      taskId,
      status: 'COMPLETED',
      videoUrls: [`${emu.url}/files/${taskId}.mp4`],
    });
    expect(generatePosts(emu)).toHaveLength(1);
  });
});

describe('webhook mode: what cannot resume a run', () => {
  it('ignores a forged webhook and one with a wrong token', async () => {
    // At speed 1 the task stays queued for seconds: whatever the forged payload says, it is not done.
    const slow = await emulator({ speed: 1 });
    cleanups.push(() => slow.close());
    const hook = await webhookServer();
    const storage = new LibSQLStore({ id: 'forged', url: `file:${join(dir, 'forged.db')}` });
    const video = createVideoWorkflow({ client: clientFor(slow), webhook: { url: hook.url, token: TOKEN } });
    const mastra = new Mastra({ workflows: { video }, storage, logger: false });
    cleanups.push(() => mastra.shutdown());
    hook.install(createVideoWebhookHandler({ mastra, client: clientFor(slow), token: TOKEN }));
    const { runId, taskId } = await startSuspended(mastra);

    const forged = JSON.stringify({
      taskId,
      status: 'COMPLETED',
      output: { video: 'https://evil.example/x.mp4' },
    });
    const send = (url: string) =>
      fetch(url, { method: 'POST', body: forged, headers: { 'content-type': 'application/json' } });
    expect((await send(`${hook.url}?token=wrong`)).status).toBe(401);
    const answer = await send(`${hook.url}?token=${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ taskId, status: 'SUBMITTED' });
    expect((await runState(mastra, runId))?.status).toBe('suspended');
  });
});

describe('resumeVideoRun', () => {
  it('asks the sender to retry while the run has submitted but not suspended yet', async () => {
    const hook = await webhookServer();
    hook.install(async () => new Response('later', { status: 503 }));
    const app = boot(hook.url, 'race');
    cleanups.push(app.stop);
    // The wait step's first look at the task is slow: the run sits between submitting and suspending.
    emu.faults.add({
      kind: 'latency',
      match: { method: 'GET', path: /^\/api\/v1\/tasks\/[^/]+$/ },
      delayMs: 1500,
    });
    const run = await app.mastra.getWorkflow('video').createRun();
    const started = run.start({ inputData: fox });
    await until(() => emu.tasks(KEY)[0]?.status === 'COMPLETED', 'the task to finish');
    const task = await clientFor(emu).tasks.get(emu.tasks(KEY)[0]?.id ?? '');
    const submitted = async () => {
      const submit = (await runState(app.mastra, run.runId))?.steps?.submit;
      return !Array.isArray(submit) && submit?.status === 'success';
    };
    await until(submitted, 'the submit step to be stored');

    await expect(resumeVideoRun({ mastra: app.mastra }, task)).rejects.toThrow(
      /has not suspended .* yet; retry later/,
    );
    // The wait step then finds the task already finished and completes without suspending.
    const result = await started;
    expect(result.status === 'success' && result.result).toMatchObject({
      taskId: task.id,
      status: 'COMPLETED',
    });
    expect(await resumeVideoRun({ mastra: app.mastra }, task)).toBeUndefined();
  });
});

describe('resumeFinishedVideoRuns', () => {
  it('resumes runs whose webhook never got through, once their task is done', async () => {
    const hook = await webhookServer();
    hook.install(async () => new Response('down', { status: 503 }));
    const app = boot(hook.url, 'missed');
    cleanups.push(app.stop);
    const { runId, taskId } = await startSuspended(app.mastra);
    const client = clientFor(emu);

    expect(await resumeFinishedVideoRuns({ mastra: app.mastra, client })).toEqual([]);
    await until(() => emu.tasks(KEY)[0]?.status === 'COMPLETED', 'the task to finish');
    expect((await runState(app.mastra, runId))?.status).toBe('suspended');

    expect(await resumeFinishedVideoRuns({ mastra: app.mastra, client })).toEqual([runId]);
    const state = await runState(app.mastra, runId);
    expect(state?.status).toBe('success');
    expect(state?.result).toMatchObject({ taskId, status: 'COMPLETED' });
    expect(await resumeFinishedVideoRuns({ mastra: app.mastra, client })).toEqual([]);
  });
});
