// The SDK's call options -> the model's documented input, validated by core before any request. Options a
// model cannot honour become `unsupported` warnings; values it cannot take (a duration it does not offer,
// an image for a text model) are errors that name the field and what is allowed, never a silent change.
import type {
  Experimental_VideoModelV4CallOptions as CallOptions,
  SharedV4Warning,
  Experimental_VideoModelV4File as VideoFile,
} from '@ai-sdk/provider';
import {
  InputValidationError,
  LV_SEGMENT_SECONDS,
  type ModelName,
  toImageInput,
  toWireInput,
  type WireInput,
} from '@aivideomaker/core';
import { capabilities, imageModels } from './capabilities';
import { type AIVideoMakerVideoOptions, parseVideoOptions } from './provider-options';

export interface MappedCall {
  input: WireInput<ModelName>;
  options: AIVideoMakerVideoOptions;
  warnings: SharedV4Warning[];
}

const unsupported = (feature: string, details: string): SharedV4Warning => ({
  type: 'unsupported',
  feature,
  details,
});

/** An SDK file (URL, base64 or bytes) -> the URL or data URL the API takes; core checks type and size. */
function imageInput(file: VideoFile): Promise<string> {
  if (file.type === 'url') return toImageInput(file.url);
  if (typeof file.data !== 'string') return toImageInput(file.data);
  return toImageInput(`data:${file.mediaType};base64,${file.data}`);
}

function ignoredOptions(model: ModelName, call: CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  const ignore = (feature: string, given: boolean, details: string) => {
    if (given) warnings.push(unsupported(feature, details));
  };
  ignore('n', call.n > 1, `${model} makes one video per call; ${call.n - 1} more were not made.`);
  ignore('fps', call.fps !== undefined, `${model} has no frame-rate option.`);
  ignore('seed', call.seed !== undefined, `${model} has no seed; results are not reproducible.`);
  ignore('resolution', call.resolution !== undefined, `${model} has no resolution option.`);
  ignore('generateAudio', call.generateAudio === true, `${model} makes silent video.`);
  const lastFrame = call.frameImages?.some((frame) => frame.frameType === 'last_frame');
  ignore('frameImages.last_frame', lastFrame === true, `${model} takes a first frame only.`);
  ignore('inputReferences', (call.inputReferences?.length ?? 0) > 0, `${model} takes no reference media.`);
  const { aspectRatio } = call;
  const fixedRatio =
    aspectRatio !== undefined && aspectRatio !== 'adaptive' && !capabilities(model).aspectRatio;
  ignore('aspectRatio', fixedRatio, `${model} keeps the aspect ratio of its input image.`);
  return warnings;
}

function promptField(model: ModelName, call: CallOptions, options: AIVideoMakerVideoOptions): unknown {
  const { segmentPrompts } = capabilities(model);
  if (options.prompts !== undefined && !segmentPrompts) {
    throw new InputValidationError(
      'providerOptions.aivideomaker.prompts',
      `is for long video only; model ${model} takes one text prompt`,
    );
  }
  if (!segmentPrompts) return call.prompt;
  // The SDK always takes a prompt: with segment prompts in providerOptions it is left empty ('').
  const text = call.prompt?.trim() ? call.prompt : undefined;
  if (options.prompts !== undefined && text !== undefined) {
    throw new InputValidationError(
      'prompt',
      'give the segments either as prompt (one segment) or as providerOptions.aivideomaker.prompts (leave prompt empty), not both',
    );
  }
  return options.prompts ?? (text === undefined ? undefined : [text]);
}

/** lv has no duration field: its length is 5 s per segment, so only that exact duration is accepted. */
function segmentDuration(model: ModelName, duration: number | undefined, prompt: unknown): void {
  if (duration === undefined || !Array.isArray(prompt)) return;
  const seconds = prompt.length * LV_SEGMENT_SECONDS;
  if (duration === seconds) return;
  throw new InputValidationError(
    'duration',
    `${duration} is not allowed for model ${model} with ${prompt.length} segment prompt(s)`,
    [String(seconds)],
    `${model} makes ${LV_SEGMENT_SECONDS} s per prompt in providerOptions.aivideomaker.prompts.`,
  );
}

export async function mapCallOptions(model: ModelName, call: CallOptions): Promise<MappedCall> {
  const can = capabilities(model);
  const options = parseVideoOptions(call.providerOptions);
  const warnings = ignoredOptions(model, call);
  const input: Record<string, unknown> = { prompt: promptField(model, call, options) };
  if (can.aspectRatio) input.aspectRatio = call.aspectRatio ?? can.defaults.aspectRatio;
  if (can.durations) input.duration = call.duration ?? can.defaults.duration;
  else segmentDuration(model, call.duration, input.prompt);
  if (call.image && !can.image) {
    throw new InputValidationError(
      'image',
      `model ${model} makes video from text only`,
      undefined,
      `Use an image model for a first frame: ${imageModels().join(', ')}.`,
    );
  }
  if (call.image) input.image = await imageInput(call.image);
  // Core's schema has the last word: field names, allowed values and hints come from it.
  return { input: toWireInput(model, input), options, warnings };
}
