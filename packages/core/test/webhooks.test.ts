// Webhooks are hints: an end state is confirmed with an authenticated request before onTask, unfinished
// states cost no request, a confirmed state feeds the client's watcher (so a wait ends without polling),
// and forged, replayed or garbage calls change nothing.
import { createServer, type Server } from 'node:http';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AIVideoMaker, createWebhookHandler, type Task, withWebhookToken } from '../src/index';
import { createNodeWebhookHandler } from '../src/node/index';
import { clientFor, emulator, KEY, T2V } from './helpers';

const TOKEN = 'hook-token-42';
let emu: Emulator;
let client: AIVideoMaker;
let server: Server;
let hookUrl: string;
const seen: Task[] = [];

beforeAll(async () => {
  emu = await emulator();
  // Polling so slow that only a webhook can end a wait within the test.
  client = clientFor(emu, { poll: { minIntervalMs: 60_000, maxIntervalMs: 60_000 } });
  server = createServer(
    createNodeWebhookHandler({ client, token: TOKEN, onTask: (task) => void seen.push(task) }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await emu.close();
});
beforeEach(() => {
  seen.length = 0;
});

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('webhooks', () => {
  it('confirms the end state with one GET, acknowledges the others for free, and ends a wait', async () => {
    emu.clearRequests();
    const { taskId } = await client.generate('t2v', T2V, { webhookUrl: withWebhookToken(hookUrl, TOKEN) });
    const waited = await client.tasks.wait(taskId, { timeoutMs: 5_000 });
    expect(waited).toMatchObject({ id: taskId, status: 'COMPLETED', output: { url: expect.any(String) } });
    await expect.poll(() => seen.map((task) => task.status)).toEqual(['COMPLETED']);
    expect(seen[0]).toEqual(waited);
    await expect.poll(() => emu.webhooks.filter((d) => d.body.taskId === taskId).length).toBe(3);
    const answers = emu.webhooks
      .filter((d) => d.body.taskId === taskId)
      .map((d) => [d.body.status, d.status]);
    expect(answers).toEqual([
      ['SUBMITTED', 202],
      ['PROGRESS', 202],
      ['COMPLETED', 200],
    ]);
    const queries = emu.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    // At most the wait's first status poll; the end state confirmed once, and nothing fetched after it.
    expect(queries.filter((path) => path !== `/api/v1/tasks/${taskId}`)).toEqual(
      queries.length === 1 ? [] : [`/api/v1/tasks/${taskId}/status`],
    );
    expect(queries.filter((path) => path === `/api/v1/tasks/${taskId}`)).toHaveLength(1);
  });

  it('a duplicate or replayed notification is harmless: the state is delivered once', async () => {
    const { taskId } = await client.generate('t2v', T2V);
    await expect.poll(() => emu.tasks(KEY).find((task) => task.id === taskId)?.status).toBe('COMPLETED');
    const body = JSON.stringify({ taskId, status: 'COMPLETED' });
    const answers = await Promise.all([1, 2, 3].map(() => post(`${hookUrl}?token=${TOKEN}`, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const replay = await post(`${hookUrl}?token=${TOKEN}`, body);
    expect(await replay.json()).toMatchObject({ ok: true, taskId, status: 'COMPLETED', duplicate: true });
    expect(seen.map((task) => [task.id, task.status])).toEqual([[taskId, 'COMPLETED']]);
  });

  it('a SUBMITTED or PROGRESS hint costs no request unless `progress` asks for it', async () => {
    const { taskId } = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    emu.clearRequests();
    for (const status of ['SUBMITTED', 'PROGRESS']) {
      const answer = await post(`${hookUrl}?token=${TOKEN}`, JSON.stringify({ taskId, status }));
      expect(answer.status).toBe(202);
      expect(await answer.json()).toEqual({ ok: true, taskId, confirmed: false });
    }
    expect(emu.requests).toEqual([]);
    expect(seen).toEqual([]);
    const progress = createWebhookHandler({ client, progress: true, onTask: (task) => void seen.push(task) });
    const answer = await progress(
      new Request('http://app.test/hook', {
        method: 'POST',
        body: JSON.stringify({ taskId, status: 'PROGRESS' }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(seen.map((task) => task.id)).toEqual([taskId]);
    expect(emu.requests.map((r) => r.path)).toEqual([`/api/v1/tasks/${taskId}`]);
  });

  it('a wrong token, garbage, or an unknown task gets a 4xx and changes nothing', async () => {
    emu.clearRequests();
    const before = emu.tasks(KEY).map((task) => task.id);
    const balance = emu.ledger.balance(KEY);
    expect((await post(`${hookUrl}?token=nope`, '{"taskId":"x"}')).status).toBe(401);
    expect((await post(hookUrl, '{"taskId":"x"}')).status).toBe(401);
    expect(emu.requests).toHaveLength(0);
    expect((await post(`${hookUrl}?token=${TOKEN}`, 'not json')).status).toBe(400);
    expect((await post(`${hookUrl}?token=${TOKEN}`, '{"status":"COMPLETED"}')).status).toBe(400);
    expect((await post(`${hookUrl}?token=${TOKEN}`, 'x'.repeat(70_000))).status).toBe(413);
    expect((await fetch(`${hookUrl}?token=${TOKEN}`)).status).toBe(405);
    expect((await post(`${hookUrl}?token=${TOKEN}`, '{"taskId":"forged123"}')).status).toBe(404);
    expect(seen).toHaveLength(0);
    // Only the confirmation of the unknown id reached the API; no task was created, cancelled or charged.
    expect(emu.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/v1/tasks/forged123 404',
    ]);
    expect(emu.tasks(KEY).map((task) => task.id)).toEqual(before);
    expect(emu.ledger.balance(KEY)).toBe(balance);
  });

  it('a forged "COMPLETED" for a running task changes nothing: the confirmed state wins', async () => {
    const slow = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    const controller = new AbortController();
    let settled = false;
    const waiting = client.tasks
      .wait(slow.taskId, { signal: controller.signal })
      .finally(() => {
        settled = true;
      })
      .catch(() => undefined);
    const handler = createWebhookHandler({ client, onTask: (task) => void seen.push(task) });
    const forged = {
      taskId: slow.taskId,
      status: 'COMPLETED',
      output: { video: 'https://evil.example/x.mp4' },
    };
    const answer = await handler(
      new Request('http://app.test/hook', { method: 'POST', body: JSON.stringify(forged) }),
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: expect.stringMatching(/SUBMITTED|PROGRESS/) });
    expect(seen.map((task) => task.status)).not.toContain('COMPLETED');
    expect(JSON.stringify(seen)).not.toContain('evil.example');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(emu.tasks(KEY).find((task) => task.id === slow.taskId)?.status).not.toBe('COMPLETED');
    controller.abort();
    await waiting;
  });
});

describe('webhook hints and the watcher', () => {
  const hint = (handler: ReturnType<typeof createWebhookHandler>, taskId: string, url: string) =>
    handler(new Request(url, { method: 'POST', body: JSON.stringify({ taskId, status: 'PROGRESS' }) }));

  async function pollsAfterHint(token: string | undefined) {
    // Quick polls (10 ms) unless a hint moves the task to the safety net (10 s).
    const watching = clientFor(emu, { poll: { minIntervalMs: 10, maxIntervalMs: 10_000 } });
    const handler = createWebhookHandler({ client: watching, onTask: () => {}, ...(token ? { token } : {}) });
    const { taskId } = await watching.generate('t2v_v3', { ...T2V, duration: '20' });
    const controller = new AbortController();
    const waiting = watching.tasks.wait(taskId, { signal: controller.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const url = token ? withWebhookToken('http://app.test/hook', token) : 'http://app.test/hook';
    expect((await hint(handler, taskId, url)).status).toBe(202);
    const polls = () => emu.requests.filter((r) => r.path === `/api/v1/tasks/${taskId}/status`).length;
    const atHint = polls();
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    expect(await waiting).toBe('aborted');
    return polls() - atHint;
  }

  it('a token-checked hint moves its task to the slow safety-net poll', async () => {
    // At most the poll already on its way when the hint came.
    expect(await pollsAfterHint(TOKEN)).toBeLessThanOrEqual(1);
  });

  it('without a token a hint may be forged, so it does not change how the task is polled', async () => {
    expect(await pollsAfterHint(undefined)).toBeGreaterThan(3);
  });
});

describe('a flood of forged webhooks', () => {
  it('costs at most the confirmation share of the rate limit, never a request per hint', async () => {
    // The API's real window: a quarter of 60 a minute is 15 confirmations.
    const flooded = clientFor(emu, { rateLimit: { limit: 60, windowMs: 60_000 } });
    const { taskId } = await flooded.generate('t2v', { ...T2V, prompt: 'real task in a flood' });
    const http = createServer(createNodeWebhookHandler({ client: flooded, onTask: () => {} }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as { port: number }).port}/hook`;
      emu.clearRequests();
      const started = Date.now();
      const forged = Array.from({ length: 300 }, (_, i) =>
        post(url, JSON.stringify({ taskId: `forged-${i}`, status: 'COMPLETED' })).then((r) => r.status),
      );
      const statuses = await Promise.all(forged);
      expect(new Set(statuses)).toEqual(new Set(statuses.filter((s) => s === 404 || s === 503)));
      expect(statuses.filter((s) => s === 404).length).toBeGreaterThan(0);
      const confirmations = emu.requests.filter((r) => r.path.startsWith('/api/v1/tasks')).length;
      // 15 at once, then one more every 4 s while the flood lasts (a quarter of the limit).
      expect(confirmations).toBeLessThanOrEqual(15 + Math.ceil((Date.now() - started) / 4_000));
      expect(confirmations).toBeLessThan(25);
      // The rest of the limit is untouched: a real call goes through at once, not a window later.
      let answered = false;
      const real = flooded.tasks.status(taskId).then((status) => {
        answered = true;
        return status;
      });
      await expect.poll(() => answered, { timeout: 10_000 }).toBe(true);
      expect(await real).toMatchObject({ status: expect.any(String) });
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
