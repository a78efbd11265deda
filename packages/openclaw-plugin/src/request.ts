// video_generate's request -> the exact input of one AI Video Maker model, or an InputValidationError
// that names the field and the allowed values. Runs before the key is looked up and before any request,
// so a request the model cannot honour costs nothing. OpenClaw already snaps durations and drops
// unsupported hints for the capabilities we declare; this is the check for everything that still
// arrives (direct provider calls, older hosts, options OpenClaw passes through).
import { InputValidationError, type ModelInput, toImageInput } from '@aivideomaker/core';
import { toWireInput } from '@aivideomaker/core/internal';
import { findOffer, type ModelOffer, OFFERED_MODELS, type OfferedModel } from './models';
import type { VideoGenerationRequest } from './openclaw-types';
import { PROVIDER_ID } from './provider-id';

export interface ModelRequest {
  model: OfferedModel;
  input: ModelInput<OfferedModel>;
}

type SourceImage = NonNullable<VideoGenerationRequest['inputImages']>[number];

function refuse(field: string, problem: string, allowed?: readonly (string | number)[]): never {
  throw new InputValidationError(field, problem, allowed?.map(String));
}

function resolveOffer(requested: string | undefined): ModelOffer {
  const model = (requested ?? '').trim().replace(new RegExp(`^${PROVIDER_ID}/`), '');
  const offer = findOffer(model);
  if (!offer)
    refuse('model', `${JSON.stringify(requested)} is not an AI Video Maker model here`, OFFERED_MODELS);
  return offer;
}

function checkUnsupported(req: VideoGenerationRequest, offer: ModelOffer): void {
  const label = `model ${offer.model}`;
  if (req.inputVideos?.length) refuse('inputVideos', `${label} takes no reference videos`);
  if (req.inputAudios?.length) refuse('inputAudios', `${label} takes no reference audio`);
  if (req.size !== undefined) refuse('size', `${label} has no size setting`);
  if (req.audio === true) refuse('audio', `${label} generates no audio track`);
  if (req.watermark !== undefined) refuse('watermark', `${label} has no watermark setting`);
  const options = Object.keys(offer.providerOptions);
  for (const option of Object.keys(req.providerOptions ?? {})) {
    if (!options.includes(option))
      refuse(`providerOptions.${option}`, `is not an option of ${label}`, options);
  }
  if (req.resolution !== undefined && !offer.resolutions?.includes(req.resolution)) {
    refuse(
      'resolution',
      `${JSON.stringify(req.resolution)} is not offered by ${label}`,
      offer.resolutions ?? [],
    );
  }
  if (req.aspectRatio !== undefined && !offer.aspectRatios) {
    refuse('aspectRatio', `${label} keeps the aspect ratio of its image; leave aspectRatio out`);
  }
  if (req.aspectRatio !== undefined && !offer.aspectRatios?.includes(req.aspectRatio)) {
    refuse(
      'aspectRatio',
      `${JSON.stringify(req.aspectRatio)} is not offered by ${label}`,
      offer.aspectRatios,
    );
  }
  if (req.durationSeconds !== undefined && !offer.durations.includes(req.durationSeconds)) {
    refuse('durationSeconds', `${req.durationSeconds} s is not offered by ${label}`, offer.durations);
  }
}

/** The first and the last frame, by role (first_frame, last_frame) or else by position. */
function frames(req: VideoGenerationRequest, offer: ModelOffer): { first?: SourceImage; last?: SourceImage } {
  const images = req.inputImages ?? [];
  if (images.length === 0) {
    if (!offer.modes.includes('generate'))
      refuse('inputImages', `model ${offer.model} needs an image, got none`);
    return {};
  }
  if (!offer.modes.includes('imageToVideo')) {
    refuse('inputImages', `model ${offer.model} takes no image; use an image-to-video model`);
  }
  if (images.length > offer.maxInputImages) {
    refuse(
      'inputImages',
      `model ${offer.model} takes at most ${offer.maxInputImages} image(s), got ${images.length}`,
    );
  }
  const roles = offer.maxInputImages > 1 ? ['first_frame', 'last_frame'] : ['first_frame'];
  images.forEach((image, index) => {
    if (image.role && !roles.includes(image.role)) {
      refuse(
        `inputImages[${index}].role`,
        `${JSON.stringify(image.role)} is not offered by model ${offer.model}`,
        roles,
      );
    }
  });
  const last =
    images.find((image) => image.role === 'last_frame') ?? (images.length > 1 ? images[1] : undefined);
  const first = images.find((image) => image !== last);
  if (!first) refuse('inputImages', `model ${offer.model} needs a first frame, got only a last frame`);
  return { first, ...(last ? { last } : {}) };
}

async function imageRef(image: SourceImage | undefined, index: number): Promise<string | undefined> {
  if (!image) return undefined;
  if (image.buffer) return toImageInput(image.buffer);
  if (image.url) return toImageInput(image.url);
  return refuse(`inputImages[${index}]`, 'has neither a url nor image bytes');
}

/** The model and its validated input (core's schema), or an InputValidationError. */
export async function toModelRequest(req: VideoGenerationRequest): Promise<ModelRequest> {
  const offer = resolveOffer(req.model);
  checkUnsupported(req, offer);
  const { first, last } = frames(req, offer);
  const image = await imageRef(first, 0);
  const prompt = req.prompt?.trim() ? req.prompt : undefined;
  let fields: Record<string, unknown>;
  if (offer.model === 'minimax') {
    fields = {
      content: prompt,
      duration: req.durationSeconds,
      resolution: req.resolution?.toLowerCase(),
      aspectRatio: req.aspectRatio,
      tier: req.providerOptions?.tier,
      imageUrl: image,
      lastFrameUrl: await imageRef(last, 1),
    };
  } else {
    const duration = String(req.durationSeconds ?? offer.durations[0]);
    fields = image
      ? { image, prompt, duration }
      : { prompt, aspectRatio: req.aspectRatio ?? offer.aspectRatios?.[0], duration };
  }
  return { model: offer.model, input: toWireInput(offer.model, fields) as ModelInput<OfferedModel> };
}
