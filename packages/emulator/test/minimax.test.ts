// The minimax model (api-live.md): every field rule, the defaults and the per-second prices.
import { describe, expect, it } from 'vitest';
import { call, KEY, submit, useEmulator } from './helpers';

const start = useEmulator();
const HTTPS = 'https://example.com/a.png';
const DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';
const VIDEO = 'https://example.com/ref.mp4';
const AUDIO = 'https://example.com/ref.mp3';

const valid: [body: Record<string, unknown>, credits: number][] = [
  [{ content: 'A fox' }, 15],
  [{ content: 'A fox', duration: 20, resolution: '1080p', tier: 'base', aspectRatio: '21:9' }, 100],
  [{ content: 'A fox', duration: 10, resolution: '720p', tier: 'base' }, 40],
  [{ content: 'A fox', resolution: '1080p' }, 20],
  [{ content: 'A fox', aspectRatio: 'auto', imageUrl: HTTPS, lastFrameUrl: DATA_URL }, 15],
  [{ content: 'A fox', referenceImageUrls: [HTTPS, DATA_URL, HTTPS, HTTPS], referenceVideoUrl: VIDEO }, 15],
  [{ content: 'A fox', referenceAudioUrls: [AUDIO, AUDIO], referenceImageUrls: [] }, 15],
  [{ content: 'A fox', imageUrl: HTTPS, referenceImageUrls: [] }, 15],
];

const invalid: [body: Record<string, unknown>, field: string, message: RegExp][] = [
  [{}, 'content', /^content is required for model minimax: a non-empty string/],
  [
    { prompt: 'A fox' },
    'prompt',
    /^Unknown field "prompt" for model minimax; allowed fields: content, duration/,
  ],
  [{ content: '' }, 'content', /^content must be a non-empty string/],
  [{ content: 'x', duration: '5' }, 'duration', /^duration must be an integer from 5 to 20 .*\(got "5"\)$/],
  [{ content: 'x', duration: 4 }, 'duration', /^duration must be an integer from 5 to 20/],
  [{ content: 'x', duration: 21 }, 'duration', /^duration must be an integer from 5 to 20/],
  [{ content: 'x', duration: 5.5 }, 'duration', /^duration must be an integer/],
  [
    { content: 'x', resolution: '1080P' },
    'resolution',
    /^resolution must be a string, one of "720p", "1080p"/,
  ],
  [{ content: 'x', tier: 'pro' }, 'tier', /^tier must be a string, one of "turbo", "base"/],
  [
    { content: 'x', aspectRatio: '2:1' },
    'aspectRatio',
    /one of "auto", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16"/,
  ],
  [
    { content: 'x', imageUrl: 'http://example.com/a.png' },
    'imageUrl',
    /^imageUrl must be an https image URL or a data:image/,
  ],
  [{ content: 'x', lastFrameUrl: 'data:text/plain;base64,aGk=' }, 'lastFrameUrl', /^lastFrameUrl must be/],
  [{ content: 'x', referenceImageUrls: HTTPS }, 'referenceImageUrls', /must be an array of at most 4 items/],
  [
    { content: 'x', referenceImageUrls: [HTTPS, HTTPS, HTTPS, HTTPS, HTTPS] },
    'referenceImageUrls',
    /\(got 5 items\)/,
  ],
  [
    { content: 'x', referenceImageUrls: [HTTPS, 'ftp://x/y.png'] },
    'referenceImageUrls',
    /^referenceImageUrls\[1\] must be/,
  ],
  [
    { content: 'x', referenceVideoUrl: DATA_URL },
    'referenceVideoUrl',
    /^referenceVideoUrl must be an https URL \(data URIs are not accepted here\)/,
  ],
  [
    { content: 'x', referenceVideoUrl: [VIDEO] },
    'referenceVideoUrl',
    /^referenceVideoUrl must be an https URL/,
  ],
  [{ content: 'x', referenceAudioUrls: [AUDIO, AUDIO, AUDIO] }, 'referenceAudioUrls', /at most 2 items/],
  [
    { content: 'x', referenceAudioUrls: ['data:audio/mp3;base64,AAAA'] },
    'referenceAudioUrls',
    /^referenceAudioUrls\[0\] must be an https URL/,
  ],
  [
    { content: 'x', imageUrl: HTTPS, referenceImageUrls: [HTTPS] },
    'referenceImageUrls',
    /^imageUrl and referenceImageUrls cannot be combined: .*mutually exclusive$/,
  ],
  [
    { content: 'x', lastFrameUrl: HTTPS, referenceAudioUrls: [AUDIO] },
    'referenceAudioUrls',
    /mutually exclusive/,
  ],
  [{ content: 'x', imageUrl: HTTPS, referenceVideoUrl: VIDEO }, 'referenceVideoUrl', /mutually exclusive/],
];

describe('minimax', () => {
  it.each(valid)('accepts %j and charges %i credits', async (body, credits) => {
    const emu = await start();
    const quote = await call(emu, '/api/v1/quote/minimax', { method: 'POST', body });
    expect(quote.json.credits).toBe(credits);
    const answer = await submit(emu, 'minimax', body);
    expect(answer).toMatchObject({ status: 'SUBMITTED', creditsCharged: credits });
    expect(emu.ledger.balance(KEY)).toBe(1000 - credits);
    expect(emu.tasks()[0]?.input).toEqual(body);
  });

  it.each(invalid)('rejects %j naming %s', async (body, field, message) => {
    const emu = await start();
    for (const route of ['generate', 'quote']) {
      const result = await call(emu, `/api/v1/${route}/minimax`, { method: 'POST', body });
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ status: 'FAILED', errorCode: 'INVALID_PAYLOAD', field });
      expect(result.json.message).toMatch(message);
    }
    expect(emu.tasks()).toHaveLength(0);
    expect(emu.ledger.entries()).toHaveLength(0);
  });

  it('runs to COMPLETED with a video, and fails on the [fail] marker in content', async () => {
    const emu = await start();
    const good = await submit(emu, 'minimax', { content: 'A fox', aspectRatio: '9:16' });
    const bad = await submit(emu, 'minimax', { content: 'A fox [fail]' });
    const done = (id: string) => emu.tasks().find((task) => task.id === id)?.status;
    await expect.poll(() => done(good.taskId), { timeout: 5_000 }).toBe('COMPLETED');
    await expect.poll(() => done(bad.taskId), { timeout: 5_000 }).toBe('FAILED');
    const task = await call(emu, `/api/v1/tasks/${good.taskId}`);
    const video = await fetch(task.json.output.url);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(emu.ledger.balance(KEY)).toBe(985);
  });

  it('uses a configured per-second table', async () => {
    const emu = await start({ prices: { minimax: { '1080p-base': 10 }, multiplier: 2 } });
    const quote = await call(emu, '/api/v1/quote/minimax', {
      method: 'POST',
      body: { content: 'x', resolution: '1080p', tier: 'base', duration: 6 },
    });
    expect(quote.json.credits).toBe(120);
    expect(
      (await call(emu, '/api/v1/quote/minimax', { method: 'POST', body: { content: 'x' } })).json.credits,
    ).toBe(30);
  });
});
