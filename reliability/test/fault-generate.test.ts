// Fault matrix for the paid calls, generate and run (generate + wait): every fault the emulator can inject
// on POST /api/v1/generate, plus a refused connection and insufficient credits. Each case has its own
// emulator; each ends in its documented result or typed error, and the emulator's books show at most one
// task per call, charged once.
import {
  AuthenticationError,
  type ClientOptions,
  ConnectionError,
  InsufficientCreditsError,
  type ModelName,
  RateLimitError,
  TaskMayExistError,
} from '@aivideomaker/core';
import type { Fault } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { expectError, runCases } from './support/cases';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, closedPortUrl, emulator, generatePosts, uniquePrompt, until } from './support/harness';
import { inputFor, MODELS } from './support/inputs';
import { auditLedger, expectSoundLedger } from './support/ledger';
import { slowProxy } from './support/slow-proxy';

const POST = { method: 'POST', path: '/api/v1/generate' };
const LIST = { method: 'GET', path: /^\/api\/v1\/tasks$/ };
const WAIT_TIMEOUT_MS = 10_000;

type Expectation =
  | { result: 'created' | 'reconciled' }
  | { error: abstract new (...args: never[]) => Error; code: string };

interface GenerateCase {
  name: string;
  faults: Fault[];
  expect: Expectation;
  /** Tasks the emulator holds once the case has settled. */
  tasks: 0 | 1;
  /** POST attempts the emulator saw (default 1). */
  posts?: number;
  client?: ClientOptions;
  closedPort?: true;
  balance?: number;
  key?: string;
}

const lost = (code = 'task_may_exist') => ({ error: TaskMayExistError, code });
const statusFaults = (kind: 'error-before' | 'error-after') =>
  [500, 502, 503].map((status) => ({
    name: `${kind} ${status}`,
    faults: [{ kind, status, match: POST }],
    expect: kind === 'error-before' ? lost() : ({ result: 'reconciled' } as const),
    tasks: kind === 'error-before' ? 0 : 1,
  })) satisfies GenerateCase[];

const CASES: GenerateCase[] = [
  {
    name: 'connection refused',
    faults: [],
    closedPort: true,
    expect: { error: ConnectionError, code: 'connection_error' },
    tasks: 0,
    posts: 0,
  },
  { name: 'reset before the work', faults: [{ kind: 'reset', match: POST }], expect: lost(), tasks: 0 },
  {
    name: 'reset after the task was created',
    faults: [{ kind: 'reset-after', match: POST }],
    expect: { result: 'reconciled' },
    tasks: 1,
  },
  {
    name: 'timeout, the task created after every lookup',
    // Long enough for the one-time account probe and every lookup to come first on a busy machine.
    faults: [{ kind: 'latency', delayMs: 2_500, match: POST }],
    client: { timeoutMs: 150 },
    expect: lost(),
    tasks: 1,
  },
  {
    name: 'timeout, the task listed by a later lookup',
    faults: [{ kind: 'latency', delayMs: 300, match: POST }],
    client: { timeoutMs: 100, reconcile: { lookupDelaysMs: [0, 600] } },
    expect: { result: 'reconciled' },
    tasks: 1,
  },
  ...statusFaults('error-before'),
  ...statusFaults('error-after'),
  {
    name: 'malformed JSON after the task was created',
    faults: [{ kind: 'malformed-json', match: POST }],
    expect: { result: 'reconciled' },
    tasks: 1,
  },
  { name: 'HTML 502 page', faults: [{ kind: 'html-error', match: POST }], expect: lost(), tasks: 0 },
  {
    name: 'HTML 503 page',
    faults: [{ kind: 'html-error', status: 503, match: POST }],
    expect: lost(),
    tasks: 0,
  },
  {
    name: '429 with Retry-After, then accepted',
    faults: [{ kind: 'rate-limit', retryAfter: '1', match: POST }],
    expect: { result: 'created' },
    tasks: 1,
    posts: 2,
  },
  {
    name: '429 twice without Retry-After, then accepted',
    faults: [{ kind: 'rate-limit', retryAfter: null, times: 2, match: POST }],
    expect: { result: 'created' },
    tasks: 1,
    posts: 3,
  },
  {
    name: '429 storm with Retry-After',
    faults: [{ kind: 'rate-limit', retryAfter: '1', times: Infinity, match: POST }],
    expect: { error: RateLimitError, code: 'rate_limited' },
    tasks: 0,
    posts: 3,
  },
  {
    name: '429 storm without Retry-After',
    faults: [{ kind: 'rate-limit', retryAfter: null, times: Infinity, match: POST }],
    expect: { error: RateLimitError, code: 'rate_limited' },
    tasks: 0,
    posts: 3,
  },
  {
    name: 'error-after 500 while tasks.list() fails too',
    faults: [
      { kind: 'error-after', match: POST },
      { kind: 'error-before', status: 503, times: Infinity, match: LIST },
    ],
    client: { maxRetries: 1 },
    expect: lost(),
    tasks: 1,
  },
  {
    name: 'insufficient credits',
    faults: [],
    balance: 1,
    expect: { error: InsufficientCreditsError, code: 'insufficient_credits' },
    tasks: 0,
  },
  {
    name: 'revoked key',
    faults: [],
    key: `${KEY}-revoked`,
    expect: { error: AuthenticationError, code: 'authentication_failed' },
    tasks: 0,
  },
];

// The list-based reconciliation is what this matrix tests: a server with the documented API only. With the
// live additions the same faults are resolved by resends with the same key (fault-generate-live.test.ts).
const SEED: Record<string, unknown> = { api: 'seed' };

async function runCase(testCase: GenerateCase, model: ModelName, mode: 'generate' | 'run') {
  await using emu = await emulator(SEED);
  for (const fault of testCase.faults) emu.faults.add(fault);
  if (testCase.balance !== undefined) emu.ledger.setBalance(KEY, testCase.balance);
  const target = testCase.closedPort ? await closedPortUrl() : emu;
  const client = clientFor(target, { ...testCase.client, ...(testCase.key ? { apiKey: testCase.key } : {}) });
  const input = inputFor(model, uniquePrompt(`${mode} ${testCase.name}`));
  const started = Date.now();
  const call =
    mode === 'generate'
      ? client.generate(model, input)
      : client.run(model, input, { timeoutMs: WAIT_TIMEOUT_MS });
  const outcome = await call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const elapsed = Date.now() - started;
  if ('error' in testCase.expect) {
    if (!('error' in outcome)) throw new Error(`resolved, expected ${testCase.expect.error.name}`);
    expectError(outcome.error, testCase.expect.error, testCase.expect.code);
  } else {
    if ('error' in outcome) throw outcome.error;
    const value = outcome.value as { taskId?: string; id?: string; reconciled?: boolean; status: string };
    const [task] = emu.tasks(KEY);
    expect(value.taskId ?? value.id).toBe(task?.id);
    if (mode === 'generate') expect(value.reconciled === true).toBe(testCase.expect.result === 'reconciled');
    else expect(value.status).toBe('COMPLETED');
  }
  // A request the emulator still holds (a latency fault) may create its task after the client gave up.
  await until(() => emu.tasks(KEY).length >= testCase.tasks, `${testCase.tasks} task(s)`);
  expect(generatePosts(emu)).toHaveLength(testCase.posts ?? 1);
  const audit = expectSoundLedger(emu, testCase.tasks);
  return { duplicates: audit.duplicates, late: mode === 'run' && elapsed > WAIT_TIMEOUT_MS };
}

describe.each(['generate', 'run'] as const)('%s under faults', (mode) => {
  it(`ends every ${mode} in its documented result, one task and one charge at most`, async (ctx) => {
    let duplicates = 0;
    let late = 0;
    await runCases(
      CASES.map((testCase, index) => ({ ...testCase, model: MODELS[index % MODELS.length] as ModelName })),
      async (testCase) => {
        const result = await runCase(testCase, testCase.model, mode);
        duplicates += result.duplicates;
        if (result.late) late++;
      },
    );
    const faulted = CASES.filter((testCase) => testCase.faults.length > 0 || testCase.closedPort).length;
    expect(duplicates).toBe(0);
    expect(late).toBe(0);
    count(ctx, 'Fault matrix', {
      cases: CASES.length,
      faults: faulted,
      duplicates,
      ...(mode === 'run' ? { waits: CASES.length, lateWaits: late } : {}),
    });
  });
});

describe('reconciling beside other calls of the same client', () => {
  it('never hands one task to two identical calls when one answer arrives late', async (ctx) => {
    await using emu = await emulator(SEED);
    // The first POST to arrive is created and answered 500; the other is created and its 200 held back,
    // so while the first call looks its task up, the second call's task is listed but not yet claimed.
    emu.faults.add({ kind: 'error-after', match: POST });
    emu.faults.add({ kind: 'latency', delayMs: 100, match: LIST });
    await using proxy = await slowProxy(emu.url, (req, status) =>
      req.method === 'POST' && status === 200 ? 300 : 0,
    );
    const client = clientFor(proxy.url);
    const input = inputFor('t2v', uniquePrompt('twin race'));
    const results = await Promise.all([client.generate('t2v', input), client.generate('t2v', input)]);
    const created = emu.tasks(KEY).map((task) => task.id);
    expect(created).toHaveLength(2);
    expect(new Set(results.map((result) => result.taskId))).toEqual(new Set(created));
    const audit = auditLedger(emu);
    expect(audit.problems.filter((problem) => !problem.includes('tasks for one call'))).toEqual([]);
    count(ctx, 'Fault matrix', { cases: 1, faults: 1 });
  });
});
