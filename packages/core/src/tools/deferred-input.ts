// Frameworks check a tool call's arguments against the tool's schema before the tool runs, and tell the
// model about a mismatch in their own words: the AI SDK a ~560-character JSON dump, Mastra a multi-line
// report, MCP an "MCP error -32602" line. Every adapter instead gives the model core's one line,
// `Error (invalid_input): Invalid <field>: ...`, produced by core's parser (parseToolInput) alone.
import type { z } from 'zod';
import { formatToolError } from './format-error';
import { parseToolInput } from './parse';

/** A schema a framework reads like the spec's own (same JSON Schema, same types) but that never rejects. */
export type DeferredInputSchema<T> = Pick<z.ZodType<T>, '~standard'>;

/**
 * The spec's input schema as a Standard Schema that passes a value it rejects through unchanged, so the
 * tool's execute (which parses its input with core's parser) refuses it with core's one line. For the
 * frameworks that take a Standard Schema (AI SDK, Mastra) and word their own validation failures.
 */
export function deferredInputSchema<T>(schema: z.ZodType<T>): DeferredInputSchema<T> {
  const standard = schema['~standard'];
  return {
    '~standard': {
      ...standard,
      // Not 'zod': a framework that sees zod converts the schema itself and validates with it.
      vendor: 'aivideomaker',
      validate: (value: unknown) => ({ value: parsedOrAsIs(schema, value) }),
    },
  };
}

function parsedOrAsIs<T>(schema: z.ZodType<T>, value: unknown): T {
  try {
    return parseToolInput(schema, value);
  } catch {
    return value as T;
  }
}

/** The line the model reads for `input`, or undefined when the input is valid. */
export function inputErrorLine(schema: z.ZodType, input: unknown): string | undefined {
  try {
    parseToolInput(schema, input);
    return undefined;
  } catch (error) {
    return formatToolError(error);
  }
}
