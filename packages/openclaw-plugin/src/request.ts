// video_generate's request -> the exact input of one AI Video Maker model, or an InputValidationError
// that names the field and the allowed values. Runs before the key is looked up and before any request,
// so a request the model cannot honour costs nothing. OpenClaw already snaps durations and drops
// unsupported hints for the capabilities we declare; this is the check for everything that still
// arrives (direct provider calls, older hosts, options OpenClaw passes through).
import { InputValidationError, type ModelInput, toImageInput, toWireInput } from '@aivideomaker/core';
import { findOffer, type ModelOffer, OFFERED_MODELS, type OfferedModel } from './models';
import type { VideoGenerationRequest } from './openclaw-types';
import { PROVIDER_ID } from './provider-id';

export interface ModelRequest {
  model: OfferedModel;
  input: ModelInput<OfferedModel>;
}

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
  if (req.resolution !== undefined) refuse('resolution', `${label} has no resolution setting`);
  if (req.size !== undefined) refuse('size', `${label} has no size setting`);
  if (req.audio === true) refuse('audio', `${label} generates no audio track`);
  if (req.watermark !== undefined) refuse('watermark', `${label} has no watermark setting`);
  const option = Object.keys(req.providerOptions ?? {})[0];
  if (option !== undefined) refuse(`providerOptions.${option}`, `${label} accepts no provider options`);
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

async function imageOf(req: VideoGenerationRequest, offer: ModelOffer): Promise<string | undefined> {
  const images = req.inputImages ?? [];
  if (offer.mode === 'generate') {
    if (images.length > 0)
      refuse('inputImages', `model ${offer.model} takes no image; use an image-to-video model`);
    return undefined;
  }
  if (images.length !== 1)
    refuse('inputImages', `model ${offer.model} needs exactly one image, got ${images.length}`);
  const [image] = images as [NonNullable<typeof images>[number]];
  if (image.role && image.role !== 'first_frame') {
    refuse('inputImages[0].role', `${JSON.stringify(image.role)} is not offered by model ${offer.model}`, [
      'first_frame',
    ]);
  }
  if (image.buffer) return toImageInput(image.buffer);
  if (image.url) return toImageInput(image.url);
  return refuse('inputImages[0]', 'has neither a url nor image bytes');
}

/** The model and its validated input (core's schema), or an InputValidationError. */
export async function toModelRequest(req: VideoGenerationRequest): Promise<ModelRequest> {
  const offer = resolveOffer(req.model);
  checkUnsupported(req, offer);
  const image = await imageOf(req, offer);
  const duration = String(req.durationSeconds ?? offer.durations[0]);
  const prompt = req.prompt?.trim() ? req.prompt : undefined;
  const fields =
    offer.mode === 'generate'
      ? { prompt, aspectRatio: req.aspectRatio ?? offer.aspectRatios?.[0], duration }
      : { image, prompt, duration };
  return { model: offer.model, input: toWireInput(offer.model, fields) as ModelInput<OfferedModel> };
}
