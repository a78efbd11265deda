// The SDK's call options -> the model's documented input, validated by core before any request. Options a
// model cannot honour become `unsupported` warnings; values it cannot take (a duration it does not offer,
// an image for a text model) are errors that name the field and what is allowed, never a silent change.
import type { Experimental_VideoModelV4CallOptions as CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { InputValidationError, type ModelName, type WireInput } from '@aivideomaker/core';
import { LV_SEGMENT_SECONDS, toWireInput } from '@aivideomaker/core/internal';
import { capabilities, type ModelCapabilities } from './capabilities';
import { mediaInputs } from './media-inputs';
import { type AIVideoMakerVideoOptions, parseVideoOptions } from './provider-options';
import { resolutionOf } from './resolution';

export interface MappedCall {
  input: WireInput<ModelName>;
  options: AIVideoMakerVideoOptions;
  warnings: SharedV4Warning[];
}

function ignoredOptions(model: ModelName, call: CallOptions, can: ModelCapabilities): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  const ignore = (feature: string, given: boolean, details: string) => {
    if (given) warnings.push({ type: 'unsupported', feature, details });
  };
  ignore('n', call.n > 1, `${model} makes one video per call; ${call.n - 1} more were not made.`);
  ignore('fps', call.fps !== undefined, `${model} has no frame-rate option.`);
  ignore('seed', call.seed !== undefined, `${model} has no seed; results are not reproducible.`);
  ignore('generateAudio', call.generateAudio === true, `${model} makes silent video.`);
  const { aspectRatio } = call;
  const fixed = aspectRatio !== undefined && aspectRatio !== 'adaptive' && !can.has('aspectRatio');
  ignore('aspectRatio', fixed, `${model} keeps the aspect ratio of its input image.`);
  return warnings;
}

function promptOf(model: ModelName, call: CallOptions, options: AIVideoMakerVideoOptions): unknown {
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
function assertSegmentDuration(model: ModelName, duration: number | undefined, prompt: unknown): void {
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
  const warnings = ignoredOptions(model, call, can);
  const input: Record<string, unknown> = { ...can.defaults };
  if (can.field.prompt) input[can.field.prompt] = promptOf(model, call, options);
  if (call.aspectRatio !== undefined && can.has('aspectRatio')) {
    // 'adaptive' (follow the input image) is what a model calls 'auto', where it offers that.
    const auto = call.aspectRatio === 'adaptive' && can.choices.aspectRatio?.includes('auto');
    input.aspectRatio = auto ? 'auto' : call.aspectRatio;
  }
  if (can.has('duration')) {
    if (call.duration !== undefined) input.duration = call.duration;
  } else if (can.segmentPrompts) {
    assertSegmentDuration(model, call.duration, can.field.prompt ? input[can.field.prompt] : undefined);
  }
  const resolution = resolutionOf(model, call.resolution, options.resolution, warnings);
  if (resolution !== undefined) input.resolution = resolution;
  if (options.tier !== undefined) {
    if (!can.has('tier')) {
      throw new InputValidationError(
        'providerOptions.aivideomaker.tier',
        `model ${model} has no tier option`,
      );
    }
    input.tier = options.tier;
  }
  Object.assign(input, await mediaInputs(model, call, warnings));
  // Core's schema has the last word: field names, allowed values and hints come from it.
  return { input: toWireInput(model, input), options, warnings };
}
