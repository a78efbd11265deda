// video_generate requests -> model input, and the refusals that name the field and the allowed values.
import { InputValidationError } from '@aivideomaker/core';
import { describe, expect, it } from 'vitest';
import type { VideoGenerationRequest } from './openclaw-types';
import { toModelRequest } from './request';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const req = (fields: Partial<VideoGenerationRequest>) =>
  ({
    provider: 'aivideomaker',
    model: 't2v',
    prompt: 'a lighthouse',
    cfg: {},
    ...fields,
  }) as VideoGenerationRequest;

async function refusal(fields: Partial<VideoGenerationRequest>): Promise<InputValidationError> {
  const error = await toModelRequest(req(fields)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputValidationError);
  return error as InputValidationError;
}

describe('toModelRequest', () => {
  it('maps a text request with defaults from core (first duration, first aspect ratio)', async () => {
    expect(await toModelRequest(req({}))).toEqual({
      model: 't2v',
      input: { prompt: 'a lighthouse', aspectRatio: '16:9', duration: '5' },
    });
    expect(
      await toModelRequest(req({ model: 'aivideomaker/t2v_v3', durationSeconds: 20, aspectRatio: '9:16' })),
    ).toEqual({
      model: 't2v_v3',
      input: { prompt: 'a lighthouse', aspectRatio: '9:16', duration: '20' },
    });
  });

  it('turns image bytes into a data URL for an image model', async () => {
    const { model, input } = await toModelRequest(
      req({
        model: 'i2v',
        durationSeconds: 8,
        inputImages: [{ buffer: PNG, mimeType: 'image/png', role: 'first_frame' }],
      }),
    );
    expect(model).toBe('i2v');
    expect(input).toMatchObject({ duration: '8', prompt: 'a lighthouse' });
    expect((input as unknown as { image: string }).image).toMatch(/^data:image\/png;base64,/);
  });

  it('maps minimax: content, a numeric duration, lower-case resolution, tier, first and last frame', async () => {
    const { model, input } = await toModelRequest(
      req({
        model: 'minimax',
        durationSeconds: 12,
        resolution: '1080P',
        aspectRatio: '21:9',
        providerOptions: { tier: 'base' },
        inputImages: [
          { buffer: PNG, role: 'last_frame' },
          { buffer: PNG, role: 'first_frame' },
        ],
      }),
    );
    const dataUrl = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(model).toBe('minimax');
    expect(input).toEqual({
      content: 'a lighthouse',
      duration: 12,
      resolution: '1080p',
      aspectRatio: '21:9',
      tier: 'base',
      imageUrl: dataUrl,
      lastFrameUrl: dataUrl,
    });
    expect((await toModelRequest(req({ model: 'aivideomaker/minimax' }))).input).toEqual({
      content: 'a lighthouse',
    });
  });

  it('refuses what the model cannot honour, naming the field and the allowed values', async () => {
    expect((await refusal({ durationSeconds: 7 })).message).toBe(
      'Invalid durationSeconds: 7 s is not offered by model t2v. Allowed: "5", "8".',
    );
    expect(
      (await refusal({ model: 'i2v_v3', durationSeconds: 8, inputImages: [{ buffer: PNG }] })).allowed,
    ).toEqual(['5', '10', '15', '20']);
    expect((await refusal({ aspectRatio: '4:3' })).allowed).toEqual(['16:9', '9:16', '1:1']);
    expect((await refusal({ model: 'lv' })).allowed).toEqual(['t2v', 't2v_v3', 'i2v', 'i2v_v3', 'minimax']);
    expect((await refusal({ model: 'i2v', aspectRatio: '1:1', inputImages: [{ buffer: PNG }] })).field).toBe(
      'aspectRatio',
    );
    expect((await refusal({ model: 'i2v' })).message).toContain('needs an image, got none');
    expect(
      (await refusal({ model: 'i2v', inputImages: [{ buffer: PNG }, { buffer: PNG }] })).message,
    ).toContain('at most 1 image(s), got 2');
    expect((await refusal({ inputImages: [{ buffer: PNG }] })).field).toBe('inputImages');
    expect(
      (await refusal({ model: 'i2v', inputImages: [{ buffer: PNG, role: 'last_frame' }] })).allowed,
    ).toEqual(['first_frame']);
    expect((await refusal({ resolution: '720P' })).message).toBe(
      'Invalid resolution: "720P" is not offered by model t2v.',
    );
    expect((await refusal({ providerOptions: { seed: 1 } })).field).toBe('providerOptions.seed');
    expect((await refusal({ providerOptions: { tier: 'base' } })).message).toBe(
      'Invalid providerOptions.tier: is not an option of model t2v.',
    );
    expect((await refusal({ model: 'minimax', durationSeconds: 30 })).allowed).toHaveLength(16);
    expect((await refusal({ model: 'minimax', resolution: '480P' })).allowed).toEqual(['720P', '1080P']);
    expect((await refusal({ model: 'minimax', providerOptions: { tier: 'fast' } })).field).toBe('tier');
    expect((await refusal({ inputVideos: [{ url: 'https://example.com/a.mp4' }] })).field).toBe(
      'inputVideos',
    );
    expect((await refusal({ prompt: '   ' })).field).toBe('prompt');
  });
});
