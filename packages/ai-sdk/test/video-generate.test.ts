// experimental_generateVideo end to end against the emulator: MP4 bytes for t2v, an image model from a
// local file's bytes, FAILED as an error that mentions the refund, an abort that stops at once, and the
// key in no error or warning.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIVideoMaker } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { experimental_generateVideo as generateVideo } from 'ai';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAIVideoMaker } from '../src/index';
import {
  clientFor,
  emulator,
  generateRequests,
  isMp4,
  KEY,
  loopbackDownload,
  PNG_BYTES,
  POLL,
  queryRequests,
} from './helpers';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator();
  dir = await mkdtemp(join(tmpdir(), 'aivm-video-'));
  await writeFile(join(dir, 'cat.png'), PNG_BYTES);
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emu.clearRequests());

const provider = () => createAIVideoMaker({ client: clientFor(emu) });

it('t2v: the video comes back as MP4 bytes, with the task in providerMetadata', async () => {
  const { video, videos, warnings, providerMetadata } = await generateVideo({
    model: provider().video('t2v'),
    prompt: 'A paper boat on a rainy street',
    aspectRatio: '9:16',
    duration: 8,
    poll: POLL,
    download: loopbackDownload,
  });
  expect(videos).toHaveLength(1);
  expect(video.mediaType).toBe('video/mp4');
  expect(isMp4(video.uint8Array)).toBe(true);
  expect(warnings).toEqual([]);
  const [sent] = generateRequests(emu);
  expect(sent).toEqual({
    model: 't2v',
    key: KEY,
    body: { prompt: 'A paper boat on a rainy street', aspectRatio: '9:16', duration: '8' },
  });
  const taskId = emu.tasks()[0]?.id;
  expect(providerMetadata.aivideomaker).toMatchObject({
    taskId,
    videos: [{ url: expect.stringMatching(/\.mp4$/) }],
  });
});

it('an image model from the bytes of a local image file, sent as a data URL', async () => {
  const bytes = new Uint8Array(await readFile(join(dir, 'cat.png')));
  const { video } = await generateVideo({
    model: provider().video('i2v'),
    prompt: { image: bytes, text: 'The cat blinks' },
    poll: POLL,
    download: loopbackDownload,
  });
  expect(isMp4(video.uint8Array)).toBe(true);
  const dataUrl = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;
  // No duration asked: the model's first allowed one (the shortest and cheapest).
  expect(generateRequests(emu).map((request) => request.body)).toEqual([
    { prompt: 'The cat blinks', duration: '5', image: dataUrl },
  ]);
});

it('a first_frame in frameImages is the image of lv, whose segment prompts come from providerOptions', async () => {
  const { video } = await generateVideo({
    model: provider().video('lv'),
    prompt: 'unused',
    frameImages: [{ image: PNG_BYTES, frameType: 'first_frame' }],
    providerOptions: { aivideomaker: { prompts: ['The cat wakes up', 'The cat stretches'] } },
    poll: POLL,
    download: loopbackDownload,
  }).catch((error: unknown) => ({ video: undefined, error }));
  // Both a text prompt and segment prompts: refused, nothing sent.
  expect(video).toBeUndefined();
  expect(generateRequests(emu)).toEqual([]);

  const result = await generateVideo({
    model: provider().video('lv'),
    prompt: '',
    frameImages: [{ image: PNG_BYTES, frameType: 'first_frame' }],
    providerOptions: { aivideomaker: { prompts: ['The cat wakes up', 'The cat stretches'] } },
    duration: 10,
    poll: POLL,
    download: loopbackDownload,
  });
  expect(isMp4(result.video.uint8Array)).toBe(true);
  expect(generateRequests(emu)[0]?.body).toEqual({
    prompt: ['The cat wakes up', 'The cat stretches'],
    image: `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`,
  });
});

it('FAILED surfaces as an error that says the credits were refunded', async () => {
  const before = emu.ledger.balance(KEY);
  const failing = generateVideo({
    model: provider().video('t2v'),
    prompt: 'A glitch [fail]',
    poll: POLL,
    download: loopbackDownload,
  });
  await expect(failing).rejects.toThrow(/Task \S+ failed; its credits were refunded/);
  expect(emu.ledger.balance(KEY)).toBe(before);
});

it('an abort stops at once: no request after it, while the task is still rendering', async () => {
  // At real speed the task stays queued for seconds: the abort surely comes before the end.
  await using slow = await emulator({ speed: 1 });
  const controller = new AbortController();
  const reason = new Error('the user left');
  const running = generateVideo({
    model: createAIVideoMaker({ client: clientFor(slow) }).video('t2v_v3'),
    prompt: 'A very long shot',
    duration: 20,
    poll: POLL,
    abortSignal: controller.signal,
    download: loopbackDownload,
  });
  // Abort once the task has been polled (mid-wait), then check nothing else goes out.
  await expect.poll(() => queryRequests(slow).length).toBeGreaterThan(0);
  controller.abort(reason);
  // Our code rejects with the signal's reason; the SDK's own sleep between polls with an AbortError.
  await expect(running).rejects.toSatisfy(
    (error) => error === reason || (error as Error).name === 'AbortError',
  );
  const seen = slow.requests.length;
  expect(slow.tasks()[0]?.status).not.toBe('COMPLETED');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(slow.requests.length).toBe(seen);
});

it('the key is in no error: a refused key, a bad input, a failed task', async () => {
  const wrongKey = 'fake-key-WRONG-9c1d7e3f2a';
  const wrong = createAIVideoMaker({ client: new AIVideoMaker({ apiKey: wrongKey, baseUrl: emu.url }) });
  const errors = await Promise.all([
    generateVideo({ model: wrong.video('t2v'), prompt: 'A fox', poll: POLL }).catch(
      (error: unknown) => error,
    ),
    generateVideo({ model: provider().video('t2v'), prompt: 'A fox', duration: 7 }).catch((e: unknown) => e),
    generateVideo({ model: provider().video('t2v'), prompt: 'x [fail]', poll: POLL }).catch(
      (e: unknown) => e,
    ),
  ]);
  expect(errors.map((error) => (error as Error).name)).toEqual([
    'AuthenticationError',
    'InputValidationError',
    'Error',
  ]);
  for (const error of errors) {
    const text = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(wrongKey);
  }
});
