// Shared setup: an in-process emulator with compressed time, a client compressed the same way, and a
// sentinel key that must never reach a message.
import { AIVideoMaker } from '@aivideomaker/core';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import type { BaseMessage } from '@langchain/core/messages';

export const KEY = 'fake-key-SENTINEL-lc-7d3e91';
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

/** The paid POSTs (a paid tool asks the free quote first, which is not one of them). */
export const posts = (emu: Emulator) =>
  emu.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/generate/'));

/** Every message of a run, serialized: what the model and the app could ever see. */
export function serialized(messages: readonly BaseMessage[]): string {
  return JSON.stringify(messages.map((message) => message.toDict()));
}

export const userAsks = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
