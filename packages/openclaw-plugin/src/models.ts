// What each AI Video Maker model offers video_generate, read from core's model table (never a hand
// list): the mode (a model whose input has an `image` field animates an image, the others take text),
// the durations core allows, and the aspect ratios when the model's input has that field. `lv` is left
// out: it takes one prompt per 5-second segment, and video_generate sends exactly one prompt.
import {
  ASPECT_RATIOS,
  MODEL_DURATIONS,
  MODEL_INPUT_SCHEMAS,
  type ModelName,
  type TimedModel,
} from '@aivideomaker/core';

export type OfferedModel = TimedModel;
export type VideoMode = 'generate' | 'imageToVideo';

export interface ModelOffer {
  model: OfferedModel;
  mode: VideoMode;
  /** Seconds, as video_generate's `durationSeconds` (the API takes them as strings). */
  durations: readonly number[];
  /** Undefined when the model takes no aspect ratio (image-to-video keeps the image's). */
  aspectRatios: readonly string[] | undefined;
}

function offer(model: OfferedModel): ModelOffer {
  const fields = MODEL_INPUT_SCHEMAS[model].shape as Record<string, unknown>;
  return {
    model,
    mode: 'image' in fields ? 'imageToVideo' : 'generate',
    durations: MODEL_DURATIONS[model].map(Number),
    aspectRatios: 'aspectRatio' in fields ? ASPECT_RATIOS : undefined,
  };
}

/** Every model video_generate can use, in core's order (the first text model is the default). */
export const MODEL_OFFERS: readonly ModelOffer[] = (Object.keys(MODEL_DURATIONS) as OfferedModel[]).map(
  offer,
);
export const OFFERED_MODELS: readonly OfferedModel[] = MODEL_OFFERS.map((entry) => entry.model);

export function findOffer(model: string): ModelOffer | undefined {
  return MODEL_OFFERS.find((entry) => entry.model === model);
}

export function offersFor(mode: VideoMode): ModelOffer[] {
  return MODEL_OFFERS.filter((entry) => entry.mode === mode);
}

export function isOffered(model: ModelName | string): model is OfferedModel {
  return findOffer(model) !== undefined;
}
