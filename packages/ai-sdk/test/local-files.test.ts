// image_to_video with a local image path: read (as a data URL) only inside the roots that `localFiles`
// allows; anything else, or any path while local files are off, is refused before a request.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { generateText, isStepCount } from 'ai';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type AIVideoMakerToolsOptions, createAIVideoMakerTools } from '../src/index';
import { clientFor, emulator, generateRequests, PNG_BYTES, scriptedModel, toolResultTexts } from './helpers';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator();
  dir = await mkdtemp(join(tmpdir(), 'aivm-ai-sdk-'));
  await mkdir(join(dir, 'media'));
  await writeFile(join(dir, 'media', 'cat.png'), PNG_BYTES);
  await writeFile(join(dir, 'secret.png'), PNG_BYTES);
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emu.clearRequests());

/** The model animates `image`; returns the text it was shown. */
async function animate(image: string, options: AIVideoMakerToolsOptions): Promise<string> {
  const model = scriptedModel([
    { toolCalls: [{ toolName: 'image_to_video', input: { image, prompt: 'The cat blinks' } }] },
    (seen) => ({ text: toolResultTexts(seen).join(' ') }),
  ]);
  const tools = createAIVideoMakerTools({ client: clientFor(emu), ...options });
  const result = await generateText({ model, tools, stopWhen: isStepCount(3), prompt: 'Animate my cat' });
  return result.text;
}

it('a file inside localFiles.roots is sent as a data URL', async () => {
  const text = await animate(join(dir, 'media', 'cat.png'), { localFiles: { roots: [join(dir, 'media')] } });
  expect(text).toMatch(/COMPLETED; model i2v; 5 credits; video: http.+\.mp4/);
  const expected = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;
  expect(generateRequests(emu).map((request) => request.body)).toEqual([
    { image: expected, prompt: 'The cat blinks', duration: '5' },
  ]);
});

it('a file outside the roots, even through "..", is refused before any request', async () => {
  const outside = join(dir, 'media', '..', 'secret.png');
  const text = await animate(outside, { localFiles: { roots: [join(dir, 'media')] } });
  expect(text).toMatch(/^Error \(invalid_input\): .*image.*outside the folders this app allows/);
  expect(generateRequests(emu)).toEqual([]);
});

it('with local files off (the default) a path is refused and the model is told to pass a URL', async () => {
  const text = await animate(join(dir, 'media', 'cat.png'), {});
  expect(text).toMatch(/^Error \(invalid_input\): .*local files are disabled.*https URL/);
  expect(generateRequests(emu)).toEqual([]);
});
