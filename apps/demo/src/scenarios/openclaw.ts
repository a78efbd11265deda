// Scenario 6, the OpenClaw plugin: OpenClaw's own video-generation runtime (the function behind the
// built-in video_generate tool) loads @aivideomaker/openclaw-plugin from its package folder and makes a
// video with provider `aivideomaker`, in a fresh process with its own OpenClaw HOME under out/. The
// plugin hands back the hosted URL; the demo then saves the file as OpenClaw's delivery would.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { estimateCredits } from '@aivideomaker/core';
import { OUT_DIR, type Scenario, saveVideo } from '../scenario.ts';

const PLUGIN_DIR = dirname(
  createRequire(import.meta.url).resolve('@aivideomaker/openclaw-plugin/package.json'),
);
const RUNTIME = join(import.meta.dirname, 'openclaw-runtime.mjs');
const REQUEST = {
  prompt: 'A hot-air balloon drifting over a misty valley at sunrise',
  modelOverride: 'aivideomaker/t2v',
  durationSeconds: 5,
  aspectRatio: '16:9',
} as const;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

interface RuntimeAnswer {
  ok: boolean;
  message?: string;
  model?: string;
  videos?: { url: string }[];
  metadata?: { taskId?: string; credits?: number };
}

export const openclawScenario: Scenario = {
  name: 'openclaw',
  title: "OpenClaw plugin: video_generate's runtime with provider aivideomaker",
  plannedCredits: estimateCredits('t2v', { duration: REQUEST.durationSeconds }),
  async run(context) {
    const { env, ui } = context;
    if (major < 24 || (major === 24 && minor < 16)) {
      ui.info(`OpenClaw needs Node >= 24.16 (this is ${process.versions.node}); scenario skipped.`);
      return [];
    }
    const home = join(OUT_DIR, 'openclaw-home');
    await mkdir(home, { recursive: true });
    ui.info(
      `generateVideo({ model: "${REQUEST.modelOverride}", durationSeconds: ${REQUEST.durationSeconds}, ... }) via openclaw/plugin-sdk/video-generation-runtime`,
    );
    const startedAt = Date.now();
    const child = spawn(
      process.execPath,
      [RUNTIME, JSON.stringify({ pluginDir: PLUGIN_DIR, baseUrl: env.baseUrl, request: REQUEST })],
      {
        // Only what OpenClaw needs: its HOME, and the key it resolves through its provider auth.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          OPENCLAW_STATE_DIR: join(home, '.openclaw'),
          AIVIDEOMAKER_API_KEY: env.apiKey,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    ui.progress('openclaw', 'loading the plugin and generating');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const answer = JSON.parse(stdout.trim().split('\n').at(-1) || '{}') as RuntimeAnswer;
    if (code !== 0 || !answer.ok)
      throw new Error(answer.message ?? `the OpenClaw runtime exited ${code}: ${stderr.trim()}`);
    const url = answer.videos?.[0]?.url;
    const taskId = answer.metadata?.taskId;
    if (!url || !taskId) throw new Error('the provider returned no video URL');
    ui.info(`video_generate result: ${answer.model} ${url}`);
    const task = await env.createClient().tasks.get(taskId);
    return [
      await saveVideo(
        context,
        {
          integration: 'openclaw',
          model: answer.model ?? 't2v',
          credits: answer.metadata?.credits ?? 0,
          startedAt,
        },
        task,
      ),
    ];
  },
};
