// A generation tool's flat arguments -> the model's wire body. The tools speak one vocabulary (prompt,
// image, duration as a string); minimax names the prompt `content`, the first frame `imageUrl`, and takes
// the duration as a number. Fields a model does not have are refused, naming the models that take them.
import { InputValidationError } from '../errors';
import type { ModelName } from '../models';
import { DEFAULT_DURATION, modelsWith } from './model-choice';

export interface ToolArgs {
  prompt?: string | undefined;
  image?: string | undefined;
  duration?: string | undefined;
  aspectRatio?: string | undefined;
  resolution?: string | undefined;
  tier?: string | undefined;
}

export function toolBody(
  model: ModelName,
  args: ToolArgs,
  offered: readonly ModelName[],
): Record<string, unknown> {
  for (const name of ['aspectRatio', 'resolution', 'tier'] as const) {
    if (args[name] !== undefined && !modelsWith([model], name).length) {
      const takers = modelsWith(offered, name);
      throw new InputValidationError(
        name,
        `does not apply to model ${model}`,
        undefined,
        `Only ${takers.join(', ')} take it.`,
      );
    }
  }
  if (model === 'minimax') {
    if (!args.prompt) throw new InputValidationError('prompt', 'is required for model minimax');
    return {
      content: args.prompt,
      ...(args.image ? { imageUrl: args.image } : {}),
      ...(args.duration ? { duration: Number(args.duration) } : {}),
      ...(args.aspectRatio ? { aspectRatio: args.aspectRatio } : {}),
      ...(args.resolution ? { resolution: args.resolution } : {}),
      ...(args.tier ? { tier: args.tier } : {}),
    };
  }
  if (args.image !== undefined) {
    return {
      image: args.image,
      ...(args.prompt ? { prompt: args.prompt } : {}),
      duration: args.duration ?? DEFAULT_DURATION,
    };
  }
  return {
    prompt: args.prompt,
    aspectRatio: args.aspectRatio ?? '16:9',
    duration: args.duration ?? DEFAULT_DURATION,
  };
}
