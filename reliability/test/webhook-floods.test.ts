// Forged webhook floods: notifications with unknown task ids must not cost one authenticated request each.
// Without a token they are confirmed together within a quarter of the rate limit (15 a minute), the rest of
// the limit stays free for real calls, what does not fit is dropped (503) and a real task in the middle
// still completes for its waiter; with a token they cost nothing at all. The client uses the API's real window (60 a minute).
import { createWebhookHandler, withWebhookToken } from '@aivideomaker/core';
import { describe, expect, it } from 'vitest';
import { count } from './support/figures';
import { clientFor, emulator, t2vInput, uniquePrompt, until } from './support/harness';
import { webhookServer } from './support/webhook-server';

const SHARE = 15;
const realWindow = { rateLimit: { limit: 60, windowMs: 60_000 } };
const confirmations = (requests: { path: string }[]) =>
  requests.filter((request) => request.path.startsWith('/api/v1/tasks')).length;
const forged = (i: number) => JSON.stringify({ taskId: `forged-${i}`, status: 'COMPLETED' });

describe('forged webhook floods', () => {
  it('300 at once and 80 one by one cost at most the share; real calls and completions go through', async (ctx) => {
    await using emu = await emulator({ speed: 50 });
    const client = clientFor(emu, realWindow);
    await using receiver = await webhookServer(client);
    const { taskId } = await client.generate('t2v', t2vInput(uniquePrompt('flood')), {
      webhookUrl: `${receiver.url}`,
    });
    emu.clearRequests();
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 300 }, (_, i) => receiver.send(forged(i))));
    const oneByOne: number[] = [];
    for (let i = 300; i < 380; i++) oneByOne.push((await receiver.send(forged(i))).status);
    const statuses = [...burst.map((answer) => answer.status), ...oneByOne];
    expect(statuses.every((status) => status === 404 || status === 503)).toBe(true);
    const used = confirmations(emu.requests);
    // The share, plus what it refills (one every 4 s) while the flood lasts.
    const allowed = SHARE + Math.ceil((Date.now() - started) / 4_000);
    // The rest of the limit is free: a real status call is answered at once, not a window later.
    let answered = false;
    void client.tasks.status(taskId).then(() => {
      answered = true;
    });
    await until(() => answered, 'a real status call during the flood', 10_000);
    // The real task still completes for its waiter (a webhook dropped in the flood is made up by polling).
    await expect(client.tasks.wait(taskId, { timeoutMs: 30_000 })).resolves.toMatchObject({
      status: 'COMPLETED',
    });
    count(ctx, 'Webhook floods', {
      cases: statuses.length + 1,
      floodHints: statuses.length,
      overShare: Math.max(0, used - allowed),
      webhookEffects: receiver.received.filter((task) => task.id.startsWith('forged-')).length,
    });
    expect(used).toBeLessThanOrEqual(allowed);
  });

  it('with a token, forged notifications cost no request at all', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu, realWindow);
    emu.clearRequests();
    const handler = createWebhookHandler({ client, token: 'flood-token-1', onTask: () => {} });
    const hook = (i: number, token: string) =>
      handler(
        new Request(withWebhookToken('http://app.test/hook', token), { method: 'POST', body: forged(i) }),
      );
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => hook(i, 'wrong-token')));
    expect(answers.every((answer) => answer.status === 401)).toBe(true);
    count(ctx, 'Webhook floods', {
      cases: 300,
      floodHints: 300,
      overShare: confirmations(emu.requests),
    });
    expect(emu.requests).toEqual([]);
  });
});
