// What each model takes, read from core's model table (never a hand list): which fields its wire schema
// has, whether `prompt` is a list of segments, the allowed durations and the defaults used when the SDK
// call leaves a required option out (the first allowed value: the shortest, cheapest video; 16:9).
import { MODEL_INPUT_SCHEMAS, MODEL_NAMES, type ModelName } from '@aivideomaker/core';

export interface ModelCapabilities {
  /** The wire fields of the model, in the schema's order. */
  fields: readonly string[];
  aspectRatio: boolean;
  image: boolean;
  /** `prompt` is a list of 5-second segment prompts (long video). */
  segmentPrompts: boolean;
  /** Allowed `duration` values (seconds, as the API's strings); undefined when the model has no field. */
  durations: readonly string[] | undefined;
  defaults: { aspectRatio?: string; duration?: string };
}

interface SchemaField {
  type: string;
  options?: readonly unknown[];
}

function capabilitiesOf(model: ModelName): ModelCapabilities {
  const shape = MODEL_INPUT_SCHEMAS[model].shape as unknown as Record<string, SchemaField>;
  const options = (field: string) => shape[field]?.options?.map(String);
  const durations = options('duration');
  const aspectRatios = options('aspectRatio');
  return {
    fields: Object.keys(shape),
    aspectRatio: 'aspectRatio' in shape,
    image: 'image' in shape,
    segmentPrompts: shape.prompt?.type === 'array',
    durations,
    defaults: {
      ...(aspectRatios?.[0] ? { aspectRatio: aspectRatios[0] } : {}),
      ...(durations?.[0] ? { duration: durations[0] } : {}),
    },
  };
}

const TABLE = Object.fromEntries(MODEL_NAMES.map((model) => [model, capabilitiesOf(model)])) as Record<
  ModelName,
  ModelCapabilities
>;

export function capabilities(model: ModelName): ModelCapabilities {
  return TABLE[model];
}

/** The models that take an image, for hints in error messages. */
export function imageModels(): ModelName[] {
  return MODEL_NAMES.filter((model) => TABLE[model].image);
}
