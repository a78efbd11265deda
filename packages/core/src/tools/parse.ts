// Tool inputs are checked in execute too (not every framework validates before calling), and a failure
// becomes an InputValidationError naming the field and the allowed values.
import type { z } from 'zod';
import { InputValidationError } from '../errors';
import { describeValue } from '../validate';

export function parseToolInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const given = withoutNulls(input ?? {});
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const field = issue.path.map(String).join('.') || 'input';
  const value = issue.path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    given,
  );
  if (issue.code === 'custom') {
    const allowed = (issue.params as { allowed?: readonly string[] } | undefined)?.allowed;
    // The message already lists the allowed values; keep them on the error as well.
    throw Object.assign(new InputValidationError(field, issue.message), { allowed });
  }
  if (issue.code === 'invalid_value') {
    throw new InputValidationError(field, `${describeValue(value)} is not allowed`, issue.values.map(String));
  }
  const problem = value === undefined ? 'is required' : `${describeValue(value)}: ${issue.message}`;
  throw new InputValidationError(field, problem);
}

/**
 * A null argument counts as left out: models in strict tool-calling modes send null for the optional
 * arguments they do not use (and Mastra's OpenAI schemas ask them to), and no tool argument means null.
 */
function withoutNulls(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}

/** Adds a model-specific rule to a tool's schema, so frameworks that validate see the same message. */
export function withRule<S extends z.ZodType>(schema: S, rule: (value: z.infer<S>) => void): S {
  return schema.superRefine((value, ctx) => {
    try {
      rule(value);
    } catch (error) {
      if (!(error instanceof InputValidationError)) throw error;
      ctx.addIssue({
        code: 'custom',
        path: [error.field],
        message: error.detail,
        params: { allowed: error.allowed },
      });
    }
  }) as unknown as S;
}
