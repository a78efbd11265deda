// Shared test setup: an in-process emulator with compressed time, and clients whose waits, rate limit
// and backoff are compressed the same way. KEY is a sentinel that must never show up in output.
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { AIVideoMaker, type ClientOptions } from '../src/index';

export const KEY = 'fake-key-SENTINEL-4f9a2c7e1b';
export const SPEED = 100;
/** The emulator's rate-limit window at SPEED: 60 query requests per WINDOW_MS. */
export const WINDOW_MS = 60_000 / SPEED;

/**
 * Whether the installed emulator implements the live API's additions (its `api` mode). Tests of the
 * additions run only then; everything else holds against either.
 */
export const LIVE_EMULATOR: boolean = await (async () => {
  const probe = await startEmulator({});
  const live = (probe as { api?: string }).api === 'live';
  await probe.close();
  return live;
})();

/** The emulator with these options; `api` and `prices` exist only on an emulator with the live additions. */
export function emulator(
  options: Parameters<typeof startEmulator>[0] & Record<string, unknown> = {},
): Promise<Emulator> {
  return startEmulator({ speed: SPEED, apiKeys: [KEY], ...options });
}

export function clientFor(emu: Emulator, options: ClientOptions = {}): AIVideoMaker {
  return new AIVideoMaker({
    apiKey: KEY,
    baseUrl: emu.url,
    rateLimit: { limit: 60, windowMs: WINDOW_MS },
    poll: { minIntervalMs: 10, maxIntervalMs: 60 },
    reconcile: { lookupDelaysMs: [20, 40] },
    ...options,
  });
}

/** Requests the emulator received for the task query endpoints (the rate-limited ones). */
export function queryRequests(emu: Emulator) {
  return emu.requests.filter((request) => request.path.startsWith('/api/v1/tasks'));
}

/** The most requests that arrived within any window of `windowMs`. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const T2V = {
  prompt: 'A cinematic sunset over a futuristic city skyline',
  aspectRatio: '16:9',
  duration: '5',
} as const;

/** A 1x1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
);
export const PNG_DATA_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG_BYTES))}`;
