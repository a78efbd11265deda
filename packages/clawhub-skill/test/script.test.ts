// The bundled script run the way OpenClaw runs it: `node {baseDir}/scripts/aivideomaker.mjs ...` from
// the agent's workspace, with only PATH and the skill's variables set. It generates a video on the
// emulator, downloads it and ends with the MEDIA: line the agent repeats.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SKILL_SCRIPT } from '../src/index';
import { exec, SKILL_DIR, tempDir } from './helpers';

const KEY = 'skill-test-key';
const script = join(SKILL_DIR, SKILL_SCRIPT);
const workspace = tempDir();
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ apiKeys: [KEY], speed: 100 });
});
afterAll(async () => {
  await emu.close();
  workspace.remove();
});

const node = (args: string[], env: Record<string, string>) =>
  exec(process.execPath, [script, ...args], env, { cwd: workspace.path });

it('generates, downloads and prints the MEDIA line', async () => {
  const args = [
    'generate',
    't2v',
    '--prompt',
    'A red kite over a beach',
    '--aspect-ratio',
    '16:9',
    '--duration',
    '5',
    '--out',
    'videos/',
  ];
  const result = await node(args, { AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: emu.url });
  expect(result.code, result.stderr).toBe(0);
  const media = result.stdout.trim().split('\n').at(-1) ?? '';
  const [taskId] = emu.tasks(KEY).map((task) => task.id);
  expect(media).toBe(`MEDIA: ${join(workspace.path, 'videos', `${taskId}.mp4`)}`);
  const bytes = readFileSync(media.slice('MEDIA: '.length));
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  expect(emu.requests.find((request) => request.method === 'POST')?.headers.key).toBe(KEY);
  expect(result.stderr).toMatch(/task \S+: COMPLETED/);
});

it('without a key it says where to get one and how to use the emulator', async () => {
  const result = await node(['list'], {});
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('https://aivideomaker.ai');
  expect(result.stderr).toContain('npx @aivideomaker/emulator');
});

it('asks for --yes above 20 credits instead of waiting for an answer', async () => {
  const args = ['generate', 't2v_v3', '--prompt', 'x', '--aspect-ratio', '1:1', '--duration', '20', '--json'];
  const result = await node(args, { AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: emu.url });
  expect(result.code).toBe(8);
  expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'confirmation_required', credits: 200 });
});
