// Shared setup: the workspace's time-compressed emulator and a client compressed the same way
// (@aivideomaker/test-support), and a sentinel key that must never reach a message.
import { AIVideoMaker } from '@aivideomaker/core';
import type { Emulator } from '@aivideomaker/emulator';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';
import type { BaseMessage } from '@langchain/core/messages';

export { emulatorPerFile, generatePosts as posts } from '@aivideomaker/test-support/emulator';

const kit = compressedEmulator();
export const { key: KEY, speed: SPEED, emulator } = kit;

export function clientFor(emu: Emulator): AIVideoMaker {
  return new AIVideoMaker(kit.clientOptions(emu));
}

/** Every message of a run, serialized: what the model and the app could ever see. */
export function serialized(messages: readonly BaseMessage[]): string {
  return JSON.stringify(messages.map((message) => message.toDict()));
}

export const userAsks = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
