// What each model takes, read from core's model table (never a hand list of models): which of the roles
// the SDK's options map to its wire schema has (the prompt is `prompt` or `content`, the first frame `image`
// or `imageUrl`, ...), whether the prompt is a list of segments, the allowed values of its enum fields, and
// the defaults used when the SDK call leaves a required field out (the first allowed value: 16:9, and the
// shortest, cheapest duration).
import { MODEL_INPUT_SCHEMAS, MODEL_NAMES, type ModelName } from '@aivideomaker/core';

/** The wire fields that can play each role, by the names core's schemas use. */
const ROLES = {
  prompt: ['prompt', 'content'],
  firstFrame: ['image', 'imageUrl'],
  lastFrame: ['lastFrameUrl'],
  referenceImages: ['referenceImageUrls'],
} as const;
type Role = keyof typeof ROLES;

interface SchemaNode {
  type: string;
  options?: readonly unknown[];
  isOptional(): boolean;
  unwrap?(): SchemaNode;
}

export interface ModelCapabilities {
  /** The wire field of each role the model has. */
  field: Partial<Record<Role, string>>;
  /** `prompt` is a list of 5-second segment prompts (long video). */
  segmentPrompts: boolean;
  /** The allowed values of each enum field (aspectRatio, duration, resolution, tier, ...). */
  choices: Record<string, readonly string[]>;
  /** `duration` is a number on the wire (not one of a list of strings). */
  numericDuration: boolean;
  /** Values for required enum fields the call may leave out. */
  defaults: Record<string, string>;
  has(field: string): boolean;
}

function unwrapped(node: SchemaNode): SchemaNode {
  let inner = node;
  while ((inner.type === 'optional' || inner.type === 'nullable') && inner.unwrap) inner = inner.unwrap();
  return inner;
}

function capabilitiesOf(model: ModelName): ModelCapabilities {
  const shape = MODEL_INPUT_SCHEMAS[model].shape as unknown as Record<string, SchemaNode>;
  const field: Partial<Record<Role, string>> = {};
  for (const role of Object.keys(ROLES) as Role[]) {
    const name = ROLES[role].find((candidate) => candidate in shape);
    if (name) field[role] = name;
  }
  const choices: Record<string, readonly string[]> = {};
  const defaults: Record<string, string> = {};
  for (const [name, node] of Object.entries(shape)) {
    const inner = unwrapped(node);
    if (inner.type !== 'enum' || !inner.options) continue;
    choices[name] = inner.options.map(String);
    if (!node.isOptional() && choices[name][0]) defaults[name] = choices[name][0];
  }
  const duration = shape.duration ? unwrapped(shape.duration) : undefined;
  return {
    field,
    segmentPrompts:
      field.prompt !== undefined && unwrapped(shape[field.prompt] as SchemaNode).type === 'array',
    choices,
    numericDuration: duration?.type === 'number',
    defaults,
    has: (name) => name in shape,
  };
}

const TABLE = Object.fromEntries(MODEL_NAMES.map((model) => [model, capabilitiesOf(model)])) as Record<
  ModelName,
  ModelCapabilities
>;

export function capabilities(model: ModelName): ModelCapabilities {
  return TABLE[model];
}

/** The models that take a first-frame image, for hints in error messages. */
export function imageModels(): ModelName[] {
  return MODEL_NAMES.filter((model) => TABLE[model].field.firstFrame !== undefined);
}
