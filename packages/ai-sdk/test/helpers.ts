// Shared test setup: the workspace's time-compressed emulator and a client compressed the same way, and
// the offline scripted model (MockLanguageModelV4) from @aivideomaker/test-support. KEY is a sentinel that
// must never reach a tool result or a message.
import { AIVideoMaker } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { isMp4, PNG_BYTES } from '@aivideomaker/test-support';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';

export {
  type Script,
  type Step,
  scriptedModel,
  type Turn,
  toolResultTexts,
} from '@aivideomaker/test-support/ai-sdk';
export { emulatorPerFile, generateRequests } from '@aivideomaker/test-support/emulator';
export { isMp4, PNG_BYTES };

const kit = compressedEmulator();
export const { key: KEY, speed: SPEED, emulator } = kit;

export function clientFor(emu: Emulator): AIVideoMaker {
  return new AIVideoMaker(kit.clientOptions(emu));
}

/**
 * A `download` for experimental_generateVideo against the emulator: the SDK's default download refuses
 * loopback addresses (a guard against SSRF), so a test of a local server brings its own, as a user would.
 */
export async function loopbackDownload({ url, abortSignal }: { url: URL; abortSignal?: AbortSignal }) {
  const response = await fetch(url, abortSignal ? { signal: abortSignal } : {});
  if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`);
  const mediaType = response.headers.get('content-type') ?? undefined;
  return { data: new Uint8Array(await response.arrayBuffer()), mediaType };
}

/** The SDK's polling compressed like the emulator (its default is every 5 s). */
export const POLL = { intervalMs: 5_000 / SPEED } as const;

/** The task query requests (status, get, list) the emulator received. */
export function queryRequests(emu: Emulator) {
  return emu.requests.filter(
    (request) => request.method === 'GET' && request.path.startsWith('/api/v1/tasks'),
  );
}
