// Keys in use by clients of this process, so text from anywhere (an unexpected error, a log line) can be
// scrubbed before it is printed or handed to a model.
import { REDACTED } from './http/logger';

const keys = new Set<string>();

export function registerSecret(secret: string): void {
  if (secret.length >= 4) keys.add(secret);
}

export function redactSecrets(text: string): string {
  let result = text;
  for (const key of keys) result = result.split(key).join(REDACTED);
  return result;
}
