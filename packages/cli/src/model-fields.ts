// The flags of `generate` and `estimate` come from core's model schemas (their JSON Schema): one flag
// per field, kebab-cased (`aspectRatio` -> `--aspect-ratio`), repeatable when the field is a list. No
// field, duration or aspect ratio is declared here, so the CLI follows core when the API changes.
import { MODEL_INPUT_SCHEMAS, MODEL_NAMES, type ModelName } from '@aivideomaker/core';
import { IMAGE_FIELDS } from '@aivideomaker/core/internal';
import type { FlagSpecs } from './args';

export interface ModelField {
  field: string;
  flag: string;
  multiple: boolean;
  required: boolean;
  /** Allowed values when the field is an enum. */
  allowed?: string[];
  description: string;
  /** True for image fields, which also take a local file (read into a data URL). */
  image: boolean;
  /** A whole number (minimax's duration). */
  numeric: boolean;
}

interface JsonProperty {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  maxItems?: number;
}

/** The flag of a model field: `aspectRatio` -> `aspect-ratio`. */
export const flagName = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function modelFields(model: ModelName): ModelField[] {
  const schema = MODEL_INPUT_SCHEMAS[model].toJSONSchema() as {
    properties: Record<string, JsonProperty>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([field, property]) => ({
    field,
    flag: flagName(field),
    multiple: property.type === 'array',
    required: schema.required?.includes(field) ?? false,
    ...(property.enum ? { allowed: property.enum.map(String) } : {}),
    description: property.description ?? field,
    image: (IMAGE_FIELDS as readonly string[]).includes(field),
    numeric: property.type === 'integer' || property.type === 'number',
  }));
}

/** `--duration 5|8`, `--prompt <text>...`, `--image <url|file>`: how a field reads in a usage line. */
export function fieldUsage(field: ModelField): string {
  const value = field.allowed
    ? field.allowed.join('|')
    : field.image
      ? '<url|file>'
      : field.numeric
        ? '<n>'
        : '<text>';
  const flag = `--${field.flag} ${value}${field.multiple ? ' ...' : ''}`;
  return field.required ? flag : `[${flag}]`;
}

/** Every model field as a flag, for parsing before the model is known; `generate` checks which apply. */
export const MODEL_FLAGS: FlagSpecs = Object.fromEntries(
  MODEL_NAMES.flatMap((model) => modelFields(model)).map((field) => [
    field.flag,
    { type: 'string', multiple: true, hidden: true, description: field.description },
  ]),
);

/** The help section listing each model with its field flags. */
export function modelFieldHelp(): string[] {
  return [
    'Models and their fields:',
    ...MODEL_NAMES.map((model) => `  ${model.padEnd(7)} ${modelFields(model).map(fieldUsage).join(' ')}`),
    '',
    "Image flags (--image, and minimax's --image-url, --last-frame-url, --reference-image-urls) take an",
    'http(s) URL, a data: URL or a local image file (sent inline as a data URL).',
  ];
}
