// The provider's capability declaration for video_generate, built from the model offers: one block per
// mode (OpenClaw picks the block from the request's reference inputs and snaps durations to the
// model's list), one catalog entry per model so `video_generate action=list` and the fallback chain know
// which model takes text and which an image, and each model's own block (merged in by OpenClaw through
// resolveModelCapabilities). Provider options are only the ones a model really takes: an explicit empty
// schema makes OpenClaw refuse unknown options instead of passing them through.
import { MODEL_OFFERS, type ModelOffer, offersFor, type VideoMode } from './models';
import type {
  VideoGenerationCatalogModelEntry,
  VideoGenerationModeCapabilities,
  VideoGenerationProviderCapabilities,
} from './openclaw-types';

const union = <T>(lists: readonly (readonly T[] | undefined)[]): T[] => [
  ...new Set(lists.flatMap((list) => list ?? [])),
];

function modeBlock(offers: readonly ModelOffer[], mode: VideoMode): VideoGenerationModeCapabilities {
  const durations = union(offers.map((entry) => entry.durations)).sort((a, b) => a - b);
  const aspectRatios = union(offers.map((entry) => entry.aspectRatios));
  const resolutions = union(offers.map((entry) => entry.resolutions));
  const maxInputImages = Math.max(0, ...offers.map((entry) => entry.maxInputImages));
  return {
    maxVideos: 1,
    ...(mode === 'imageToVideo' ? { maxInputImages } : {}),
    maxDurationSeconds: durations.at(-1) ?? 0,
    supportedDurationSeconds: durations,
    supportedDurationSecondsByModel: Object.fromEntries(
      offers.map((entry) => [entry.model, entry.durations]),
    ),
    ...(aspectRatios.length > 0
      ? { aspectRatios, supportsAspectRatio: true }
      : { supportsAspectRatio: false }),
    ...(resolutions.length > 0 ? { resolutions, supportsResolution: true } : { supportsResolution: false }),
    supportsSize: false,
    supportsAudio: false,
    supportsWatermark: false,
    providerOptions: Object.assign({}, ...offers.map((entry) => entry.providerOptions)),
  };
}

export function buildCapabilities(): VideoGenerationProviderCapabilities {
  return {
    generate: modeBlock(offersFor('generate'), 'generate'),
    imageToVideo: { enabled: true, ...modeBlock(offersFor('imageToVideo'), 'imageToVideo') },
    videoToVideo: { enabled: false },
  };
}

/** One model's own capabilities: only its modes enabled, its durations, ratios, resolutions, options. */
export function modelCapabilities(offer: ModelOffer): VideoGenerationProviderCapabilities {
  const generate = offer.modes.includes('generate');
  const imageToVideo = offer.modes.includes('imageToVideo');
  return {
    ...(generate ? { generate: modeBlock([offer], 'generate') } : {}),
    imageToVideo: imageToVideo
      ? { enabled: true, ...modeBlock([offer], 'imageToVideo') }
      : { enabled: false },
    videoToVideo: { enabled: false },
  };
}

export function buildCatalog(): Record<string, VideoGenerationCatalogModelEntry> {
  return Object.fromEntries(
    MODEL_OFFERS.map((offer) => [
      offer.model,
      { modes: offer.modes, capabilities: modelCapabilities(offer) },
    ]),
  );
}
