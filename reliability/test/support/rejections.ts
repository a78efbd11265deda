// Runs bad-input cases one after another against one emulator: each must be refused with a message that
// names its field, and the emulator must not have received a single request for it.
import type { Emulator } from '@aivideomaker/emulator';
import type { TestContext } from 'vitest';
import { count } from './figures';

export interface Rejection {
  /** What the case sends, for the failure report. */
  name: string;
  /** The field (or flag) the message must name. */
  field: string;
  /** What else it must say (e.g. the allowed values), when the field alone could be an echo of the input. */
  detail?: string;
  /** Sends the input; resolves with the refusal's text, or throws if the input was accepted. */
  refusal: () => Promise<string>;
}

export async function expectRejections(ctx: TestContext, emu: Emulator, cases: Rejection[]): Promise<void> {
  const failures: string[] = [];
  let stray = 0;
  for (const testCase of cases) {
    const before = emu.requests.length;
    try {
      const text = await testCase.refusal();
      for (const part of [testCase.field, testCase.detail ?? '']) {
        if (!text.includes(part))
          failures.push(`${testCase.name}: "${text.slice(0, 300)}" does not say ${part}`);
      }
    } catch (error) {
      failures.push(
        `${testCase.name}: not refused (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const sent = emu.requests.length - before;
    if (sent > 0) failures.push(`${testCase.name}: ${sent} request(s) reached the emulator`);
    stray += sent;
  }
  count(ctx, 'Bad input', { cases: cases.length, strayRequests: stray });
  if (failures.length > 0)
    throw new Error(`${failures.length} bad input(s) mishandled:\n${failures.join('\n')}`);
}

/** The message of the error a call must throw; throws if the call resolved. */
export async function refusedWith(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('accepted');
}
