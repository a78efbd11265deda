// Shared test setup: the workspace's time-compressed emulator (@aivideomaker/test-support), and clients
// whose waits, rate limit and backoff are compressed the same way. KEY is a sentinel that must never show
// up in output.
import type { Emulator } from '@aivideomaker/emulator';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';
import { AIVideoMaker, type ClientOptions } from '../src/index';

export { PNG_BYTES, PNG_DATA_URL, peakInWindow } from '@aivideomaker/test-support';
export {
  emulatorPerFile,
  fetchesWithoutStatusPoll,
  LIVE_EMULATOR,
  queryRequests,
} from '@aivideomaker/test-support/emulator';

const kit = compressedEmulator({ speed: 100, poll: { minIntervalMs: 10, maxIntervalMs: 60 } });
/** `WINDOW_MS`: the emulator's rate-limit window at SPEED (60 query requests per window). */
export const { key: KEY, speed: SPEED, windowMs: WINDOW_MS, emulator } = kit;

export function clientFor(emu: Emulator, options: ClientOptions = {}): AIVideoMaker {
  return new AIVideoMaker({ ...kit.clientOptions(emu), reconcile: { lookupDelaysMs: [20, 40] }, ...options });
}

export const T2V = {
  prompt: 'A cinematic sunset over a futuristic city skyline',
  aspectRatio: '16:9',
  duration: '5',
} as const;
