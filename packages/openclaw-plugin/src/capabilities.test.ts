// The declared capabilities are core's model table, mode by mode: nothing added, nothing missing.
import { MODEL_NAMES } from '@aivideomaker/core';
import {
  ASPECT_RATIOS,
  MINIMAX_ASPECT_RATIOS,
  MINIMAX_DURATION,
  MODEL_DURATIONS,
} from '@aivideomaker/core/internal';
import { describe, expect, it } from 'vitest';
import { buildCapabilities, buildCatalog, modelCapabilities } from './capabilities';
import { findOffer, OFFERED_MODELS } from './models';

const minimaxSeconds = Array.from(
  { length: MINIMAX_DURATION.max - MINIMAX_DURATION.min + 1 },
  (_, index) => MINIMAX_DURATION.min + index,
);

describe('capabilities from core', () => {
  it('offers every model of core but lv (a prompt list, which video_generate cannot send)', () => {
    expect([...OFFERED_MODELS].sort()).toEqual(MODEL_NAMES.filter((model) => model !== 'lv').sort());
  });

  it('declares each model under its modes with core durations, aspect ratios and resolutions', () => {
    const caps = buildCapabilities();
    expect(caps.generate?.supportedDurationSecondsByModel).toEqual({
      t2v: MODEL_DURATIONS.t2v.map(Number),
      t2v_v3: MODEL_DURATIONS.t2v_v3.map(Number),
      minimax: minimaxSeconds,
    });
    expect(caps.imageToVideo?.supportedDurationSecondsByModel).toEqual({
      i2v: MODEL_DURATIONS.i2v.map(Number),
      i2v_v3: MODEL_DURATIONS.i2v_v3.map(Number),
      minimax: minimaxSeconds,
    });
    expect(caps.generate?.aspectRatios).toEqual([...new Set([...ASPECT_RATIOS, ...MINIMAX_ASPECT_RATIOS])]);
    expect(caps.generate?.resolutions).toEqual(['720P', '1080P']);
    expect(caps.imageToVideo).toMatchObject({ enabled: true, maxInputImages: 2 });
    expect(caps.videoToVideo).toEqual({ enabled: false });
  });

  it('gives each model only its own options, durations and image count', () => {
    const t2v = modelCapabilities(findOffer('t2v')!);
    expect(t2v.generate).toMatchObject({
      providerOptions: {},
      supportsResolution: false,
      supportedDurationSeconds: [5, 8],
    });
    expect(t2v.imageToVideo).toEqual({ enabled: false });
    const i2v = modelCapabilities(findOffer('i2v')!);
    expect(i2v.generate).toBeUndefined();
    expect(i2v.imageToVideo).toMatchObject({
      enabled: true,
      maxInputImages: 1,
      supportsAspectRatio: false,
      providerOptions: {},
    });
    const minimax = modelCapabilities(findOffer('minimax')!);
    expect(minimax.generate?.providerOptions).toEqual({ tier: 'string' });
    expect(minimax.imageToVideo).toMatchObject({
      enabled: true,
      maxInputImages: 2,
      resolutions: ['720P', '1080P'],
    });
  });

  it('catalogs each model with its modes', () => {
    const catalog = buildCatalog();
    expect(Object.fromEntries(Object.entries(catalog).map(([model, entry]) => [model, entry.modes]))).toEqual(
      {
        t2v: ['generate'],
        i2v: ['imageToVideo'],
        t2v_v3: ['generate'],
        i2v_v3: ['imageToVideo'],
        minimax: ['generate', 'imageToVideo'],
      },
    );
  });
});
