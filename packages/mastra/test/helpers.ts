// Shared setup: the workspace's time-compressed emulator and a client compressed the same way
// (@aivideomaker/test-support), and a sentinel key that must never reach a message or a result.
import { AIVideoMaker } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';

export { until } from '@aivideomaker/test-support';
export { emulatorPerFile, generatePosts, generateRequests } from '@aivideomaker/test-support/emulator';

const kit = compressedEmulator();
export const { key: KEY, speed: SPEED, emulator } = kit;

export function clientFor(emu: Emulator): AIVideoMaker {
  return new AIVideoMaker(kit.clientOptions(emu));
}
