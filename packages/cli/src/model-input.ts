// Turns the flags of `generate`/`estimate` into a model input: each flag to its field, lists where the
// field is a list, local image files into data URLs. Validation itself is core's (toWireInput).

import { resolve } from 'node:path';
import { MODEL_NAMES, type ModelName } from '@aivideomaker/core';
import { imageFromPath } from '@aivideomaker/core/node';
import type { FlagValues } from './args';
import { UsageError } from './errors';
import { MODEL_FLAGS, modelFields } from './model-fields';

const REMOTE_IMAGE = /^(https?:|data:)/i;

export function parseModel(value: string | undefined, command: string): ModelName {
  if (value === undefined) throw new UsageError(`missing <model>: one of ${MODEL_NAMES.join(', ')}`, command);
  if (!(MODEL_NAMES as readonly string[]).includes(value))
    throw new UsageError(`unknown model "${value}": use one of ${MODEL_NAMES.join(', ')}`, command);
  return value as ModelName;
}

export interface InputOptions {
  command: string;
  cwd: string;
  /** Read local image files (generate); `estimate` leaves them as given, the cost does not depend on them. */
  readImages: boolean;
}

export async function modelInput(
  model: ModelName,
  values: FlagValues,
  { command, cwd, readImages }: InputOptions,
): Promise<Record<string, unknown>> {
  const fields = modelFields(model);
  for (const flag of Object.keys(MODEL_FLAGS)) {
    if (values[flag] !== undefined && !fields.some((field) => field.flag === flag)) {
      const takes = fields.map((field) => `--${field.flag}`).join(', ');
      throw new UsageError(`--${flag} does not apply to ${model} (${model} takes ${takes})`, command);
    }
  }
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const given = values[field.flag] as string[] | undefined;
    if (given === undefined) continue;
    if (!field.multiple && given.length > 1) {
      throw new UsageError(`--${field.flag} was given ${given.length} times; ${model} takes one`, command);
    }
    const read =
      field.image && readImages
        ? await Promise.all(
            given.map((value) => (REMOTE_IMAGE.test(value) ? value : imageFromPath(resolve(cwd, value)))),
          )
        : given;
    input[field.field] = field.multiple ? read : read[0];
  }
  return input;
}
