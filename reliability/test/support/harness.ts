// Shared setup: one emulator per case (fresh ledger, task list and rate-limit window), a client compressed
// to the emulator's speed, a closed port, and small polling helpers (no fixed sleeps).
import { createServer } from 'node:net';
import { AIVideoMaker, type ClientOptions } from '@aivideomaker/core';
import { type Emulator, type EmulatorOptions, startEmulator } from '@aivideomaker/emulator';
import { KEY, SPEED } from './constants';

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

export function emulator(options: EmulatorOptions & Record<string, unknown> = {}): Promise<Emulator> {
  return startEmulator({ speed: SPEED, apiKeys: [KEY], credits: 1_000_000, ...options });
}

/** A client on the emulator's clock: its rate-limit window, polling and reconcile pauses compressed. */
export function clientFor(target: Emulator | string, options: ClientOptions = {}): AIVideoMaker {
  return new AIVideoMaker({
    apiKey: KEY,
    baseUrl: typeof target === 'string' ? target : target.url,
    timeoutMs: 5_000,
    rateLimit: { limit: 60, windowMs: 60_000 / SPEED },
    poll: { minIntervalMs: 5, maxIntervalMs: 30 },
    reconcile: { lookupDelaysMs: [20, 40] },
    ...options,
  });
}

/** The URL of a port nothing listens on (bound, then closed), so a connection is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

let counter = 0;
/** A prompt no other case uses, so a task can be traced back to the one call that made it. */
export function uniquePrompt(label: string): string {
  counter += 1;
  return `reliability ${label} #${counter}`;
}

export const t2vInput = (prompt: string) => ({
  prompt,
  aspectRatio: '16:9' as const,
  duration: '5' as const,
});

/** Requests the emulator received on the API (not video files). */
export const apiRequests = (emu: Emulator) =>
  emu.requests.filter((request) => request.path.startsWith('/api/'));

/** Whether the emulator received a request like this (and, with `answered`, answered it). */
export const arrived = (emu: Emulator, method: string, path: RegExp, answered = false) =>
  emu.requests.some((r) => r.method === method && path.test(r.path) && (!answered || r.status > 0));

export const generatePosts = (emu: Emulator) =>
  emu.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/generate/'));

/** Resolves once `check` holds, polling every few ms; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The settled outcome of a promise, and how long it took to settle. */
export async function outcome<T>(
  promise: Promise<T>,
): Promise<{ value?: T; error?: unknown; ms: number; ok: boolean }> {
  const started = performance.now();
  try {
    const value = await promise;
    return { value, ok: true, ms: performance.now() - started };
  } catch (error) {
    return { error, ok: false, ms: performance.now() - started };
  }
}
