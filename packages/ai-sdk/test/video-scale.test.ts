// 20 concurrent experimental_generateVideo calls on one provider, against the emulator's real limit of 60
// query requests a minute per IP (its window compressed like every duration): the status checks of all
// calls go through one client, are answered together by list reads, and none is refused with a 429.
import { peakInWindow } from '@aivideomaker/test-support';
import { experimental_generateVideo as generateVideo } from 'ai';
import { expect, it } from 'vitest';
import { createAIVideoMaker } from '../src/index';
import { clientFor, emulator, isMp4, loopbackDownload, POLL, queryRequests, SPEED } from './helpers';

const N = 20;
const WINDOW_MS = 60_000 / SPEED;

it(`${N} concurrent generateVideo calls on one provider: no 429, status reads shared`, async () => {
  // An emulator of its own: the limit counts every client of this machine's IP.
  await using emu = await emulator({ credits: 10_000 });
  const provider = createAIVideoMaker({ client: clientFor(emu) });
  const results = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      generateVideo({
        model: provider.video(i % 2 ? 't2v' : 't2v_v3'),
        prompt: `Scene ${i}`,
        poll: POLL,
        download: loopbackDownload,
      }),
    ),
  );
  expect(results.every((result) => isMp4(result.video.uint8Array))).toBe(true);
  expect(new Set(results.map((result) => result.providerMetadata.aivideomaker?.taskId)).size).toBe(N);

  const queries = queryRequests(emu);
  const lists = queries.filter((request) => request.path === '/api/v1/tasks').length;
  console.info(`[video scale] ${N} calls: ${queries.length} query requests, ${lists} list reads`);
  expect(queries.filter((request) => request.status === 429)).toEqual([]);
  expect(peakInWindow(queries, WINDOW_MS)).toBeLessThanOrEqual(60);
  // Each call checks its task every POLL.intervalMs (about ten times here); checks due together are
  // answered by one list read for all of them, so the reads stay a few per video, not one per check.
  expect(lists).toBeGreaterThan(0);
  expect(queries.length).toBeLessThanOrEqual(3 * N);
});
