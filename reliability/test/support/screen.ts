// Every way a value gets printed: String(), JSON.stringify (with an error's own properties), util.inspect
// with hidden properties 12 levels deep, and for errors the message and stack of each cause. Counts the
// renderings screened and those holding the sentinel key.
import { inspect } from 'node:util';
import { KEY } from './constants';

export interface Screening {
  checks: number;
  hits: string[];
}

function renderings(value: unknown): string[] {
  // No `getters: true`: running every getter of a zod schema corrupts its lazy internals.
  const out = [String(value), inspect(value, { showHidden: true, depth: 12 })];
  try {
    out.push(
      JSON.stringify(value, value instanceof Error ? Object.getOwnPropertyNames(value) : undefined) ?? '',
    );
  } catch {
    // Circular structures are still covered by inspect.
  }
  for (let error = value, depth = 0; error instanceof Error && depth < 8; depth++) {
    out.push(error.message, error.stack ?? '');
    error = error.cause;
  }
  return out;
}

export function screen(values: Record<string, unknown>): Screening {
  const result: Screening = { checks: 0, hits: [] };
  for (const [name, value] of Object.entries(values)) {
    for (const text of renderings(value)) {
      result.checks++;
      if (text.includes(KEY)) result.hits.push(name);
    }
  }
  return result;
}
