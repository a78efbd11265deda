// The headers of the live API's paid POST: an Idempotency-Key on every generate (the caller's, or one
// random key per logical call, reused on each resend of that call) and X-Max-Credits, the approved spend.
// Both are checked before anything is sent.
import { InputValidationError } from '../errors';
import { bytesToBase64 } from '../media';
import { describeValue } from '../validate';

/** The live API accepts keys of 8 to 128 characters. */
export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 128 } as const;
// Visible ASCII only: a header value must be a byte string, and a key is compared byte for byte.
const KEY_CHARS = /^[\x21-\x7e]+$/;

/** A fresh key: 16 random bytes (the vendor asks for 16+), base64url, 26 characters with its prefix. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `avm-${bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export function assertIdempotencyKey(value: unknown): string {
  const { min, max } = IDEMPOTENCY_KEY_LENGTH;
  if (typeof value !== 'string' || value.length < min || value.length > max || !KEY_CHARS.test(value)) {
    throw new InputValidationError(
      'idempotencyKey',
      `${describeValue(value)} is not ${min} to ${max} visible ASCII characters (no spaces)`,
      undefined,
      'Use one random key per logical generation, e.g. crypto.randomUUID().',
    );
  }
  return value;
}

/** X-Max-Credits: a whole number of credits >= 0. */
export function assertMaxCredits(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InputValidationError(
      'maxCredits',
      `${describeValue(value)} is not a whole number of credits >= 0`,
    );
  }
  return value;
}
