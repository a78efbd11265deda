// Shared setup: an in-process emulator with compressed time, a client compressed the same way, and a
// sentinel key that must never reach a message or a result.
import { AIVideoMaker } from '@aivideomaker/core';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';

export const KEY = 'fake-key-SENTINEL-mastra-4b7c2e';
export const SPEED = 200;

export function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  return startEmulator({ speed: SPEED, apiKeys: [KEY], ...options });
}

export function clientFor(emu: Emulator): AIVideoMaker {
  return new AIVideoMaker({
    apiKey: KEY,
    baseUrl: emu.url,
    rateLimit: { limit: 60, windowMs: 60_000 / SPEED },
    poll: { minIntervalMs: 10, maxIntervalMs: 40 },
  });
}

export const generatePosts = (emu: Emulator) =>
  emu.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/generate/'));

/** Resolves when `check` holds, polling every few milliseconds (no fixed sleeps). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
