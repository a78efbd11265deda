// Masking the key in text that came from elsewhere (a server message, an unexpected error, a log line).
// Each client redacts with its own key (`redactorFor`). Text with no client at hand (a tool error from
// any layer) is masked with the keys of the clients still alive: the registry holds each key only through
// a WeakRef to its client's holder, so a key is released with the client that used it.
import { REDACTED } from './http/logger';

export interface SecretHolder {
  readonly secret: string;
}

const live = new Set<WeakRef<SecretHolder>>();
const released = new FinalizationRegistry<WeakRef<SecretHolder>>((ref) => live.delete(ref));

function mask(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join(REDACTED) : text;
}

/** Registers a client's key for `redactSecrets` until `holder` (owned by the client) is collected. */
export function registerSecret(holder: SecretHolder): void {
  const ref = new WeakRef(holder);
  live.add(ref);
  released.register(holder, ref);
}

/** The redactor of one client: masks its own key, nothing else. */
export function redactorFor(secret: string): (text: string) => string {
  return (text) => mask(text, secret);
}

/** Masks the keys of every client still alive (for text whose client is unknown). */
export function redactSecrets(text: string): string {
  let result = text;
  for (const ref of live) {
    const holder = ref.deref();
    if (holder) result = mask(result, holder.secret);
    else live.delete(ref);
  }
  return result;
}

/** How many keys the registry holds (for tests: it must not grow with clients that are gone). */
export function liveSecretCount(): number {
  return [...live].filter((ref) => ref.deref() !== undefined).length;
}

const COPIED_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * A copy of an error and its `cause` chain with `redact` applied to every message and stack, so neither
 * `util.inspect` of an error nor a logger that prints causes can show the key. Codes (ECONNREFUSED...)
 * are kept: retry decisions read them.
 */
export function scrubError(error: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (depth > 6) return undefined;
  if (typeof error === 'string') return redact(error);
  if (!(error instanceof Error)) return error === null || typeof error !== 'object' ? error : undefined;
  const cause = 'cause' in error ? scrubError(error.cause, redact, depth + 1) : undefined;
  const copy = new Error(redact(error.message), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redact(error.stack);
  const fields = error as unknown as Record<string, unknown>;
  for (const field of COPIED_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') Object.assign(copy, { [field]: redact(value) });
    else if (typeof value === 'number') Object.assign(copy, { [field]: value });
  }
  return copy;
}
