// Local validation before any request: turns zod issues into one InputValidationError that names the
// field, says what is wrong with the value and lists what is allowed.
import type { z } from 'zod';
import { InputValidationError } from './errors';
import { durationAllowed, durationHint, MODEL_TABLE } from './model-table';
import {
  isModelName,
  MODEL_INPUT_SCHEMAS,
  MODEL_NAMES,
  type ModelInput,
  type ModelName,
  type WireInput,
} from './models';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    return value.length > 60
      ? `${JSON.stringify(`${value.slice(0, 60)}...`)} (${value.length} characters)`
      : JSON.stringify(value);
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function assertModel(model: unknown, allowed: readonly ModelName[] = MODEL_NAMES): ModelName {
  if (!isModelName(model) || !allowed.includes(model)) {
    throw new InputValidationError('model', `${describeValue(model)} is not an available model`, allowed);
  }
  return model;
}

/** A duration in the form the model's wire takes: a string ("8") for fixed choices, a number for a range. */
export function wireDuration(model: ModelName, duration: unknown): unknown {
  const rule = MODEL_TABLE[model].durations;
  if ('choices' in rule && typeof duration === 'number') return String(duration);
  if ('min' in rule && typeof duration === 'string' && /^\d+$/.test(duration)) return Number(duration);
  return duration;
}

/**
 * Throws when `duration` is given and `model` does not take it, with a hint to the models among `allowed`
 * that do: the one duration rule of generate, estimateCredits and the tools, so they word it alike.
 */
export function assertDuration(
  model: ModelName,
  duration: unknown,
  allowed: readonly ModelName[] = MODEL_NAMES,
): void {
  const rule = MODEL_TABLE[model].durations;
  if ('perPrompt' in rule || duration === undefined || durationAllowed(model, duration)) return;
  const problem = `${describeValue(duration)} is not allowed for model ${model}`;
  const hint = durationHint(model, duration, allowed);
  if ('choices' in rule) throw new InputValidationError('duration', problem, rule.choices, hint);
  const range = `a whole number of seconds from ${rule.min} to ${rule.max}`;
  throw new InputValidationError('duration', `${problem}: ${range}`, undefined, hint);
}

/** A required field left out, with its allowed values when it has a list of them. */
export function missingField(model: ModelName, field: string, values?: readonly string[]) {
  const hint = field === 'content' ? 'minimax names its prompt "content".' : undefined;
  return new InputValidationError(field, `is required for model ${model}`, values, hint);
}

function toInputError(
  model: ModelName,
  input: unknown,
  issue: z.core.$ZodIssue,
  allowed: readonly ModelName[],
): InputValidationError {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(MODEL_INPUT_SCHEMAS[model].shape);
    return new InputValidationError(issue.keys[0] ?? 'input', `is not a field of model ${model}`, known);
  }
  const field = path.join('.') || 'input';
  const value = path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    input,
  );
  if (value === undefined && path.length > 0) {
    return missingField(model, field, issue.code === 'invalid_value' ? issue.values.map(String) : undefined);
  }
  // Every duration refused in the words of assertDuration, the rule estimateCredits and the tools use too.
  if (field === 'duration') assertDuration(model, value, allowed);
  if (issue.code === 'invalid_value') {
    const problem = `${describeValue(value)} is not allowed for model ${model}`;
    return new InputValidationError(field, problem, issue.values.map(String));
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    return new InputValidationError(field, `${describeValue(value)}: ${issue.message}`);
  }
  // A rule between fields (minimax's frame/reference exclusivity) reads better without the value.
  if (issue.code === 'custom' && (issue.params as { plain?: boolean } | undefined)?.plain) {
    return new InputValidationError(field, issue.message);
  }
  // A number that is not whole: the schema's own words ("must be a whole number ...").
  if (issue.code === 'invalid_type' && issue.expected === 'int') {
    return new InputValidationError(field, `${describeValue(value)}: ${issue.message}`);
  }
  if (issue.code === 'invalid_type') {
    return new InputValidationError(field, `expected ${issue.expected}, got ${describeValue(value)}`);
  }
  return new InputValidationError(field, `${describeValue(value)} ${issue.message}`);
}

/**
 * Validates `input` for `model` and returns the exact wire body (durations as the model takes them).
 * `allowed`: the models a "use X instead" hint may name (a tool set's allowed models).
 */
export function toWireInput<M extends ModelName>(
  model: M,
  input: ModelInput<M> | unknown,
  allowed: readonly ModelName[] = MODEL_NAMES,
): WireInput<M> {
  assertModel(model);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputValidationError('input', `expected an object with the fields of model ${model}`);
  }
  const candidate: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  // Documented models take the duration as a string ("8"), minimax as a number; either form is accepted.
  if ('duration' in candidate) candidate.duration = wireDuration(model, candidate.duration);
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  const result = MODEL_INPUT_SCHEMAS[model].safeParse(candidate);
  if (!result.success) {
    throw toInputError(model, candidate, result.error.issues[0] as z.core.$ZodIssue, allowed);
  }
  return result.data as WireInput<M>;
}

/** Longest delay a timer can hold (about 24.8 days); Node fires a longer one, Infinity included, at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * A duration option in milliseconds: a positive number. Longer than a timer can hold (Infinity included)
 * means "no practical limit" and is capped, so it never turns into an immediate timeout.
 */
export function durationOption(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new InputValidationError(field, `${describeValue(value)} is not a positive number of milliseconds`);
  }
  return Math.min(value, MAX_TIMER_MS);
}

/** The webhookUrl of generate: an absolute http(s) URL, checked before the paid request is sent. */
export function assertWebhookUrl(url: unknown, field = 'webhookUrl'): asserts url is string {
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url)) {
    throw new InputValidationError(field, `${describeValue(url)} is not an absolute http(s) URL`);
  }
  // It travels in an HTTP header, which carries bytes, not text: fetch refuses anything past Latin-1,
  // so the URL is taken only in its ASCII form (what `new URL(url).href` gives).
  if (!/^[\x21-\x7e]+$/.test(url)) {
    throw new InputValidationError(
      field,
      `${describeValue(url)} contains characters outside ASCII, which cannot be sent in an HTTP header`,
      undefined,
      `Send its encoded form instead: ${JSON.stringify(new URL(url).href)}.`,
    );
  }
}
