// The AI SDK video model: experimental_generateVideo with aivideomaker.video('t2v') (the SDK
// polls, the provider reads through one client), then experimental_startVideo in one provider and
// experimental_getVideoStatus in another, as a job queue's submitter and worker would.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createAIVideoMaker } from '@aivideomaker/ai-sdk';
import { estimateCredits } from '@aivideomaker/core';
import {
  experimental_generateVideo as generateVideo,
  experimental_getVideoStatus as getVideoStatus,
  experimental_startVideo as startVideo,
} from 'ai';
import { DEMO_SPEED } from '../environment.ts';
import { OUT_DIR, REPO_DIR, type Scenario, type ScenarioContext, type VideoRow } from '../scenario.ts';

const INTEGRATION = 'video-model';
const GENERATE = {
  prompt: 'A paper lantern rising into a night sky',
  aspectRatio: '16:9',
  duration: 5,
} as const;
const STARTED = {
  prompt: 'Waves rolling onto a pebble beach at dawn',
  aspectRatio: '9:16',
  duration: 5,
} as const;
const CAP = 10;

/**
 * A plain download. The SDK's default refuses loopback addresses (an SSRF guard), and the emulator serves
 * its files on loopback, so on the emulator the demo passes this one instead.
 */
async function fetchVideo({ url, abortSignal }: { url: URL; abortSignal?: AbortSignal }) {
  const response = await fetch(url, abortSignal ? { signal: abortSignal } : {});
  if (!response.ok) throw new Error(`download of the video answered HTTP ${response.status}`);
  return { data: new Uint8Array(await response.arrayBuffer()), mediaType: 'video/mp4' };
}

async function save(context: ScenarioContext, taskId: string, bytes: Uint8Array, startedAt: number) {
  await mkdir(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${INTEGRATION}-t2v-${taskId}.mp4`);
  await writeFile(path, bytes);
  const file = relative(REPO_DIR, path);
  context.ui.done(`t2v ${taskId} COMPLETED: ${file} (${bytes.byteLength} bytes)`);
  const credits = estimateCredits('t2v', { duration: 5 });
  const seconds = (Date.now() - startedAt) / 1000;
  return { integration: INTEGRATION, taskId, model: 't2v', status: 'COMPLETED', credits, seconds, file };
}

export const videoModelScenario: Scenario = {
  name: INTEGRATION,
  title: 'AI SDK video model: experimental_generateVideo, then startVideo / getVideoStatus in two providers',
  plannedCredits: 2 * estimateCredits('t2v', { duration: GENERATE.duration }),
  async run(context) {
    const { env, ui } = context;
    const emulated = env.mode === 'emulator';
    const intervalMs = emulated ? 5_000 / DEMO_SPEED : 5_000; // the SDK's default, scaled to the emulator
    const download = emulated ? fetchVideo : undefined;
    const provider = createAIVideoMaker({ client: env.createClient(), maxCreditsPerCall: CAP });
    const rows: VideoRow[] = [];

    let startedAt = Date.now();
    ui.info(`generateVideo: aivideomaker.video('t2v'), ${JSON.stringify(GENERATE)}`);
    const generated = await generateVideo({
      model: provider.video('t2v'),
      ...GENERATE,
      poll: { intervalMs },
      ...(download ? { download } : {}),
    });
    const taskId = String(generated.providerMetadata.aivideomaker?.taskId);
    rows.push(await save(context, taskId, generated.video.uint8Array, startedAt));

    startedAt = Date.now();
    const { operation } = await startVideo({ model: provider.video('t2v'), ...STARTED });
    ui.info(`startVideo: operation ${JSON.stringify(operation)} (stored; a worker finishes it)`);
    const worker = createAIVideoMaker({ client: env.createClient() }).video('t2v');
    for (;;) {
      const status = await getVideoStatus(worker, { operation });
      if (status.status === 'error') throw new Error(status.error);
      if (status.status === 'completed') {
        const [video] = status.videos;
        if (video?.type !== 'url') throw new Error('the worker got no video URL');
        const { data } = await fetchVideo({ url: new URL(video.url) });
        rows.push(await save(context, (operation as { taskId: string }).taskId, data, startedAt));
        return rows;
      }
      ui.progress('getVideoStatus', 'pending');
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  },
};
