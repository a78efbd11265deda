// Webhook mode: the SDK's `webhook` factory, a real HTTP receiver on loopback, the emulator's deliveries.
// The delivery is only a hint: it is confirmed with an authenticated read, a forged one changes nothing, and
// a receiver that resolves too early still ends with the right video.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Experimental_VideoModelV4OperationWebhook as Delivery } from '@ai-sdk/provider';
import type { Emulator } from '@aivideomaker/emulator';
import { experimental_generateVideo as generateVideo } from 'ai';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAIVideoMaker } from '../src/index';
import { clientFor, emulator, isMp4, loopbackDownload, POLL, queryRequests } from './helpers';

type Accept = (body: Record<string, unknown>) => boolean;

/** A webhook receiver like an app's: each factory call gets its own URL and a promise of one delivery. */
class Receiver {
  readonly #waiting = new Map<string, { accept: Accept; resolve: (delivery: Delivery) => void }>();
  #server!: Server;
  #count = 0;
  url = '';

  async listen(): Promise<void> {
    this.#server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => {
        text += chunk;
      });
      request.on('end', () => {
        response.writeHead(200).end();
        const waiting = this.#waiting.get(request.url ?? '');
        const body = JSON.parse(text) as Record<string, unknown>;
        if (!waiting?.accept(body)) return;
        this.#waiting.delete(request.url ?? '');
        waiting.resolve({
          headers: request.headers as Record<string, string>,
          body: body as Delivery['body'],
        });
      });
    });
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The SDK's `webhook` option; `accept` picks the delivery that resolves `received`. */
  factory(accept: Accept = () => true) {
    return async () => {
      const path = `/hooks/${++this.#count}`;
      const received = new Promise<Delivery>((resolve) => this.#waiting.set(path, { accept, resolve }));
      return { url: `${this.url}${path}`, received };
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCEL']);
const atTheEnd: Accept = (body) => ENDED.has(String(body.status));

let emu: Emulator;
const receiver = new Receiver();
beforeAll(async () => {
  emu = await emulator();
  await receiver.listen();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
beforeEach(() => emu.clearRequests());

const provider = () => createAIVideoMaker({ client: clientFor(emu) });

it('completes from the webhook without polling: one authenticated read confirms the delivery', async () => {
  const { video } = await generateVideo({
    model: provider().video('t2v'),
    prompt: 'Fireworks over a harbour',
    webhook: receiver.factory(atTheEnd),
    download: loopbackDownload,
  });
  expect(isMp4(video.uint8Array)).toBe(true);
  const [task] = emu.tasks();
  expect(emu.webhooks.map((delivery) => delivery.body.status)).toEqual([
    'SUBMITTED',
    'PROGRESS',
    'COMPLETED',
  ]);
  expect(emu.webhooks[0]?.url).toMatch(new RegExp(`^${receiver.url}/hooks/\\d+$`));
  // No status polling, no list: the only query is the confirmation of the COMPLETED delivery.
  expect(queryRequests(emu).map((request) => request.path)).toEqual([`/api/v1/tasks/${task?.id}`]);
});

it('a forged "COMPLETED" delivery changes nothing: the real video arrives', async () => {
  const forged = 'http://127.0.0.1:9/forged.mp4';
  const webhook = async () => {
    const { url, received } = await receiver.factory(atTheEnd)();
    // Someone who learnt the URL posts first, claiming the task is done with their own file.
    const sendForgery = async () => {
      await expect.poll(() => emu.tasks().length).toBe(1);
      const taskId = emu.tasks()[0]?.id;
      await fetch(url, {
        method: 'POST',
        body: JSON.stringify({ taskId, status: 'COMPLETED', output: { video: forged } }),
      });
    };
    void sendForgery();
    return { url, received };
  };
  const { video, providerMetadata } = await generateVideo({
    model: provider().video('t2v'),
    prompt: 'A lighthouse at night',
    webhook,
    poll: POLL,
    download: loopbackDownload,
  });
  expect(isMp4(video.uint8Array)).toBe(true);
  expect(JSON.stringify(providerMetadata)).not.toContain(forged);
  expect(emu.tasks()[0]?.status).toBe('COMPLETED');
  // The forgery resolved `received`; its confirmation found the task unfinished, so the watcher finished it.
  expect(queryRequests(emu).some((request) => request.path.endsWith('/status'))).toBe(true);
});

it('a receiver that resolves on the first delivery (SUBMITTED) still ends with the video', async () => {
  const { video } = await generateVideo({
    model: provider().video('t2v'),
    prompt: 'Rain on a window',
    webhook: receiver.factory(),
    poll: POLL,
    download: loopbackDownload,
  });
  expect(isMp4(video.uint8Array)).toBe(true);
  // Finished by the shared watcher: status reads, none of them refused.
  expect(queryRequests(emu).length).toBeGreaterThan(0);
  expect(queryRequests(emu).every((request) => request.status === 200)).toBe(true);
});

it('a FAILED task reported by webhook is an error that mentions the refund', async () => {
  const failing = generateVideo({
    model: provider().video('t2v'),
    prompt: 'Static noise [fail]',
    webhook: receiver.factory(atTheEnd),
    download: loopbackDownload,
  });
  await expect(failing).rejects.toThrow(/failed; its credits were refunded automatically/);
  expect(queryRequests(emu).filter((request) => request.path.endsWith('/status'))).toEqual([]);
});

it('an abort while waiting for the webhook stops at once, without a read', async () => {
  await using slow = await emulator({ speed: 1 }); // the task stays queued for seconds
  const controller = new AbortController();
  const running = generateVideo({
    model: createAIVideoMaker({ client: clientFor(slow) }).video('t2v_v3'),
    prompt: 'A slow pan across mountains',
    duration: 20,
    webhook: receiver.factory(atTheEnd),
    abortSignal: controller.signal,
    download: loopbackDownload,
  });
  await expect.poll(() => slow.webhooks.length).toBeGreaterThan(0); // submitted, SUBMITTED delivered
  controller.abort(new Error('the user left'));
  await expect(running).rejects.toSatisfy(
    (error) => (error as Error).message === 'the user left' || (error as Error).name === 'AbortError',
  );
  expect(slow.tasks()[0]?.status).not.toBe('COMPLETED');
  expect(queryRequests(slow)).toEqual([]);
});
