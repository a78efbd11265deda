// Shared setup: one emulator per case (fresh ledger, task list and rate-limit window), a client compressed
// to the emulator's speed, a closed port, and small polling helpers (no fixed sleeps).
import { AIVideoMaker, type ClientOptions } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { closedPort, until as waitUntil } from '@aivideomaker/test-support';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';
import { KEY, SPEED } from './constants';

/** Requests the emulator received on the API (not video files). */
export { apiRequests, generatePosts, LIVE_EMULATOR } from '@aivideomaker/test-support/emulator';

const kit = compressedEmulator({
  key: KEY,
  speed: SPEED,
  defaults: { credits: 1_000_000 },
  poll: { minIntervalMs: 5, maxIntervalMs: 30 },
});
export const { emulator } = kit;

/** A client on the emulator's clock: its rate-limit window, polling and reconcile pauses compressed. */
export function clientFor(target: Emulator | string, options: ClientOptions = {}): AIVideoMaker {
  return new AIVideoMaker({
    ...kit.clientOptions(target),
    timeoutMs: 5_000,
    reconcile: { lookupDelaysMs: [20, 40] },
    ...options,
  });
}

/** The URL of a port nothing listens on (bound, then closed), so a connection is refused. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}`;
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

/** Whether the emulator received a request like this (and, with `answered`, answered it). */
export const arrived = (emu: Emulator, method: string, path: RegExp, answered = false) =>
  emu.requests.some((r) => r.method === method && path.test(r.path) && (!answered || r.status > 0));

/** Resolves once `check` holds, polling every few ms; fails with `what` after `timeoutMs`. */
export const until = (check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> =>
  waitUntil(check, what, timeoutMs);

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
