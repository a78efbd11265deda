// Bad input to the client, across the five models and the task calls: wrong types, missing fields,
// durations the model does not offer, 0 or 7 lv prompts, non-image data URLs, oversized images,
// 100k-character prompts, odd Unicode and NUL bytes. Each is refused before any request, naming the field.
// Unusual but valid text (emoji, right-to-left scripts, combining marks) goes through byte for byte.
import { AIVideoMaker, type GenerateOptions, type ModelName } from '@aivideomaker/core';
import { describe, expect, it } from 'vitest';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator } from './support/harness';
import { IMAGE_URL, PNG_DATA_URL } from './support/inputs';
import { expectRejections, type Rejection, refusedWith } from './support/rejections';

const LONG = 'a'.repeat(100_000);
const OVERSIZED_PNG = `data:image/png;base64,iVBORw0KGgo${'A'.repeat(14_000_000)}`;
const TEXT_DATA_URL = `data:text/plain;base64,${btoa('hello')}`;
const T2V = { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '5' } as const;
const I2V = { image: IMAGE_URL, duration: '5' };
const LV = { image: IMAGE_URL, prompt: ['Dawn'] };
const V3 = { prompt: 'A lighthouse at dusk', aspectRatio: '16:9', duration: '10' };

type Generate = (client: AIVideoMaker) => Promise<unknown>;
const generate =
  (model: string, input: unknown, options?: GenerateOptions): Generate =>
  (client) =>
    client.generate(model as ModelName, input as never, options);

const GENERATE_CASES: [name: string, field: string, call: Generate][] = [
  ['t2v without prompt', 'prompt', generate('t2v', { aspectRatio: '16:9', duration: '5' })],
  ['t2v prompt as a number', 'prompt', generate('t2v', { ...T2V, prompt: 42 })],
  ['t2v empty prompt', 'prompt', generate('t2v', { ...T2V, prompt: '' })],
  ['t2v blank prompt', 'prompt', generate('t2v', { ...T2V, prompt: ' \n\t ' })],
  ['t2v zero-width prompt', 'prompt', generate('t2v', { ...T2V, prompt: '\u200b\u200d\u2060' })],
  ['t2v 100k-character prompt', 'prompt', generate('t2v', { ...T2V, prompt: LONG })],
  ['t2v prompt with a NUL byte', 'prompt', generate('t2v', { ...T2V, prompt: 'a fox\u0000 in snow' })],
  ['t2v prompt with an escape sequence', 'prompt', generate('t2v', { ...T2V, prompt: 'red \u001b[31mfox' })],
  ['t2v prompt with a lone surrogate', 'prompt', generate('t2v', { ...T2V, prompt: 'fox \ud83e in snow' })],
  ['t2v aspect ratio 4:3', 'aspectRatio', generate('t2v', { ...T2V, aspectRatio: '4:3' })],
  ['t2v without aspect ratio', 'aspectRatio', generate('t2v', { prompt: 'x', duration: '5' })],
  ['t2v duration 10', 'duration', generate('t2v', { ...T2V, duration: '10' })],
  ['t2v duration 7 as a number', 'duration', generate('t2v', { ...T2V, duration: 7 })],
  ['t2v duration "5.0"', 'duration', generate('t2v', { ...T2V, duration: '5.0' })],
  ['t2v duration as an array', 'duration', generate('t2v', { ...T2V, duration: ['5'] })],
  ['t2v with an image field', 'image', generate('t2v', { ...T2V, image: IMAGE_URL })],
  ['t2v input null', 'input', generate('t2v', null)],
  ['t2v input as an array', 'input', generate('t2v', [T2V])],
  ['i2v without image', 'image', generate('i2v', { duration: '5' })],
  ['i2v image not a URL', 'image', generate('i2v', { ...I2V, image: 'cat.png' })],
  ['i2v text/plain data URL', 'image', generate('i2v', { ...I2V, image: TEXT_DATA_URL })],
  [
    'i2v PNG data URL holding text',
    'image',
    generate('i2v', { ...I2V, image: `data:image/png;base64,${btoa('not a png at all')}` }),
  ],
  ['i2v oversized image', 'image', generate('i2v', { ...I2V, image: OVERSIZED_PNG })],
  ['i2v file URL', 'image', generate('i2v', { ...I2V, image: 'file:///etc/passwd' })],
  ['i2v javascript URL', 'image', generate('i2v', { ...I2V, image: 'javascript:alert(1)' })],
  ['i2v duration 10', 'duration', generate('i2v', { ...I2V, duration: '10' })],
  ['i2v with aspect ratio', 'aspectRatio', generate('i2v', { ...I2V, aspectRatio: '16:9' })],
  ['i2v prompt as an object', 'prompt', generate('i2v', { ...I2V, prompt: { text: 'x' } })],
  ['i2v prompt with a NUL byte', 'prompt', generate('i2v', { ...I2V, prompt: '\u0000' })],
  ['lv with 0 prompts', 'prompt', generate('lv', { ...LV, prompt: [] })],
  ['lv with 7 prompts', 'prompt', generate('lv', { ...LV, prompt: ['1', '2', '3', '4', '5', '6', '7'] })],
  ['lv prompt as a string', 'prompt', generate('lv', { ...LV, prompt: 'Dawn' })],
  ['lv with an empty segment', 'prompt.1', generate('lv', { ...LV, prompt: ['Dawn', ''] })],
  ['lv with a numeric segment', 'prompt.1', generate('lv', { ...LV, prompt: ['Dawn', 5] })],
  ['lv with a 100k-character segment', 'prompt.0', generate('lv', { ...LV, prompt: [LONG] })],
  ['lv with a duration', 'duration', generate('lv', { ...LV, duration: '5' })],
  [
    'lv image as SVG data URL',
    'image',
    generate('lv', { ...LV, image: `data:image/svg+xml;base64,${btoa('<svg/>')}` }),
  ],
  ['t2v_v3 duration 8', 'duration', generate('t2v_v3', { ...V3, duration: '8' })],
  ['t2v_v3 duration 25', 'duration', generate('t2v_v3', { ...V3, duration: '25' })],
  ['t2v_v3 aspect ratio 21:9', 'aspectRatio', generate('t2v_v3', { ...V3, aspectRatio: '21:9' })],
  ['t2v_v3 prompt as a boolean', 'prompt', generate('t2v_v3', { ...V3, prompt: true })],
  ['i2v_v3 duration 8', 'duration', generate('i2v_v3', { image: PNG_DATA_URL, duration: '8' })],
  ['i2v_v3 URL without a host', 'image', generate('i2v_v3', { image: 'https://', duration: '5' })],
  ['i2v_v3 without duration', 'duration', generate('i2v_v3', { image: PNG_DATA_URL })],
  ['unknown model', 'model', generate('t3v', T2V)],
  ['webhookUrl with ftp', 'webhookUrl', generate('t2v', T2V, { webhookUrl: 'ftp://hooks.test/x' })],
  [
    'webhookUrl with a header injected',
    'webhookUrl',
    generate('t2v', T2V, { webhookUrl: 'https://a.test/h\r\nkey: x' }),
  ],
];

const TASK_CASES: [name: string, call: Generate][] = [
  ['get with an empty id', (client) => client.tasks.get('')],
  ['get with a dot segment', (client) => client.tasks.get('..')],
  ['status with a path in the id', (client) => client.tasks.status('../generate/t2v')],
  ['status with a space in the id', (client) => client.tasks.status('ck 123')],
  ['cancel with a numeric id', (client) => client.tasks.cancel(42 as unknown as string)],
  ['cancel with a NUL in the id', (client) => client.tasks.cancel('ck\u0000')],
  ['wait on "."', (client) => client.tasks.wait('.')],
  ['wait with a 300-character id', (client) => client.tasks.wait('c'.repeat(300))],
];

const OPTION_CASES: [name: string, field: string, call: (url: string) => unknown][] = [
  ['timeoutMs 0', 'timeoutMs', (baseUrl) => new AIVideoMaker({ baseUrl, timeoutMs: 0 })],
  ['timeoutMs NaN', 'timeoutMs', (baseUrl) => new AIVideoMaker({ baseUrl, timeoutMs: Number.NaN })],
  [
    'timeoutMs as a string',
    'timeoutMs',
    (baseUrl) => new AIVideoMaker({ baseUrl, timeoutMs: '5000' as never }),
  ],
  ['maxRetries NaN', 'maxRetries', (baseUrl) => new AIVideoMaker({ baseUrl, maxRetries: Number.NaN })],
  ['maxRetries 1.5', 'maxRetries', (baseUrl) => new AIVideoMaker({ baseUrl, maxRetries: 1.5 })],
  ['maxRetries -1', 'maxRetries', (baseUrl) => new AIVideoMaker({ baseUrl, maxRetries: -1 })],
  [
    'poll interval NaN',
    'poll.minIntervalMs',
    (baseUrl) => new AIVideoMaker({ baseUrl, poll: { minIntervalMs: Number.NaN } }),
  ],
  [
    'rate-limit window Infinity',
    'rateLimit',
    (baseUrl) => new AIVideoMaker({ baseUrl, rateLimit: { limit: 60, windowMs: Infinity } }),
  ],
  ['baseUrl without a scheme', 'baseUrl', () => new AIVideoMaker({ baseUrl: 'api.example.com' })],
  [
    'wait timeoutMs 0',
    'timeoutMs',
    (baseUrl) => new AIVideoMaker({ baseUrl }).tasks.wait('ck1', { timeoutMs: 0 }),
  ],
  [
    'wait timeoutMs -5',
    'timeoutMs',
    (baseUrl) => new AIVideoMaker({ baseUrl }).tasks.wait('ck1', { timeoutMs: -5 }),
  ],
  [
    'wait timeoutMs NaN',
    'timeoutMs',
    (baseUrl) => new AIVideoMaker({ baseUrl }).tasks.wait('ck1', { timeoutMs: Number.NaN }),
  ],
];

describe('bad input to the client', () => {
  it('is refused before any request, naming the field', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    const cases: Rejection[] = [
      ...GENERATE_CASES.map(([name, field, call]) => ({
        name,
        field: `Invalid ${field}:`,
        refusal: () => refusedWith(() => call(client)),
      })),
      ...TASK_CASES.map(([name, call]) => ({
        name,
        field: 'Invalid taskId:',
        refusal: () => refusedWith(() => call(client)),
      })),
      ...OPTION_CASES.map(([name, field, call]) => ({
        name,
        field,
        refusal: () => refusedWith(() => call(emu.url)),
      })),
    ];
    await expectRejections(ctx, emu, cases);
    expect(emu.requests).toEqual([]);
  });

  it('takes Infinity as "no limit", never as an immediate timeout', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu, { timeoutMs: Infinity });
    const { taskId } = await client.generate('t2v', T2V);
    const task = await client.tasks.wait(taskId, { timeoutMs: Infinity });
    expect(task.status).toBe('COMPLETED');
    count(ctx, 'Bad input', { cases: 2 });
  });

  it('passes unusual but valid text through byte for byte', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    const prompts = [
      'Un café à Paris 🥐☕ — 東京の夜景 🌃',
      'שקיעה מעל הים, sunset over the sea', // right-to-left script mixed with left-to-right
      'Ze\u0301bra with combining accents and a family emoji 👨‍👩‍👧',
      'Line one\nLine two\twith a tab',
      'x'.repeat(10_000),
    ];
    for (const prompt of prompts) await client.generate('t2v', { ...T2V, prompt });
    expect(
      emu
        .tasks(KEY)
        .map((task) => task.input.prompt)
        .reverse(),
    ).toEqual(prompts);
    count(ctx, 'Bad input', { cases: prompts.length });
  });
});
