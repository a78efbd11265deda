// The model-dependent parts of the generation tools (choices, field help, description lines), derived
// from the model table and the model schemas: a model added there shows up here without a word written.

import { describeModel, durationText } from '../model-table';
import { MODEL_INPUT_SCHEMAS, type ModelName } from '../models';

/** The duration a generation tool sends when none is given (minimax's own default too). */
export const DEFAULT_DURATION = '5';

interface JsonField {
  enum?: unknown[];
  description?: string;
}

function jsonSchema(model: ModelName) {
  return MODEL_INPUT_SCHEMAS[model].toJSONSchema() as {
    properties: Record<string, JsonField>;
    required?: string[];
  };
}

function field(model: ModelName, name: string): JsonField | undefined {
  return jsonSchema(model).properties[name];
}

/** The models among `models` whose schema requires a prompt (minimax names it `content`). */
export function promptRequiredBy(models: readonly ModelName[]): ModelName[] {
  return models.filter((model) =>
    (jsonSchema(model).required ?? []).some((name) => name === 'prompt' || name === 'content'),
  );
}

/** Every value of an enum field that one of `models` has (aspectRatio, resolution, tier). */
export function enumChoices(models: readonly ModelName[], name: string): string[] {
  return [...new Set(models.flatMap((model) => (field(model, name)?.enum ?? []).map(String)))];
}

/** The models among `models` that have the field `name`. */
export function modelsWith(models: readonly ModelName[], name: string): ModelName[] {
  return models.filter((model) => field(model, name) !== undefined);
}

/** "Model (default t2v): t2v: standard quality; 5 or 8 s; 1 credit/s. ..." */
export function modelFieldText(models: readonly ModelName[]): string {
  return `Model (default ${models[0]}): ${models.map(describeModel).join('. ')}`;
}

/** 'Seconds, as a string (default "5"): t2v 5 or 8 s; minimax 5 to 20 s' */
export function durationFieldText(models: readonly ModelName[]): string {
  const rules = models.map((model) => `${model} ${durationText(model)}`).join('; ');
  return `Seconds, as a string (default "${DEFAULT_DURATION}"): ${rules}`;
}

/** The description of a field that only some models have: its own help, and which models take it. */
export function onlyForText(models: readonly ModelName[], name: string): string {
  const owners = modelsWith(models, name);
  const helps = owners.map((model) => field(model, name)?.description ?? name);
  const help = helps.find((text) => text.includes('default')) ?? helps[0] ?? name;
  return owners.length === models.length ? help : `${help}; only for ${owners.join(', ')}`;
}
