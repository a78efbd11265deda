// Fault matrix for every query call: tasks.list, tasks.get, tasks.status and tasks.cancel. A single fault
// is retried away; a fault that persists ends in its typed error; nothing a query does creates, charges
// or refunds anything it should not.
import {
  type AIVideoMaker,
  ConflictError,
  ConnectionError,
  MalformedResponseError,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
} from '@aivideomaker/core';
import type { Fault } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { expectError, runCases } from './support/cases';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, closedPortUrl, emulator, uniquePrompt } from './support/harness';
import { inputFor } from './support/inputs';
import { expectSoundLedger } from './support/ledger';

const QUERIES = ['list', 'get', 'status', 'cancel'] as const;
type Query = (typeof QUERIES)[number];

type Expectation = 'ok' | { error: abstract new (...args: never[]) => Error; code: string };

interface QueryCase {
  name: string;
  /** Faults on the query's own path (`match` is filled in per query). */
  faults: Omit<Fault, 'match'>[];
  expect: Expectation;
  closedPort?: true;
  timeoutMs?: number;
  /** The call targets a task id the emulator does not know. */
  unknownTask?: true;
}

const always = Infinity;
const failsWith = (error: abstract new (...args: never[]) => Error, code: string) => ({ error, code });

const CASES: QueryCase[] = [
  {
    name: 'connection refused',
    faults: [],
    closedPort: true,
    expect: failsWith(ConnectionError, 'connection_error'),
  },
  { name: 'one reset', faults: [{ kind: 'reset' }], expect: 'ok' },
  {
    name: 'resets',
    faults: [{ kind: 'reset', times: always }],
    expect: failsWith(ConnectionError, 'connection_error'),
  },
  { name: 'one reset after the work', faults: [{ kind: 'reset-after' }], expect: 'ok' },
  // The timeout is a few times a normal answer on a loaded machine, the delay well past it, and the
  // delayed request still lands while the task is SUBMITTED (3 s at speed 1).
  { name: 'one timeout', faults: [{ kind: 'latency', delayMs: 1_000 }], timeoutMs: 400, expect: 'ok' },
  {
    name: 'timeouts',
    faults: [{ kind: 'latency', delayMs: 1_000, times: always }],
    timeoutMs: 400,
    expect: failsWith(RequestTimeoutError, 'timeout'),
  },
  ...[500, 502, 503].map((status) => ({
    name: `one ${status}`,
    faults: [{ kind: 'error-before' as const, status }],
    expect: 'ok' as const,
  })),
  { name: 'one 500 after the work', faults: [{ kind: 'error-after' }], expect: 'ok' },
  {
    name: 'persistent 503',
    faults: [{ kind: 'error-before', status: 503, times: always }],
    expect: failsWith(ServerError, 'server_error'),
  },
  { name: 'one malformed answer', faults: [{ kind: 'malformed-json' }], expect: 'ok' },
  {
    name: 'malformed answers',
    faults: [{ kind: 'malformed-json', times: always }],
    expect: failsWith(MalformedResponseError, 'malformed_response'),
  },
  { name: 'one HTML 502 page', faults: [{ kind: 'html-error' }], expect: 'ok' },
  {
    name: 'HTML 502 pages',
    faults: [{ kind: 'html-error', times: always }],
    expect: failsWith(ServerError, 'server_error'),
  },
  { name: 'one 429 with Retry-After', faults: [{ kind: 'rate-limit', retryAfter: '1' }], expect: 'ok' },
  { name: 'one 429 without Retry-After', faults: [{ kind: 'rate-limit', retryAfter: null }], expect: 'ok' },
  {
    name: '429 storm',
    faults: [{ kind: 'rate-limit', retryAfter: null, times: always }],
    expect: failsWith(RateLimitError, 'rate_limited'),
  },
  { name: 'unknown task', faults: [], unknownTask: true, expect: failsWith(NotFoundError, 'not_found') },
];

function pathOf(query: Query, taskId: string): string | RegExp {
  if (query === 'list') return /^\/api\/v1\/tasks$/;
  return `/api/v1/tasks/${taskId}${query === 'status' ? '/status' : query === 'cancel' ? '/cancel' : ''}`;
}

function call(client: AIVideoMaker, query: Query, taskId: string): Promise<unknown> {
  if (query === 'list') return client.tasks.list();
  return client.tasks[query](taskId);
}

async function runCase(testCase: QueryCase, query: Query): Promise<void> {
  // Speed 1: the task stays SUBMITTED for 3 s, long enough for every cancel case.
  await using emu = await emulator({ speed: 1 });
  const setup = clientFor(emu, { rateLimit: false });
  const { taskId } = await setup.generate('t2v', inputFor('t2v', uniquePrompt(`${query} ${testCase.name}`)));
  const target = testCase.unknownTask ? 'ck0000000000000000000000000' : taskId;
  for (const fault of testCase.faults) {
    emu.faults.add({
      ...fault,
      match: { method: query === 'cancel' ? 'PUT' : 'GET', path: pathOf(query, target) },
    });
  }
  const base = testCase.closedPort ? await closedPortUrl() : emu;
  const client = clientFor(base, {
    rateLimit: { limit: 60, windowMs: 60_000 },
    ...(testCase.timeoutMs ? { timeoutMs: testCase.timeoutMs } : {}),
  });
  const outcome = await call(client, query, target).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (testCase.expect === 'ok') {
    if ('error' in outcome) throw outcome.error;
    if (query === 'cancel') expect(outcome.value).toMatchObject({ taskId, status: 'CANCEL' });
    if (query === 'list')
      expect((outcome.value as { id: string }[]).map((task) => task.id)).toEqual([taskId]);
    if (query === 'get') expect(outcome.value).toMatchObject({ id: taskId, status: 'SUBMITTED' });
    if (query === 'status') expect(outcome.value).toEqual({ status: 'SUBMITTED' });
  } else {
    if (!('error' in outcome)) throw new Error(`resolved, expected ${testCase.expect.error.name}`);
    expectError(outcome.error, testCase.expect.error, testCase.expect.code);
  }
  expectSoundLedger(emu, 1);
}

describe('list, get, status and cancel under faults', () => {
  it('end in their result or their typed error, and change nothing they should not', async (ctx) => {
    const cases = QUERIES.flatMap((query) =>
      CASES.filter((testCase) => query !== 'list' || !testCase.unknownTask).map((testCase) => ({
        ...testCase,
        name: `${query}: ${testCase.name}`,
        query,
      })),
    );
    await runCases(cases, (testCase) => runCase(testCase, testCase.query));
    count(ctx, 'Fault matrix', {
      cases: cases.length,
      faults: cases.filter((testCase) => testCase.faults.length > 0 || testCase.closedPort).length,
    });
  });
});

describe('tasks.cancel of a task that has moved on', () => {
  it('is a ConflictError that refunds nothing', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    const task = await client.run('t2v', inputFor('t2v', uniquePrompt('cancel too late')));
    const error = await client.tasks.cancel(task.id).catch((caught: unknown) => caught);
    expectError(error, ConflictError, 'conflict');
    expect(emu.tasks(KEY)[0]?.status).toBe('COMPLETED');
    expectSoundLedger(emu, 1);
    count(ctx, 'Fault matrix', { cases: 1 });
  });
});
