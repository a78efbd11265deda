// Money under unlucky timing (issue 15 items 1-2): an abort after the paid POST left keeps its credits
// booked and says the task may exist; reconciliation never adopts a task created before this call's
// request, nor reconciles a request that never left the machine.
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AIVideoMaker,
  BudgetExceededError,
  ConnectionError,
  InputValidationError,
  isAbortError,
  SubmitAbortedError,
  TaskMayExistError,
} from '../src/index';
import { createVideoToolSpecs, formatToolError } from '../src/tools/index';
import { clientFor, emulator, KEY, T2V } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  // The documented API only: the list-based reconciliation is what is under test here.
  emu = await emulator({ api: 'seed' });
});
afterAll(() => emu.close());

const GENERATE = { method: 'POST', path: '/api/v1/generate' };
const charged = () =>
  emu.ledger.entries(KEY).reduce((sum, e) => sum + (e.kind === 'charge' ? e.amount : -e.amount), 0);

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('aborts against budgets', () => {
  it('a tool call aborted after its POST was sent keeps its credits booked: the server never charges past the total', async () => {
    const before = charged();
    const [t2v] = createVideoToolSpecs({ client: clientFor(emu), maxCreditsTotal: 10, wait: false });
    const errors: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      emu.faults.add({ kind: 'latency', delayMs: 300, match: GENERATE });
      const controller = new AbortController();
      const call = t2v!.execute({ prompt: `slow server ${i}` }, { signal: controller.signal });
      // Abort once the POST has reached the server (its fault rule is used up), or when the call ends.
      let ended = false;
      void call
        .catch(() => undefined)
        .finally(() => {
          ended = true;
        });
      await until(() => ended || emu.faults.list().length === 0);
      controller.abort();
      errors.push(await call.catch((error: unknown) => error));
      emu.faults.clear();
    }
    // The two aborted POSTs still create their tasks once the slow server gets to them.
    await until(() =>
      emu.requests.filter((r) => r.path.startsWith('/api/v1/generate')).every((r) => r.status !== 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(charged() - before).toBeLessThanOrEqual(10);
    expect(errors[0]).toBeInstanceOf(SubmitAbortedError);
    expect(isAbortError(errors[0])).toBe(true);
    expect((errors[0] as Error).message).toMatch(/may have been created.*client\.tasks\.list\(\)/);
    expect(formatToolError(errors[0])).toMatch(/^Error \(task_may_exist\).*list_video_tasks/);
    expect(errors[2]).toBeInstanceOf(BudgetExceededError);
  });

  it('an abort before anything was sent gives the booking back', async () => {
    const [t2v] = createVideoToolSpecs({ client: clientFor(emu), maxCreditsTotal: 5, wait: false });
    const controller = new AbortController();
    controller.abort();
    const error = await t2v!
      .execute({ prompt: 'never sent' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SubmitAbortedError);
    expect(isAbortError(error)).toBe(true);
    const output = await t2v!.execute({ prompt: 'fits the whole budget' });
    expect(output.status).toBe('SUBMITTED');
  });
});

describe('reconciliation adopts only its own task', () => {
  it('after a 502 that created nothing, an identical task created earlier by another client is not taken', async () => {
    const prompt = 'the same video twice';
    const foreign = await clientFor(emu).generate('t2v', { ...T2V, prompt });
    // Beyond the Date header's one-second resolution, so the bound on the clock offset is tight enough.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    emu.faults.add({ kind: 'html-error', status: 502, match: GENERATE });
    const outcome = await clientFor(emu)
      .generate('t2v', { ...T2V, prompt })
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(TaskMayExistError);
    expect((outcome as { taskId?: string }).taskId).not.toBe(foreign.taskId);
  });

  it('a request that never left the machine fails plainly, without a lookup', async () => {
    for (const thrown of [
      new TypeError(
        'Cannot convert argument to a ByteString because the character at index 1 has a value of 256',
      ),
      new TypeError('fetch failed', { cause: new Error('bad port') }),
    ]) {
      const seen: string[] = [];
      const client = new AIVideoMaker({
        apiKey: KEY,
        baseUrl: 'http://127.0.0.1:59999',
        maxRetries: 1,
        rateLimit: false,
        fetch: async (input, init) => {
          seen.push(`${init?.method} ${new URL(String(input)).pathname}`);
          throw thrown;
        },
      });
      const error = await client.generate('t2v', T2V).catch((e: unknown) => e);
      // Retried (a ConnectionError that says nothing was sent) or refused as a local configuration error.
      expect([ConnectionError, InputValidationError].some((type) => error instanceof type)).toBe(true);
      expect(error).not.toBeInstanceOf(TaskMayExistError);
      expect(seen.every((line) => line === 'POST /api/v1/generate/t2v')).toBe(true);
    }
  });
});
