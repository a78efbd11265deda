// The provider's capability declaration for video_generate, built from the model offers: one block per
// mode (OpenClaw picks the block from the request's reference inputs and snaps durations to the
// model's list), and one catalog entry per model so `video_generate action=list` and the fallback chain
// know which model takes text and which takes an image. No provider options: the models accept none,
// and an explicit empty schema makes OpenClaw refuse unknown ones instead of passing them through.

import { MODEL_OFFERS, type ModelOffer, offersFor, type VideoMode } from './models';
import type {
  VideoGenerationCatalogModelEntry,
  VideoGenerationModeCapabilities,
  VideoGenerationProviderCapabilities,
} from './openclaw-types';

const NO_PROVIDER_OPTIONS = {} as const;

function modeBlock(offers: readonly ModelOffer[], mode: VideoMode): VideoGenerationModeCapabilities {
  const durations = [...new Set(offers.flatMap((entry) => entry.durations))].sort((a, b) => a - b);
  const aspectRatios = [...new Set(offers.flatMap((entry) => entry.aspectRatios ?? []))];
  return {
    maxVideos: 1,
    ...(mode === 'imageToVideo' ? { maxInputImages: 1 } : {}),
    maxDurationSeconds: durations.at(-1) ?? 0,
    supportedDurationSeconds: durations,
    supportedDurationSecondsByModel: Object.fromEntries(
      offers.map((entry) => [entry.model, entry.durations]),
    ),
    ...(aspectRatios.length > 0
      ? { aspectRatios, supportsAspectRatio: true }
      : { supportsAspectRatio: false }),
    supportsResolution: false,
    supportsSize: false,
    supportsAudio: false,
    supportsWatermark: false,
    providerOptions: NO_PROVIDER_OPTIONS,
  };
}

export function buildCapabilities(): VideoGenerationProviderCapabilities {
  return {
    generate: modeBlock(offersFor('generate'), 'generate'),
    imageToVideo: { enabled: true, ...modeBlock(offersFor('imageToVideo'), 'imageToVideo') },
    videoToVideo: { enabled: false },
  };
}

/** One model's own capabilities: only its mode enabled, its durations and aspect ratios. */
export function modelCapabilities(offer: ModelOffer): VideoGenerationProviderCapabilities {
  const block = modeBlock([offer], offer.mode);
  return offer.mode === 'generate'
    ? { generate: block, imageToVideo: { enabled: false }, videoToVideo: { enabled: false } }
    : { imageToVideo: { enabled: true, ...block }, videoToVideo: { enabled: false } };
}

export function buildCatalog(): Record<string, VideoGenerationCatalogModelEntry> {
  return Object.fromEntries(
    MODEL_OFFERS.map((offer) => [
      offer.model,
      { modes: [offer.mode], capabilities: modelCapabilities(offer) },
    ]),
  );
}
