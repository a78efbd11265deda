// Resolution, for the models that have a `resolution` field of named sizes ("720p", "1080p"): the SDK's
// "WxH" maps to the name of its short side, or `providerOptions.aivideomaker.resolution` names it directly.
// A size the model does not offer is an error listing the sizes it does; a model without the field gets a
// warning for the SDK option (it renders its own size) and an error for ours (asked for by name).
import type { SharedV4Warning } from '@ai-sdk/provider';
import { InputValidationError, type ModelName } from '@aivideomaker/core';
import { capabilities } from './capabilities';

/** "1080p" -> the 16:9 sizes with that short side: "1920x1080", "1080x1920". */
function sizesOf(name: string): string[] {
  const short = Number.parseInt(name, 10);
  const long = Math.round((short * 16) / 9);
  return Number.isNaN(short) ? [] : [`${long}x${short}`, `${short}x${long}`];
}

export function resolutionOf(
  model: ModelName,
  size: `${number}x${number}` | undefined,
  named: string | undefined,
  warnings: SharedV4Warning[],
): string | undefined {
  const offered = capabilities(model).choices.resolution;
  if (!offered) {
    if (named !== undefined) {
      throw new InputValidationError(
        'providerOptions.aivideomaker.resolution',
        `model ${model} has no resolution option`,
      );
    }
    if (size !== undefined) {
      warnings.push({
        type: 'unsupported',
        feature: 'resolution',
        details: `${model} has no resolution option.`,
      });
    }
    return undefined;
  }
  if (size === undefined) return named;
  const [width, height] = size.split('x').map(Number) as [number, number];
  const fromSize = offered.find((name) => Number.parseInt(name, 10) === Math.min(width, height));
  if (!fromSize) {
    throw new InputValidationError(
      'resolution',
      `"${size}" is not offered by model ${model}`,
      offered.flatMap(sizesOf),
    );
  }
  if (named !== undefined && named !== fromSize) {
    throw new InputValidationError(
      'resolution',
      `"${size}" (${fromSize}) disagrees with providerOptions.aivideomaker.resolution "${named}"`,
    );
  }
  return fromSize;
}
