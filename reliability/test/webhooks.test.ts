// Forged, replayed, malformed and wrong-token webhooks change nothing: no onTask call with a state the API
// did not confirm, no wait settled early, no URL taken from a payload, no task or credit touched, and a
// wrong token or garbage costs no request to the API.
import { type AIVideoMaker, createWebhookHandler, withWebhookToken } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator, uniquePrompt, until } from './support/harness';
import { inputFor } from './support/inputs';
import { webhookServer } from './support/webhook-server';

const TOKEN = 'hook-token-5d1e';
const OTHER_KEY = 'another-account-key';
const EVIL_URL = 'https://evil.test/forged.mp4';

/** A wait on a task that stays SUBMITTED for 3 s (speed 1), to see whether anything settles it early. */
function pendingWait(client: AIVideoMaker, taskId: string) {
  const controller = new AbortController();
  let settled = false;
  const wait = client.tasks.wait(taskId, { signal: controller.signal, timeoutMs: 30_000 }).then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      if (!controller.signal.aborted) settled = true;
      return error;
    },
  );
  return {
    settled: () => settled,
    stop: async () => {
      controller.abort();
      await wait;
    },
  };
}

/** Books, tasks and requests as they stand, to compare after the forgeries. */
const snapshot = (emu: Emulator) => ({
  tasks: JSON.stringify(emu.tasks()),
  ledger: JSON.stringify(emu.ledger.entries()),
});

const forged = (taskId: string, status = 'COMPLETED') =>
  JSON.stringify({
    taskId,
    status,
    model: 't2v',
    output: { video: EVIL_URL },
    completedAt: new Date().toISOString(),
  });

describe('webhooks that should change nothing', () => {
  it('wrong or missing tokens get 401 before any request', async (ctx) => {
    await using emu = await emulator({ speed: 1 });
    const client = clientFor(emu, { rateLimit: { limit: 60, windowMs: 60_000 } });
    await using receiver = await webhookServer(client, TOKEN);
    const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt('token')));
    const waiting = pendingWait(client, taskId);
    await until(() => emu.requests.some((r) => r.path.endsWith('/status')), 'the first poll');
    const before = { ...snapshot(emu), requests: emu.requests.length };
    const attempts: [string, Parameters<typeof receiver.send>[1]][] = [
      ['no token', {}],
      ['wrong token', { query: '?token=hook-token-0000' }],
      ['token prefix', { query: `?token=${TOKEN.slice(0, -1)}` }],
      ['token plus a character', { query: `?token=${TOKEN}x` }],
      ['token in another case', { query: `?token=${TOKEN.toUpperCase()}` }],
      ['empty token', { query: '?token=' }],
      ['wrong token header', { headers: { 'x-webhook-token': 'nope' } }],
      ['token as another parameter', { query: `?secret=${TOKEN}` }],
    ];
    let effects = 0;
    for (const [name, init] of attempts) {
      const answer = await receiver.send(forged(taskId), init);
      expect(answer.status, name).toBe(401);
    }
    // The polls of the pending wait go on; the forgeries added none.
    const added = emu.requests.slice(before.requests).filter((r) => !r.path.endsWith('/status'));
    effects += added.length + receiver.received.length + (waiting.settled() ? 1 : 0);
    expect({ ...snapshot(emu) }).toEqual({ tasks: before.tasks, ledger: before.ledger });
    await waiting.stop();
    count(ctx, 'Webhooks', { cases: attempts.length, webhookEffects: effects });
    expect(effects).toBe(0);
  });

  it('forged states are confirmed against the API: nothing settles, no URL is taken from the payload', async (ctx) => {
    await using emu = await emulator({ speed: 1, apiKeys: [KEY, OTHER_KEY] });
    const client = clientFor(emu, { rateLimit: { limit: 60, windowMs: 60_000 } });
    await using receiver = await webhookServer(client, TOKEN);
    const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt('forged')));
    const other = clientFor(emu, { apiKey: OTHER_KEY, rateLimit: { limit: 60, windowMs: 60_000 } });
    const { taskId: othersTask } = await other.generate('t2v', inputFor('t2v', uniquePrompt('not mine')));
    const waiting = pendingWait(client, taskId);
    const before = snapshot(emu);
    const query = `?token=${TOKEN}`;
    const forgeries: [string, string, number[]][] = [
      ['COMPLETED for a queued task', forged(taskId), [200, 202]],
      ['FAILED for a queued task', forged(taskId, 'FAILED'), [200, 202]],
      ['CANCEL for a queued task', forged(taskId, 'CANCEL'), [200, 202]],
      ['a status the API does not have', forged(taskId, 'REFUNDED'), [200, 202]],
      ["another account's task", forged(othersTask), [404]],
      ['an unknown task', forged('ck0000000000000000000000000'), [404]],
      [
        'the id under "id"',
        JSON.stringify({ id: taskId, status: 'COMPLETED', output: { video: EVIL_URL } }),
        [200, 202],
      ],
    ];
    for (const [name, body, statuses] of forgeries) {
      const answer = await receiver.send(body, { query });
      expect(statuses, `${name}: HTTP ${answer.status} ${answer.text}`).toContain(answer.status);
    }
    const effects =
      receiver.received.filter((task) => task.status !== 'SUBMITTED').length +
      (JSON.stringify(receiver.received).includes(EVIL_URL) ? 1 : 0) +
      (waiting.settled() ? 1 : 0);
    expect(receiver.received.every((task) => task.id === taskId && task.status === 'SUBMITTED')).toBe(true);
    expect(snapshot(emu)).toEqual(before);
    await waiting.stop();
    count(ctx, 'Webhooks', { cases: forgeries.length, webhookEffects: effects });
    expect(effects).toBe(0);
  });

  it('replayed deliveries are delivered once per confirmed state, and stale ones change nothing', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    await using receiver = await webhookServer(client, TOKEN);
    const webhookUrl = withWebhookToken(receiver.url, TOKEN);
    const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt('replay')), { webhookUrl });
    const task = await client.tasks.wait(taskId, { timeoutMs: 10_000 });
    await until(() => receiver.received.some((t) => t.status === 'COMPLETED'), 'the COMPLETED delivery');
    await until(
      () => emu.webhooks.filter((d) => d.status === 200 || d.status === 202).length >= 3,
      'all deliveries',
    );
    const delivered = receiver.received.length;
    const before = snapshot(emu);
    const genuine = emu.webhooks.map((delivery) => JSON.stringify(delivery.body));
    expect(genuine.length).toBeGreaterThanOrEqual(3);
    const replays = [...genuine, ...genuine, ...genuine];
    for (const body of replays) {
      const answer = await receiver.send(body, { query: `?token=${TOKEN}` });
      expect(answer.status).toBeLessThan(300);
    }
    const completed = receiver.received.filter((t) => t.status === 'COMPLETED');
    const effects = receiver.received.length - delivered + (completed.length - 1);
    expect(completed).toEqual([expect.objectContaining({ id: taskId, output: task.output })]);
    expect(snapshot(emu)).toEqual(before);
    count(ctx, 'Webhooks', { cases: replays.length, webhookEffects: effects });
    expect(effects).toBe(0);
  });

  it('malformed bodies with the right token get 4xx and cost no request', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    await using receiver = await webhookServer(client, TOKEN);
    const bodies = [
      '{',
      '{"taskId":',
      '[]',
      '{"taskId":["ck1"]}',
      '{"taskId":"ck1\\n"}',
      '{"taskId":"<script>"}',
      `{"taskId":"${'9'.repeat(400)}"}`,
      '\u0000\u0001\u0002',
    ];
    for (const body of bodies) {
      const answer = await receiver.send(body, { query: `?token=${TOKEN}` });
      expect(answer.status, body.slice(0, 40)).toBe(400);
    }
    const effects = emu.requests.length + receiver.received.length;
    count(ctx, 'Webhooks', { cases: bodies.length, webhookEffects: effects });
    expect(effects).toBe(0);
  });
});

describe('the web-standard webhook handler under a body with no length', () => {
  // Found by this suite: the handler used to buffer a chunked body whole before checking its size. It now
  // reads the stream with a running count and stops at the cap.
  it('stops reading a chunked body once it passes maxBodyBytes', async (ctx) => {
    await using emu = await emulator();
    const handler = createWebhookHandler({
      client: clientFor(emu),
      onTask: () => {},
      maxBodyBytes: 64 * 1024,
    });
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    // 32 MB of spaces, sent without content-length, as a chunked upload would arrive.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 32 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://127.0.0.1/hook', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
    count(ctx, 'Webhooks', { cases: 1 });
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});
