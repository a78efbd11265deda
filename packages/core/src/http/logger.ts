// Request lines for an optional logger. The key header is always shown as [redacted], and a `token`
// in a webhook URL is masked too; nothing else from a request is logged.

export interface Logger {
  debug(message: string): void;
  warn?(message: string): void;
}

export const REDACTED = '[redacted]';

/** Masks secret-looking query parameters (token, key, secret, signature) of a URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|key|secret|sig|signature)=)[^&#]*/gi, `$1${REDACTED}`);
}

export function requestLine(
  method: string,
  path: string,
  headers: Record<string, string>,
  outcome: string,
  elapsedMs: number,
  attempt: number,
): string {
  const shown = Object.entries(headers)
    .filter(([name]) => name === 'key' || name === 'webhookUrl')
    .map(([name, value]) => `${name}=${name === 'key' ? REDACTED : redactUrl(value)}`)
    .join(' ');
  return `aivideomaker: ${method} ${path} -> ${outcome} in ${Math.round(elapsedMs)} ms (attempt ${attempt + 1}) ${shown}`;
}
