// minimax (MiniMax H3): every field rule refused locally, naming the field, with zero requests; a valid
// call accepted by the emulator and charged the per-second price; the list price and the tool texts.
import { describe, expect, it } from 'vitest';
import { estimateCredits, InputValidationError } from '../src/index';
import { describeCredits, toWireInput } from '../src/internal';
import { createVideoToolSpecs } from '../src/tools/index';
import { clientFor, emulator, emulatorPerFile, KEY, LIVE_EMULATOR, PNG_DATA_URL } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

const content = 'A paper boat drifting down a rainy street';
const https = 'https://example.com/frame.png';

// [what, input, field named, text in the message]
const REFUSED: [string, Record<string, unknown>, string, RegExp][] = [
  ['content missing', { duration: 5 }, 'content', /required/],
  ['content blank', { content: '   ' }, 'content', /non-empty/],
  [
    'the seed field name',
    { prompt: content },
    'content',
    /required for model minimax.*names its prompt "content"/,
  ],
  ['duration below 5', { content, duration: 4 }, 'duration', /5 to 20/],
  ['duration above 20', { content, duration: 21 }, 'duration', /5 to 20/],
  ['duration not whole', { content, duration: 5.5 }, 'duration', /whole number/],
  [
    'duration not a number',
    { content, duration: 'long' },
    'duration',
    /^Invalid duration: "long" is not allowed for model minimax: a whole number of seconds from 5 to 20\.$/,
  ],
  ['resolution', { content, resolution: '1080P' }, 'resolution', /"720p", "1080p"/],
  ['tier', { content, tier: 'fast' }, 'tier', /"turbo", "base"/],
  ['aspect ratio', { content, aspectRatio: '2:1' }, 'aspectRatio', /"auto", "21:9"/],
  ['first frame over http', { content, imageUrl: 'http://example.com/a.png' }, 'imageUrl', /https/],
  [
    'last frame not an image',
    { content, lastFrameUrl: 'data:text/plain;base64,aGk=' },
    'lastFrameUrl',
    /https image URL or a data:image/,
  ],
  [
    'five reference images',
    { content, referenceImageUrls: Array(5).fill(https) },
    'referenceImageUrls',
    /at most 4/,
  ],
  [
    'reference video as data URI',
    { content, referenceVideoUrl: 'data:video/mp4;base64,AAAA' },
    'referenceVideoUrl',
    /https URL/,
  ],
  [
    'three reference audios',
    { content, referenceAudioUrls: Array(3).fill('https://example.com/a.mp3') },
    'referenceAudioUrls',
    /at most 2/,
  ],
  [
    'reference audio as data URI',
    { content, referenceAudioUrls: ['data:audio/mp3;base64,AAAA'] },
    'referenceAudioUrls.0',
    /https URL/,
  ],
  [
    'frame with reference image',
    { content, imageUrl: https, referenceImageUrls: [https] },
    'referenceImageUrls',
    /mutually exclusive/,
  ],
  [
    'last frame with reference video',
    { content, lastFrameUrl: https, referenceVideoUrl: 'https://example.com/v.mp4' },
    'referenceVideoUrl',
    /cannot be combined with lastFrameUrl/,
  ],
  [
    'inline frame that is no image',
    { content, imageUrl: 'data:image/png;base64,AAAAAAAAAAAAAAAA' },
    'imageUrl',
    /PNG, JPEG, WebP or GIF/,
  ],
];

describe('minimax', () => {
  it.each(REFUSED)(
    'refuses %s locally, naming the field, with zero requests',
    async (_what, input, field, text) => {
      emu.clearRequests();
      const error = await clientFor(emu)
        .generate('minimax', input as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toMatch(text);
      expect(emu.requests).toHaveLength(0);
    },
  );

  it.skipIf(!LIVE_EMULATOR)('a valid call is accepted and charged the per-second price', async () => {
    const client = clientFor(emu);
    const before = emu.ledger.balance(KEY);
    const input = {
      content,
      duration: 8,
      resolution: '1080p',
      tier: 'base',
      imageUrl: PNG_DATA_URL,
    } as const;
    expect(estimateCredits('minimax', input)).toBe(40);
    const result = await client.generate('minimax', input);
    expect(result).toMatchObject({ creditsCharged: 40, creditsSource: 'server' });
    expect(emu.ledger.balance(KEY)).toBe(before - 40);
    expect(JSON.parse(emu.requests.at(-1)?.body ?? '{}')).toMatchObject({ content, duration: 8 });
    // Defaults: 5 s, 720p, turbo, 3 credits a second; a duration given as a string is sent as the number.
    expect(toWireInput('minimax', { content, duration: '12' as never })).toEqual({ content, duration: 12 });
    expect(describeCredits('minimax', { content })).toBe('5 s x 3 credits/s (720p turbo) = 15 credits');
  });

  it.skipIf(!LIVE_EMULATOR)(
    'is a model choice of text_to_video and image_to_video, described from the model table',
    async () => {
      const specs = createVideoToolSpecs({ client: clientFor(emu), wait: false });
      const t2v = specs.find((spec) => spec.name === 'text_to_video')!;
      expect(t2v.description).toMatch(/minimax: MiniMax H3.*5 to 20 s; 3-5 credits\/s/);
      const output = await t2v.execute({
        prompt: content,
        model: 'minimax',
        duration: '10',
        resolution: '1080p',
      });
      expect(output).toMatchObject({ model: 'minimax', creditsCharged: 40 });
      await expect(t2v.execute({ prompt: content, model: 't2v', tier: 'base' })).rejects.toMatchObject({
        field: 'tier',
      });
      const i2v = specs.find((spec) => spec.name === 'image_to_video')!;
      await expect(i2v.execute({ image: https, model: 'minimax' })).rejects.toMatchObject({
        field: 'prompt',
      });
    },
  );
});
