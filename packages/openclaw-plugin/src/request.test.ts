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

  it('refuses what the model cannot honour, naming the field and the allowed values', async () => {
    expect((await refusal({ durationSeconds: 7 })).message).toBe(
      'Invalid durationSeconds: 7 s is not offered by model t2v. Allowed: "5", "8".',
    );
    expect(
      (await refusal({ model: 'i2v_v3', durationSeconds: 8, inputImages: [{ buffer: PNG }] })).allowed,
    ).toEqual(['5', '10', '15', '20']);
    expect((await refusal({ aspectRatio: '4:3' })).allowed).toEqual(['16:9', '9:16', '1:1']);
    expect((await refusal({ model: 'lv' })).field).toBe('model');
    expect((await refusal({ model: 'i2v', aspectRatio: '1:1', inputImages: [{ buffer: PNG }] })).field).toBe(
      'aspectRatio',
    );
    expect((await refusal({ model: 'i2v' })).message).toContain('needs exactly one image, got 0');
    expect((await refusal({ inputImages: [{ buffer: PNG }] })).field).toBe('inputImages');
    expect(
      (await refusal({ model: 'i2v', inputImages: [{ buffer: PNG, role: 'last_frame' }] })).allowed,
    ).toEqual(['first_frame']);
    expect((await refusal({ resolution: '720P' })).field).toBe('resolution');
    expect((await refusal({ providerOptions: { seed: 1 } })).field).toBe('providerOptions.seed');
    expect((await refusal({ inputVideos: [{ url: 'https://example.com/a.mp4' }] })).field).toBe(
      'inputVideos',
    );
    expect((await refusal({ prompt: '   ' })).field).toBe('prompt');
  });
});
