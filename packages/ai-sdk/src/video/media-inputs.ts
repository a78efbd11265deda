// The SDK's images (a first frame, a last frame, reference images; each a URL, base64 or bytes) -> the URLs
// or data URLs the model's fields take. Core checks each image's type and size; what a model has no field
// for is a warning, except an image given to a text-only model, which is an error (it would pay for a
// video that ignores the image).
import type {
  Experimental_VideoModelV4CallOptions as CallOptions,
  SharedV4Warning,
  Experimental_VideoModelV4File as VideoFile,
} from '@ai-sdk/provider';
import { InputValidationError, type ModelName, toImageInput } from '@aivideomaker/core';
import { capabilities, imageModels } from './capabilities';

/** An SDK file -> the URL or data URL the API takes. */
function imageInput(file: VideoFile): Promise<string> {
  if (file.type === 'url') return toImageInput(file.url);
  if (typeof file.data !== 'string') return toImageInput(file.data);
  return toImageInput(`data:${file.mediaType};base64,${file.data}`);
}

const isImage = (file: VideoFile) => (file.mediaType ?? 'image/').startsWith('image/');

export async function mediaInputs(
  model: ModelName,
  call: CallOptions,
  warnings: SharedV4Warning[],
): Promise<Record<string, unknown>> {
  const { field } = capabilities(model);
  const input: Record<string, unknown> = {};
  if (call.image) {
    if (!field.firstFrame) {
      throw new InputValidationError(
        'image',
        `model ${model} makes video from text only`,
        undefined,
        `Use a model that takes a first frame: ${imageModels().join(', ')}.`,
      );
    }
    input[field.firstFrame] = await imageInput(call.image);
  }
  const lastFrame = call.frameImages?.find((frame) => frame.frameType === 'last_frame')?.image;
  if (lastFrame && field.lastFrame) input[field.lastFrame] = await imageInput(lastFrame);
  else if (lastFrame) {
    warnings.push({
      type: 'unsupported',
      feature: 'frameImages.last_frame',
      details: `${model} takes a first frame only.`,
    });
  }
  const references = call.inputReferences ?? [];
  const images = field.referenceImages ? references.filter(isImage) : [];
  if (images.length > 0 && field.referenceImages) {
    input[field.referenceImages] = await Promise.all(images.map(imageInput));
  }
  if (references.length > images.length) {
    const details = field.referenceImages
      ? `${model} takes reference images only; the other references were not sent.`
      : `${model} takes no reference media.`;
    warnings.push({ type: 'unsupported', feature: 'inputReferences', details });
  }
  return input;
}
