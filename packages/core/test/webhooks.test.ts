// Webhooks are hints: the task is confirmed with an authenticated GET before onTask, a confirmed state
// feeds the client's watcher (so a wait ends without polling), and forged or garbage calls change nothing.
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
  it('confirms each notified state with a GET, delivers it once, and ends a wait without polling', async () => {
    const { taskId } = await client.generate('t2v', T2V, { webhookUrl: withWebhookToken(hookUrl, TOKEN) });
    const waited = await client.tasks.wait(taskId, { timeoutMs: 5_000 });
    expect(waited).toMatchObject({ id: taskId, status: 'COMPLETED' });
    await expect.poll(() => seen.map((task) => task.status)).toContain('COMPLETED');
    expect(seen.every((task) => task.id === taskId)).toBe(true);
    expect(new Set(seen.map((task) => task.status)).size).toBe(seen.length);
    const gets = emu.requests.filter((r) => r.method === 'GET' && r.path === `/api/v1/tasks/${taskId}`);
    expect(gets.length).toBeGreaterThanOrEqual(seen.length);
    const statusPolls = emu.requests.filter((r) => r.path === `/api/v1/tasks/${taskId}/status`);
    expect(statusPolls.length).toBeLessThanOrEqual(1);
  });

  it('a duplicate notification is harmless', async () => {
    const { taskId } = await client.generate('t2v', T2V);
    const body = JSON.stringify({ taskId, status: 'SUBMITTED' });
    const answers = await Promise.all([1, 2, 3].map(() => post(`${hookUrl}?token=${TOKEN}`, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(seen).toHaveLength(1);
  });

  it('a wrong token, garbage, or an unknown task gets a 4xx and changes nothing', async () => {
    emu.clearRequests();
    const before = JSON.stringify(emu.tasks(KEY));
    expect((await post(`${hookUrl}?token=nope`, '{"taskId":"x"}')).status).toBe(401);
    expect((await post(hookUrl, '{"taskId":"x"}')).status).toBe(401);
    expect(emu.requests).toHaveLength(0);
    expect((await post(`${hookUrl}?token=${TOKEN}`, 'not json')).status).toBe(400);
    expect((await post(`${hookUrl}?token=${TOKEN}`, '{"status":"COMPLETED"}')).status).toBe(400);
    expect((await post(`${hookUrl}?token=${TOKEN}`, 'x'.repeat(70_000))).status).toBe(413);
    expect((await fetch(`${hookUrl}?token=${TOKEN}`)).status).toBe(405);
    expect((await post(`${hookUrl}?token=${TOKEN}`, '{"taskId":"forged123"}')).status).toBe(404);
    expect(seen).toHaveLength(0);
    expect(JSON.stringify(emu.tasks(KEY))).toBe(before);
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
