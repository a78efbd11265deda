// The real OpenClaw (npm openclaw 2026.9.6) with the packed plugin installed into a temporary HOME by
// `openclaw plugins install npm-pack:<tgz>`: its inspector and provider listing see the provider and its
// capabilities, and OpenClaw's own video-generation runtime (the function behind video_generate) loads
// the plugin and generates against the emulator over loopback. Our module is never loaded into OpenClaw
// here (only its capability builder is imported, as the expected value).
// OpenClaw takes seconds to start, so after one install the three checks run at once, and every runtime
// call runs in one child process (test/fixtures/openclaw-runtime.mjs); the tests read their results.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_DURATIONS } from '@aivideomaker/core/internal';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPlugin } from '../scripts/pack.ts';
import { buildCapabilities } from '../src/capabilities';
import { type Exit, exec, OPENCLAW_RUNS, openclaw, openclawEnv, PACKAGE_DIR, tempDir } from './helpers';

const temp = tempDir();
const home = join(temp.path, 'home');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const imagePath = join(temp.path, 'first-frame.png');

interface RuntimeAnswer {
  ok: boolean;
  message?: string;
  configured?: boolean;
  model?: string;
  videos?: { url: string; mimeType: string }[];
  normalization?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Every runtime call, each with its own key so the emulator's request log tells them apart. */
const CALLS = [
  {
    name: 'text',
    action: 'generate',
    key: 'fake-key-text',
    params: {
      prompt: 'A lighthouse at dusk',
      modelOverride: 'aivideomaker/t2v_v3',
      durationSeconds: 12,
      aspectRatio: '9:16',
    },
  },
  {
    name: 'image',
    action: 'generate',
    key: 'fake-key-image',
    params: {
      prompt: 'The waves roll in',
      modelOverride: 'aivideomaker/i2v',
      durationSeconds: 8,
      inputImages: [{ path: imagePath, mimeType: 'image/png' }],
    },
  },
  {
    name: 'minimax',
    action: 'generate',
    key: 'fake-key-minimax',
    params: {
      prompt: 'A paper boat in the rain',
      modelOverride: 'aivideomaker/minimax',
      durationSeconds: 6,
      resolution: '1080P',
      aspectRatio: '21:9',
      providerOptions: { tier: 'base' },
    },
  },
  {
    name: 'refused',
    action: 'provider',
    key: 'fake-key-refused',
    params: { model: 't2v', prompt: 'A lighthouse', durationSeconds: 7 },
  },
  {
    name: 'capped',
    action: 'generate',
    key: 'fake-key-capped',
    params: { prompt: 'A long take', modelOverride: 'aivideomaker/t2v_v3', durationSeconds: 10 },
    pluginConfig: { maxCredits: 50 },
  },
  { name: 'configuredWithKey', action: 'configured', key: 'fake-key-configured', params: {} },
  { name: 'configuredWithoutKey', action: 'configured', params: {} },
  {
    name: 'withoutKey',
    action: 'provider',
    params: { model: 't2v', prompt: 'A lighthouse', durationSeconds: 5 },
  },
] as const;

let emulator: Emulator;
let inspected: Exit;
let listed: Exit;
let answers: Record<(typeof CALLS)[number]['name'], RuntimeAnswer>;

const requestsWith = (key: string) => emulator.requests.filter((request) => request.headers.key === key);

async function runtimeCalls(): Promise<typeof answers> {
  const calls = CALLS.map((call) => ({
    ...call,
    pluginConfig: { baseUrl: emulator.url, ...('pluginConfig' in call ? call.pluginConfig : {}) },
  }));
  const script = join(PACKAGE_DIR, 'test/fixtures/openclaw-runtime.mjs');
  const result = await exec(process.execPath, [script, JSON.stringify(calls)], openclawEnv(home));
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
}

afterAll(async () => {
  await emulator?.close();
  temp.remove();
});

describe.skipIf(!OPENCLAW_RUNS)('the plugin installed into OpenClaw 2026.9.6', () => {
  beforeAll(async () => {
    writeFileSync(imagePath, PNG);
    emulator = await startEmulator({ speed: 200 });
    const { tarball } = packPlugin(join(temp.path, 'pack'));
    const installed = await openclaw(home, [
      'plugins',
      'install',
      `npm-pack:${tarball}`,
      '--force',
      '--accept-capabilities',
    ]);
    expect(installed.code, installed.stderr + installed.stdout).toBe(0);
    expect(installed.stdout).toContain('Installed plugin: aivideomaker');
    [inspected, listed, answers] = await Promise.all([
      openclaw(home, ['plugins', 'inspect', 'aivideomaker', '--runtime', '--json']),
      openclaw(home, ['infer', 'video', 'providers', '--json']),
      runtimeCalls(),
    ]);
  }, 600_000);

  it('plugins inspect --runtime loads it with the video-generation provider and no dependencies', () => {
    expect(inspected.code, inspected.stderr).toBe(0);
    const report = JSON.parse(inspected.stdout);
    expect(report.plugin).toMatchObject({
      id: 'aivideomaker',
      packageName: '@aivideomaker/openclaw-plugin',
      status: 'loaded',
      videoGenerationProviderIds: ['aivideomaker'],
      providerIds: ['aivideomaker'],
      contracts: { videoGenerationProviders: ['aivideomaker'] },
      dependencyStatus: { hasDependencies: false, missing: [] },
    });
    expect(report.capabilities).toContainEqual({ kind: 'video-generation', ids: ['aivideomaker'] });
    expect(report.diagnostics).toEqual([]);
  });

  it('infer video providers lists its models and their capabilities from core', () => {
    expect(listed.code, listed.stderr).toBe(0);
    const provider = JSON.parse(listed.stdout).generation.find(
      (entry: { id: string }) => entry.id === 'aivideomaker',
    );
    expect(provider).toMatchObject({
      defaultModel: 't2v',
      models: ['t2v', 't2v_v3', 'i2v', 'i2v_v3', 'minimax'],
    });
    // Exactly the declaration built from core's table (checked against core in capabilities.test.ts).
    expect(provider.capabilities).toEqual(buildCapabilities());
    expect(provider.capabilities).toMatchObject({
      generate: {
        supportedDurationSecondsByModel: { t2v: [5, 8], t2v_v3: MODEL_DURATIONS.t2v_v3.map(Number) },
        resolutions: ['720P', '1080P'],
        providerOptions: { tier: 'string' },
      },
      imageToVideo: { enabled: true, maxInputImages: 2, supportedDurationSecondsByModel: { i2v: [5, 8] } },
      videoToVideo: { enabled: false },
    });
  });

  it("video_generate's runtime generates with a text model and returns the hosted URL", async () => {
    const answer = answers.text;
    expect(answer, answer.message).toMatchObject({ ok: true, model: 't2v_v3' });
    const [video] = answer.videos ?? [];
    expect(video?.mimeType).toBe('video/mp4');
    expect(video?.url.startsWith(`${emulator.url}/`)).toBe(true);
    // OpenClaw snaps 12 s to the model's nearest duration and says so; that is what was sent and priced.
    expect(answer.normalization).toMatchObject({ durationSeconds: { requested: 12, applied: 10 } });
    expect(answer.metadata).toMatchObject({ credits: 100, maxCredits: 100, status: 'COMPLETED' });
    const body = { prompt: 'A lighthouse at dusk', aspectRatio: '9:16', duration: '10' };
    const posts = requestsWith('fake-key-text').filter((request) => request.method === 'POST');
    expect(posts.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
      ['/api/v1/quote/t2v_v3', body], // the non-billable price first
      ['/api/v1/generate/t2v_v3', body],
    ]);
    // The quoted price is the cap the server enforces; the key makes a resend safe.
    expect(posts[1]?.headers['x-max-credits']).toBe('100');
    expect(posts[1]?.headers['idempotency-key']).toMatch(/^\S{8,128}$/);
    // The hosted URL serves the video (OpenClaw itself refuses to download from loopback).
    const file = await fetch(video?.url ?? '');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp');
  });

  it("video_generate's runtime animates an image with an image model", () => {
    const answer = answers.image;
    expect(answer, answer.message).toMatchObject({ ok: true, model: 'i2v' });
    expect(answer.videos?.[0]?.url.startsWith(`${emulator.url}/`)).toBe(true);
    const posts = requestsWith('fake-key-image').filter((request) =>
      request.path.startsWith('/api/v1/generate/'),
    );
    expect(posts.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
      [
        '/api/v1/generate/i2v',
        {
          image: `data:image/png;base64,${PNG.toString('base64')}`,
          prompt: 'The waves roll in',
          duration: '8',
        },
      ],
    ]);
  });

  it("video_generate's runtime generates with minimax: resolution, aspect ratio and its tier option", () => {
    const answer = answers.minimax;
    expect(answer, answer.message).toMatchObject({ ok: true, model: 'minimax', metadata: { credits: 30 } });
    expect(answer.videos?.[0]?.url.startsWith(`${emulator.url}/`)).toBe(true);
    const [post] = requestsWith('fake-key-minimax').filter(
      (request) => request.path === '/api/v1/generate/minimax',
    );
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      content: 'A paper boat in the rain',
      duration: 6,
      resolution: '1080p',
      aspectRatio: '21:9',
      tier: 'base',
    });
    expect(post?.headers['x-max-credits']).toBe('30');
  });

  it('the registered provider refuses an unsupported duration with zero requests', () => {
    expect(answers.refused).toEqual({
      ok: false,
      message:
        'AI Video Maker: Invalid durationSeconds: 7 s is not offered by model t2v. Allowed: "5", "8". Nothing was sent; no credits were charged.',
    });
    expect(requestsWith('fake-key-refused')).toEqual([]);
  });

  it('a video dearer than the configured maxCredits is refused before it is submitted', () => {
    expect(answers.capped.ok).toBe(false);
    expect(answers.capped.message).toContain(
      'costs 100 credits, more than the 50 allowed by plugins.entries.aivideomaker.config.maxCredits; nothing was submitted',
    );
    // Only the non-billable quote was asked; nothing was submitted.
    expect(requestsWith('fake-key-capped').map((request) => request.path)).toEqual(['/api/v1/quote/t2v_v3']);
  });

  it('without a key the provider is not configured and sends nothing', () => {
    expect(answers.configuredWithKey).toEqual({ ok: true, configured: true });
    expect(answers.configuredWithoutKey).toEqual({ ok: true, configured: false });
    expect(answers.withoutKey.ok).toBe(false);
    expect(answers.withoutKey.message).toContain(
      'The API key is missing or was rejected; no credits were charged. Set AIVIDEOMAKER_API_KEY',
    );
    const apiCallsWithoutKey = emulator.requests.filter((r) => r.path.startsWith('/api/') && !r.headers.key);
    expect(apiCallsWithoutKey).toEqual([]);
    expect(requestsWith('fake-key-configured')).toEqual([]);
  });
});
