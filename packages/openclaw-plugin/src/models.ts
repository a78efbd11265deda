// What each AI Video Maker model offers video_generate, read from core's model table (never a hand
// list): its modes (core's text_to_video and image_to_video tools), durations, aspect ratios,
// resolutions, how many images it takes and its own options. `lv` is left out: it takes one prompt per
// 5-second segment, and video_generate sends exactly one prompt.
import { MODEL_INPUT_SCHEMAS, type ModelName } from '@aivideomaker/core';
import {
  ASPECT_RATIOS,
  MINIMAX_ASPECT_RATIOS,
  MINIMAX_DURATION,
  MINIMAX_RESOLUTIONS,
  MODEL_DURATIONS,
  MODEL_TABLE,
} from '@aivideomaker/core/internal';

export type OfferedModel = Exclude<ModelName, 'lv'>;
export type VideoMode = 'generate' | 'imageToVideo';
export type ProviderOptionType = 'string' | 'number' | 'boolean';

export interface ModelOffer {
  model: OfferedModel;
  modes: readonly VideoMode[];
  /** Seconds, as video_generate's `durationSeconds`. */
  durations: readonly number[];
  /** Undefined when the model takes no aspect ratio (the documented image models keep the image's). */
  aspectRatios: readonly string[] | undefined;
  /** OpenClaw's labels ("720P"); undefined when the model has no resolution setting. */
  resolutions: readonly string[] | undefined;
  /** Images in image-to-video mode: 1 (first frame), or 2 for minimax (first and last frame). */
  maxInputImages: number;
  /** Options only this model takes, passed as video_generate's providerOptions. */
  providerOptions: Readonly<Record<string, ProviderOptionType>>;
}

const MODES: Record<string, VideoMode> = { text_to_video: 'generate', image_to_video: 'imageToVideo' };

/** "720p" (the API's) <-> "720P" (OpenClaw's resolution labels). */
export const toOpenClawResolution = (resolution: string) => resolution.toUpperCase();

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

function offer(model: OfferedModel): ModelOffer {
  const modes = MODEL_TABLE[model].tools.flatMap((tool) => MODES[tool] ?? []);
  if (model === 'minimax') {
    return {
      model,
      modes,
      durations: range(MINIMAX_DURATION.min, MINIMAX_DURATION.max),
      aspectRatios: MINIMAX_ASPECT_RATIOS,
      resolutions: MINIMAX_RESOLUTIONS.map(toOpenClawResolution),
      maxInputImages: 2, // imageUrl and lastFrameUrl
      providerOptions: { tier: 'string' },
    };
  }
  const fields = MODEL_INPUT_SCHEMAS[model].shape as Record<string, unknown>;
  return {
    model,
    modes,
    durations: MODEL_DURATIONS[model].map(Number),
    aspectRatios: 'aspectRatio' in fields ? ASPECT_RATIOS : undefined,
    resolutions: undefined,
    maxInputImages: 'image' in fields ? 1 : 0,
    providerOptions: {},
  };
}

/** Every model video_generate can use, in core's table order (the first text model is the default). */
export const MODEL_OFFERS: readonly ModelOffer[] = (Object.keys(MODEL_TABLE) as ModelName[])
  .filter((model): model is OfferedModel => MODEL_TABLE[model].tools.some((tool) => tool in MODES))
  .map(offer);
export const OFFERED_MODELS: readonly OfferedModel[] = MODEL_OFFERS.map((entry) => entry.model);

export function findOffer(model: string): ModelOffer | undefined {
  return MODEL_OFFERS.find((entry) => entry.model === model);
}

export function offersFor(mode: VideoMode): ModelOffer[] {
  return MODEL_OFFERS.filter((entry) => entry.modes.includes(mode));
}
