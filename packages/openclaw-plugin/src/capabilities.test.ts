// The declared capabilities are core's model table, mode by mode: nothing added, nothing missing.
import { ASPECT_RATIOS, MODEL_DURATIONS, MODEL_NAMES } from '@aivideomaker/core';
import { describe, expect, it } from 'vitest';
import { buildCapabilities, buildCatalog } from './capabilities';
import { OFFERED_MODELS } from './models';

describe('capabilities from core', () => {
  it('offers every timed model of core (lv takes a prompt list, which video_generate cannot send)', () => {
    expect(OFFERED_MODELS).toEqual(Object.keys(MODEL_DURATIONS));
    expect(MODEL_NAMES).toContain('lv');
    expect(OFFERED_MODELS).not.toContain('lv');
  });

  it('declares each model under its mode with core durations and aspect ratios, and no provider options', () => {
    const caps = buildCapabilities();
    expect(caps.generate?.supportedDurationSecondsByModel).toEqual({
      t2v: MODEL_DURATIONS.t2v.map(Number),
      t2v_v3: MODEL_DURATIONS.t2v_v3.map(Number),
    });
    expect(caps.generate?.aspectRatios).toEqual([...ASPECT_RATIOS]);
    expect(caps.imageToVideo).toMatchObject({
      enabled: true,
      maxInputImages: 1,
      supportsAspectRatio: false,
      supportedDurationSecondsByModel: { i2v: [5, 8], i2v_v3: [5, 10, 15, 20] },
    });
    expect(caps.imageToVideo?.aspectRatios).toBeUndefined();
    expect(caps.videoToVideo).toEqual({ enabled: false });
    expect(caps.generate?.providerOptions).toEqual({});
    expect(caps.imageToVideo?.providerOptions).toEqual({});
  });

  it('catalogs each model with its one mode', () => {
    const catalog = buildCatalog();
    expect(Object.fromEntries(Object.entries(catalog).map(([model, entry]) => [model, entry.modes]))).toEqual(
      {
        t2v: ['generate'],
        i2v: ['imageToVideo'],
        t2v_v3: ['generate'],
        i2v_v3: ['imageToVideo'],
      },
    );
    expect(catalog.i2v_v3?.capabilities?.imageToVideo?.supportedDurationSeconds).toEqual([5, 10, 15, 20]);
  });
});
