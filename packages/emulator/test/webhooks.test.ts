import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_RETRIES } from '../src/index';
import { submit, t2v, useEmulator, waitFor } from './helpers';

// The seed document's answers, exactly (api: 'seed'); live.test.ts covers the default mode.
const start = useEmulator({ api: 'seed' });
const receivers: Server[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

interface Received {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** A loopback webhook receiver answering with `statuses` in turn (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=s3cret`, received };
}

describe('webhooks', () => {
  it('POSTs every status change as JSON, in order', async () => {
    const emu = await start({ speed: 100 });
    const hook = await receiver();
    const { taskId } = await submit(emu, 't2v', t2v(), { webhookUrl: hook.url });
    // The receiver sees the body before the emulator records its answer: wait for both.
    await waitFor(() => (hook.received.length === 3 && emu.webhooks.length === 3 ? true : undefined));
    expect(hook.received.map((r) => r.body.status)).toEqual(['SUBMITTED', 'PROGRESS', 'COMPLETED']);
    const [task] = emu.tasks();
    expect(hook.received[2]?.body).toEqual({
      taskId,
      status: 'COMPLETED',
      model: 't2v',
      createdAt: task?.createdAt,
      completedAt: task?.completedAt,
      output: { video: `${emu.url}/files/${taskId}.mp4` },
    });
    expect(hook.received[0]?.headers['content-type']).toBe('application/json');
    expect(task?.webhookUrl).toBe(hook.url);
    expect(emu.webhooks.map((d) => [d.body.status, d.status, d.attempt])).toEqual([
      ['SUBMITTED', 200, 1],
      ['PROGRESS', 200, 1],
      ['COMPLETED', 200, 1],
    ]);
  });

  it('sends the live output shape in the default mode', async () => {
    const emu = await start({ speed: 100, api: 'live' });
    const hook = await receiver();
    const { taskId } = await submit(emu, 't2v', t2v(), { webhookUrl: hook.url });
    await waitFor(() => (hook.received.length === 3 ? true : undefined));
    expect(hook.received[2]?.body.output).toEqual({
      url: `${emu.url}/files/${taskId}.mp4`,
      msg: expect.stringContaining('24 hours'),
      error: null,
    });
  });

  it('retries a failed delivery, keeping later notifications behind it', async () => {
    const emu = await start({ speed: 100 });
    const hook = await receiver([500]);
    await submit(emu, 't2v', t2v(), { webhookUrl: hook.url });
    await waitFor(() => (hook.received.length === 4 ? true : undefined));
    expect(hook.received.map((r) => r.body.status)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'PROGRESS',
      'COMPLETED',
    ]);
    expect(emu.webhooks.slice(0, 2).map((d) => ({ status: d.status, attempt: d.attempt }))).toEqual([
      { status: 500, attempt: 1 },
      { status: 200, attempt: 2 },
    ]);
  });

  it('gives up after the retries on an unreachable receiver and keeps working', async () => {
    const emu = await start({ speed: 1000 });
    const { url } = await receiver();
    const closed = receivers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const { taskId } = await submit(emu, 't2v', t2v({ prompt: 'x [fail]' }), { webhookUrl: url });
    const attempts = 3 * (WEBHOOK_RETRIES + 1);
    await waitFor(() => (emu.webhooks.length === attempts ? true : undefined));
    expect(emu.webhooks.every((d) => d.error !== undefined && d.status === undefined)).toBe(true);
    expect(emu.webhooks.filter((d) => d.body.status === 'FAILED').map((d) => d.attempt)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(emu.tasks()[0]).toMatchObject({ id: taskId, status: 'FAILED' });
  });
});
