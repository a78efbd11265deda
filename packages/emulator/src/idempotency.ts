// Idempotency-Key (api-live.md): per API key, the first successful generate with a key is remembered
// with a fingerprint of what it asked for; the same key with the same request replays that task, the same
// key with another request is a conflict. Failed requests (400, 402, 422, ...) remember nothing.
import { createHash } from 'node:crypto';
import type { Model, TaskInput } from './models';

export const IDEMPOTENCY_KEY_MIN = 8;
export const IDEMPOTENCY_KEY_MAX = 128;

interface Entry {
  fingerprint: string;
  taskId: string;
}

export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  get(apiKey: string, idempotencyKey: string): Entry | undefined {
    return this.#entries.get(JSON.stringify([apiKey, idempotencyKey]));
  }

  set(apiKey: string, idempotencyKey: string, entry: Entry): void {
    this.#entries.set(JSON.stringify([apiKey, idempotencyKey]), entry);
  }
}

/**
 * The model and the body as data (key order and whitespace do not make two requests different), hashed
 * so that a remembered key costs a few bytes however large its body (data URIs) was.
 */
export function fingerprint(model: Model, input: TaskInput): string {
  return createHash('sha256')
    .update(JSON.stringify([model, canonical(input)]))
    .digest('base64url');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** The header's value when it is acceptable, or the reason it is not. */
export function checkIdempotencyKey(value: string): string | undefined {
  if (value.length < IDEMPOTENCY_KEY_MIN || value.length > IDEMPOTENCY_KEY_MAX) {
    return `Idempotency-Key must be ${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} characters (got ${value.length})`;
  }
  return undefined;
}
