// Local configuration checked when a client is made, so a mistake is reported at once, naming what is
// wrong, with nothing sent: a key that cannot travel in an HTTP header, a base URL with credentials, a
// query or a fragment, or a port `fetch` refuses to connect to. Left to `fetch`, each of these surfaced
// as "nothing answers" for reads and, seconds later, as "the task may exist" for a paid call.
import { InputValidationError } from './errors';

/**
 * Ports the Fetch standard blocks (https://fetch.spec.whatwg.org/#bad-port): `fetch` fails on them before
 * connecting, with an error that looks like a network failure.
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Whether `fetch` refuses to connect to this port (6000, 6665-6669, 10080, ...). */
export function isBlockedPort(port: number): boolean {
  return BAD_PORTS.has(port);
}

/**
 * The key goes in the `key` header, so it must be a visible ASCII string: a CR, LF or NUL would be refused
 * by `fetch` (or split the header), and a character past Latin-1 cannot be sent at all. The message says
 * where the bad character is, never what the key is.
 */
export function assertApiKey(key: string): void {
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code > 0x20 && code < 0x7f) continue;
    const what =
      code === 0x0d || code === 0x0a
        ? 'a line break (CR or LF)'
        : code === 0
          ? 'a NUL character'
          : code < 0x20 || code === 0x7f
            ? 'a control character'
            : code === 0x20
              ? 'a space'
              : 'a character outside ASCII';
    throw new InputValidationError(
      'apiKey',
      `contains ${what} at position ${index + 1}; an API key is visible ASCII only`,
      undefined,
      'Copy the key again from https://aivideomaker.ai (AIVIDEOMAKER_API_KEY).',
    );
  }
}

/**
 * `baseUrl` without a trailing slash, or an InputValidationError saying what is wrong with it. Blocked
 * ports are checked for the built-in fetch (`checkPort`); a fetch passed in may have its own rules.
 */
export function normalizeBaseUrl(value: string, checkPort = true): string {
  const fail = (problem: string): never => {
    throw new InputValidationError('baseUrl', problem, undefined, 'Example: https://aivideomaker.ai');
  };
  if (!URL.canParse(value)) return fail(`${JSON.stringify(value)} is not an absolute http(s) URL`);
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) fail(`${JSON.stringify(value)} is not an absolute http(s) URL`);
  // Credentials would be sent to the server with every request (and printed in every error).
  if (url.username || url.password) fail('must not contain a user name or password (user:pass@)');
  if (url.search || value.includes('?')) fail('must not contain a query (?...)');
  if (url.hash || value.includes('#')) fail('must not contain a fragment (#...)');
  if (checkPort && url.port && isBlockedPort(Number(url.port))) {
    fail(`uses port ${url.port}, which fetch refuses to connect to; run the server on another port`);
  }
  return value.replace(/\/+$/, '');
}
