// experimental_startVideo in one process, experimental_getVideoStatus in another: two providers with two
// clients share nothing but the API, and `operation` (just the task id) is all the second one needs.
import { getVideoUrls } from '@aivideomaker/core';
import {
  type GetVideoStatusResult,
  experimental_getVideoStatus as getVideoStatus,
  experimental_startVideo as startVideo,
} from 'ai';
import { expect, it } from 'vitest';
import { createAIVideoMaker } from '../src/index';
import { clientFor, emulator, emulatorPerFile, KEY } from './helpers';

const emu = emulatorPerFile(() => emulator());

/** Another process: a fresh provider and client, and the operation as it was stored (JSON). */
async function collect(stored: string): Promise<GetVideoStatusResult[]> {
  const worker = createAIVideoMaker({ client: clientFor(emu) }).video('t2v');
  const seen: GetVideoStatusResult[] = [];
  for (;;) {
    const result = await getVideoStatus(worker, { operation: JSON.parse(stored) });
    seen.push(result);
    if (result.status !== 'pending') return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('starts in one provider instance and finishes in another', async () => {
  const { operation } = await startVideo({
    model: createAIVideoMaker({ client: clientFor(emu) }).video('t2v'),
    prompt: 'A hot air balloon at dawn',
  });
  const [task] = emu.tasks();
  expect(operation).toEqual({ taskId: task?.id });
  const seen = await collect(JSON.stringify(operation));
  const last = seen.at(-1);
  const [url] = getVideoUrls(emu.tasks()[0]);
  expect(seen.slice(0, -1).every((result) => result.status === 'pending')).toBe(true);
  expect(last).toMatchObject({
    status: 'completed',
    videos: [{ type: 'url', url, mediaType: 'video/mp4' }],
    providerMetadata: { aivideomaker: { taskId: task?.id } },
  });
});

it('FAILED and CANCEL come back as errors that say why and that the credits were refunded', async () => {
  const model = createAIVideoMaker({ client: clientFor(emu) }).video('t2v');
  const failed = await startVideo({ model, prompt: 'A storm [fail]' });
  expect((await collect(JSON.stringify(failed.operation))).at(-1)).toMatchObject({
    status: 'error',
    // The reason, when the API gives one, follows.
    error: expect.stringMatching(/^Task \S+ failed; its credits were refunded automatically\./),
  });

  // Cancelling needs the task still queued: an emulator of its own at real speed keeps it queued for 3 s.
  await using slow = await emulator({ speed: 1 });
  const slowModel = createAIVideoMaker({ client: clientFor(slow) }).video('t2v');
  const cancelled = await startVideo({ model: slowModel, prompt: 'A calm sea' });
  await clientFor(slow).tasks.cancel((cancelled.operation as { taskId: string }).taskId);
  const result = await getVideoStatus(slowModel, { operation: cancelled.operation });
  expect(result).toMatchObject({ status: 'error', error: expect.stringMatching(/was cancelled.*refunded/) });
  expect(JSON.stringify(result)).not.toContain(KEY);
});

it('an operation that is not one of ours is refused before any request', async () => {
  const model = createAIVideoMaker({ client: clientFor(emu) }).video('t2v');
  await expect(getVideoStatus(model, { operation: { id: 'x' } })).rejects.toThrow(/Invalid operation/);
  await expect(getVideoStatus(model, { operation: { taskId: '../account' } })).rejects.toThrow(
    /Invalid taskId/,
  );
  expect(emu.requests).toEqual([]);
});
