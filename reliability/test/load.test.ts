// Load: 1,000 tasks run at once through one client, so every wait shares its one watcher, against the
// emulator in its own process with the real limit of 60 queries a minute, time compressed. All complete,
// the emulator never answers 429, and the client's heap comes back to where it started.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { emulatorProcess } from './support/emulator-process';
import { count } from './support/figures';
import { clientFor, until } from './support/harness';
import { inputFor } from './support/inputs';

const TASKS = 1_000;
const WARM_UP = 100;
const SPEED = 500;
/** Heap the run may leave behind (buffers, caches, JIT code), far below what 1,000 tasks' data would take. */
const MAX_GROWTH_MB = 12;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;
function settledHeapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return heapMb();
}

/** Runs `tasks` t2v tasks at once through one new client against a fresh emulator process. */
async function burst(tasks: number, label: string, onStart: () => void = () => {}) {
  await using emu = await emulatorProcess(SPEED);
  const client = clientFor(emu.url, {
    // A thousand POSTs at once on a busy machine: a 5 s request timeout would be a resend (with the same
    // Idempotency-Key, so harmless) that this figure would count as load.
    timeoutMs: 30_000,
    rateLimit: { limit: 60, windowMs: 60_000 / SPEED },
    poll: { minIntervalMs: 10, maxIntervalMs: 60 },
  });
  onStart();
  const started = performance.now();
  const done = await Promise.all(
    Array.from({ length: tasks }, (_, index) =>
      client
        .run('t2v', inputFor('t2v', `${label} #${index}`), { timeoutMs: 120_000 })
        .then((task) => task.status),
    ),
  );
  const durationMs = performance.now() - started;
  const requests = await emu.requests();
  return {
    completed: done.filter((status) => status === 'COMPLETED').length,
    durationMs,
    posts: requests.filter((r) => r.method === 'POST').length,
    queries: requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/tasks')).length,
    status429: requests.filter((r) => r.status === 429).length,
  };
  // Closing the emulator closes the burst's keep-alive sockets, which are the pool's, not a leak.
}

const socketsClosed = () =>
  until(() => !process.getActiveResourcesInfo().includes('TCPSocketWrap'), 'the sockets to close');
const round = (mb: number) => Math.round(mb * 10) / 10;

describe('load', () => {
  it(`runs ${TASKS} tasks through one client's watcher: all complete, no 429, heap flat`, async (ctx) => {
    // A warm-up burst first, on its own client and emulator: code compiled once is not growth.
    await burst(WARM_UP, 'warm-up');
    await socketsClosed();
    const before = settledHeapMb();
    let peak = before;
    let sampler: NodeJS.Timeout | undefined;
    const run = await burst(TASKS, 'load', () => {
      sampler = setInterval(() => {
        peak = Math.max(peak, heapMb());
      }, 10);
    }).finally(() => clearInterval(sampler));
    await socketsClosed();
    const after = settledHeapMb();
    const load = {
      tasks: TASKS,
      completed: run.completed,
      status429: run.status429,
      queries: run.queries,
      heapBeforeMb: round(before),
      heapAfterMb: round(after),
      heapPeakMb: round(peak),
      durationMs: Math.round(run.durationMs),
    };
    count(ctx, 'Load', { cases: TASKS, load });
    expect(run.completed).toBe(TASKS);
    expect(run.posts).toBe(TASKS);
    expect(run.status429).toBe(0);
    expect(after - before).toBeLessThan(MAX_GROWTH_MB);
  });
});
