// Fault matrix for tasks.wait: faults on the polls (status, list) and on the final fetch of the task, a
// refused connection, a revoked key, a task that ends FAILED or is cancelled, several waits at once, and a
// cancel racing the move to PROGRESS. Every wait ends in its documented result or typed error, within its
// timeout, and the books stay sound.
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  TaskCancelledError,
  TaskFailedError,
  WaitTimeoutError,
} from '@aivideomaker/core';
import type { Fault } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { expectError, runCases } from './support/cases';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, closedPortUrl, emulator, uniquePrompt } from './support/harness';
import { inputFor } from './support/inputs';
import { expectSoundLedger } from './support/ledger';

const STATUS = { method: 'GET', path: /\/status$/ };
const ANY_QUERY = { method: 'GET', path: '/api/v1/tasks' };
const FINAL_GET = { method: 'GET', path: /^\/api\/v1\/tasks\/[^/]+$/ };
/** How late a wait may settle after its timeout: a timer's own delay on a busy machine. */
const SLACK_MS = 200;

type Expectation = 'COMPLETED' | { error: abstract new (...args: never[]) => Error; code: string };

interface WaitCase {
  name: string;
  faults: Fault[];
  expect: Expectation;
  timeoutMs?: number;
  closedPort?: true;
  prompt?: string;
  client?: Parameters<typeof clientFor>[1];
}

const timedOut = { error: WaitTimeoutError, code: 'wait_timeout' };

const CASES: WaitCase[] = [
  { name: 'connection refused', faults: [], closedPort: true, timeoutMs: 1_500, expect: timedOut },
  { name: 'two resets', faults: [{ kind: 'reset', times: 2, match: STATUS }], expect: 'COMPLETED' },
  {
    name: 'every query reset',
    faults: [{ kind: 'reset', times: Infinity, match: ANY_QUERY }],
    timeoutMs: 1_500,
    expect: timedOut,
  },
  {
    name: 'one poll timing out',
    faults: [{ kind: 'latency', delayMs: 3_000, match: STATUS }],
    client: { timeoutMs: 1_000 },
    expect: 'COMPLETED',
  },
  ...[500, 502, 503].map((status) => ({
    name: `two ${status}s`,
    faults: [{ kind: 'error-before' as const, status, times: 2, match: STATUS }],
    expect: 'COMPLETED' as const,
  })),
  {
    name: 'every query 503',
    faults: [{ kind: 'error-before', status: 503, times: Infinity, match: ANY_QUERY }],
    timeoutMs: 1_500,
    expect: timedOut,
  },
  { name: 'malformed poll', faults: [{ kind: 'malformed-json', match: STATUS }], expect: 'COMPLETED' },
  {
    name: 'two HTML 502 pages',
    faults: [{ kind: 'html-error', times: 2, match: STATUS }],
    expect: 'COMPLETED',
  },
  {
    name: '429 with Retry-After',
    faults: [{ kind: 'rate-limit', retryAfter: '1', match: STATUS }],
    expect: 'COMPLETED',
  },
  {
    name: 'two 429s without Retry-After',
    faults: [{ kind: 'rate-limit', retryAfter: null, times: 2, match: STATUS }],
    expect: 'COMPLETED',
  },
  {
    name: '429 storm',
    faults: [{ kind: 'rate-limit', retryAfter: null, times: Infinity, match: ANY_QUERY }],
    timeoutMs: 1_500,
    expect: timedOut,
  },
  {
    name: 'final fetch 503',
    faults: [{ kind: 'error-before', status: 503, match: FINAL_GET }],
    expect: 'COMPLETED',
  },
  { name: 'final fetch reset', faults: [{ kind: 'reset', match: FINAL_GET }], expect: 'COMPLETED' },
  {
    name: 'final fetch malformed',
    faults: [{ kind: 'malformed-json', match: FINAL_GET }],
    expect: 'COMPLETED',
  },
  {
    name: 'revoked key',
    faults: [{ kind: 'error-before', status: 401, times: Infinity, match: ANY_QUERY }],
    expect: { error: AuthenticationError, code: 'authentication_failed' },
  },
  {
    name: 'task ends FAILED',
    faults: [],
    prompt: '[fail]',
    expect: { error: TaskFailedError, code: 'task_failed' },
  },
];

async function runCase(testCase: WaitCase) {
  await using emu = await emulator();
  const setup = clientFor(emu);
  const prompt = `${uniquePrompt(`wait ${testCase.name}`)} ${testCase.prompt ?? ''}`;
  const { taskId } = await setup.generate('t2v', inputFor('t2v', prompt));
  for (const fault of testCase.faults) emu.faults.add(fault);
  const client = clientFor(testCase.closedPort ? await closedPortUrl() : emu, testCase.client);
  const timeoutMs = testCase.timeoutMs ?? 10_000;
  const started = Date.now();
  const outcome = await client.tasks.wait(taskId, { timeoutMs }).then(
    (task) => ({ task }),
    (error: unknown) => ({ error }),
  );
  const elapsed = Date.now() - started;
  if (elapsed > timeoutMs + SLACK_MS)
    throw new Error(`the wait took ${elapsed} ms, its timeout is ${timeoutMs} ms`);
  if (testCase.expect === 'COMPLETED') {
    if ('error' in outcome) throw outcome.error;
    expect(outcome.task).toMatchObject({
      id: taskId,
      status: 'COMPLETED',
      output: { url: expect.any(String) },
    });
  } else {
    if (!('error' in outcome)) throw new Error(`resolved, expected ${testCase.expect.error.name}`);
    expectError(outcome.error, testCase.expect.error, testCase.expect.code);
    if (outcome.error instanceof WaitTimeoutError) expect(outcome.error.taskId).toBe(taskId);
  }
  emu.faults.clear();
  expectSoundLedger(emu, 1);
}

describe('tasks.wait under faults', () => {
  it('ends every wait in its result or typed error, within its timeout', async (ctx) => {
    await runCases(CASES, runCase);
    count(ctx, 'Fault matrix', {
      cases: CASES.length,
      faults: CASES.filter((testCase) => testCase.faults.length > 0 || testCase.closedPort).length,
      waits: CASES.length,
    });
  });

  it('ends waits on an unknown task with NotFoundError, and a cancelled task with TaskCancelledError', async (ctx) => {
    await using emu = await emulator({ speed: 1 });
    const client = clientFor(emu, { rateLimit: { limit: 60, windowMs: 60_000 } });
    const unknown = await client.tasks
      .wait('ck0000000000000000000000000', { timeoutMs: 2_000 })
      .catch((e) => e);
    expectError(unknown, NotFoundError, 'not_found');
    const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt('wait cancelled')));
    const waiting = client.tasks.wait(taskId, { timeoutMs: 2_000 });
    await client.tasks.cancel(taskId);
    expectError(await waiting.catch((e) => e), TaskCancelledError, 'task_cancelled');
    expectSoundLedger(emu, 1);
    count(ctx, 'Fault matrix', { cases: 2, waits: 2 });
  });

  it('keeps 20 waits of one client going through a burst of failed list polls', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        client.generate('t2v', inputFor('t2v', uniquePrompt(`burst ${index}`))).then((r) => r.taskId),
      ),
    );
    emu.faults.add({
      kind: 'error-before',
      status: 502,
      times: 4,
      match: { method: 'GET', path: /^\/api\/v1\/tasks$/ },
    });
    emu.faults.add({ kind: 'reset', times: 2, match: FINAL_GET });
    const tasks = await Promise.all(ids.map((id) => client.tasks.wait(id, { timeoutMs: 10_000 })));
    expect(tasks.map((task) => task.status)).toEqual(ids.map(() => 'COMPLETED'));
    expectSoundLedger(emu, 20);
    count(ctx, 'Fault matrix', { cases: 20, faults: 20, waits: 20 });
  });
});

describe('a cancel racing the move to PROGRESS', () => {
  it('either cancels (refunded, the wait ends CANCEL) or is refused (the wait ends COMPLETED), never both', async (ctx) => {
    // SUBMITTED lasts 15 ms at this speed: cancels sent 0 to 30 ms after the submit straddle the move.
    const offsets = Array.from({ length: 16 }, (_, index) => index * 2);
    const seen = new Set<string>();
    await runCases(
      offsets.map((offset) => ({ name: `cancel after ${offset} ms`, offset })),
      async ({ offset }) => {
        await using emu = await emulator();
        const client = clientFor(emu);
        const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt(`race ${offset}`)));
        const waiting = client.tasks.wait(taskId, { timeoutMs: 10_000 }).then(
          (task) => task.status,
          (error: unknown) => (error instanceof TaskCancelledError ? 'CANCEL' : Promise.reject(error)),
        );
        await new Promise((resolve) => setTimeout(resolve, offset));
        const cancel = await client.tasks.cancel(taskId).then(
          () => 'cancelled',
          (error: unknown) => (error instanceof ConflictError ? 'refused' : Promise.reject(error)),
        );
        const ended = await waiting;
        expect(ended).toBe(cancel === 'cancelled' ? 'CANCEL' : 'COMPLETED');
        expect(emu.tasks(KEY)[0]?.status).toBe(ended);
        seen.add(cancel);
        expectSoundLedger(emu, 1);
      },
    );
    count(ctx, 'Fault matrix', { cases: offsets.length, waits: offsets.length });
    expect(seen.size).toBeGreaterThan(0);
  });
});
