// The shared limiter over a real Postgres (a throwaway cluster) and real HTTP against the emulator with
// the API's 60 queries a minute, its window compressed 100x: clients that share nothing but the database
// stay within 60 queries in ANY window (measured from the emulator's request log), a 429 seen by one
// pauses the others, a waiting call aborts, and a dead holder's slot comes back after its lease.
import { AIVideoMaker, type ClientOptions, type QueryLimiter } from '@aivideomaker/core';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { peakInWindow } from '@aivideomaker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../scripts/postgres.ts';
import { createPostgresLimiter, type PostgresLimiter, type PostgresLimiterOptions } from '../src/index';

const KEY = 'fake-key-limiter-test';
const SPEED = 100;
const WINDOW_MS = 60_000 / SPEED;

let pg: TestPostgres;
let emu: Emulator;
let database = 0;
const limiters: PostgresLimiter[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  emu = await startEmulator({ speed: SPEED, apiKeys: [KEY] });
}, 120_000);
afterAll(async () => {
  await Promise.all(limiters.map((limiter) => limiter.close()));
  await emu?.close();
  pg?.stop();
});

/** `count` limiters on a fresh database, each with its own pool, as separate processes would have. */
async function sharedLimiters(count: number, options: Partial<PostgresLimiterOptions> = {}) {
  const url = pg.createDatabase(`limiter_${++database}`);
  const made = await Promise.all(
    Array.from({ length: count }, () =>
      createPostgresLimiter({ connectionString: url, windowMs: WINDOW_MS, ...options }),
    ),
  );
  limiters.push(...made);
  return made;
}

function clientWith(rateLimit: ClientOptions['rateLimit']): AIVideoMaker {
  return new AIVideoMaker({ apiKey: KEY, baseUrl: emu.url, rateLimit, maxRetries: 5 });
}

function queries() {
  const log = emu.requests.filter((request) => request.path.startsWith('/api/v1/tasks'));
  return {
    count: log.length,
    rateLimited: log.filter((request) => request.status === 429).length,
    maxPerWindow: peakInWindow(log, WINDOW_MS),
  };
}

describe('a limiter shared through Postgres', () => {
  it('is a QueryLimiter that core accepts', async () => {
    const [limiter] = await sharedLimiters(1);
    const asCore: QueryLimiter = limiter as PostgresLimiter;
    expect(asCore.limit).toBe(60);
    expect(asCore.windowMs).toBe(WINDOW_MS);
  });

  it('keeps three clients within 60 queries in any window, with no 429', async () => {
    emu.clearRequests();
    const clients = (await sharedLimiters(3)).map(clientWith);
    await Promise.all(clients.flatMap((client) => Array.from({ length: 80 }, () => client.tasks.list())));
    const seen = queries();
    console.info(`[limiter] 3 clients x 80 queries, shared: ${JSON.stringify(seen)}`);
    expect(seen.count).toBe(240);
    expect(seen.rateLimited).toBe(0);
    expect(seen.maxPerWindow).toBeLessThanOrEqual(60);
    // The budget is used, not starved: 240 queries need 4 windows, so more than 30 must share one.
    expect(seen.maxPerWindow).toBeGreaterThan(30);
  });

  it('the same load with a limiter per client collects 429s (why the shared one exists)', async () => {
    emu.clearRequests();
    const clients = [1, 2, 3].map(() => clientWith({ limit: 60, windowMs: WINDOW_MS }));
    await Promise.all(clients.flatMap((client) => Array.from({ length: 80 }, () => client.tasks.list())));
    expect(queries().rateLimited).toBeGreaterThan(0);
  });

  it('a 429 seen by one client pauses the others until its Retry-After has passed', async () => {
    const [first, second] = (await sharedLimiters(2)).map(clientWith) as [AIVideoMaker, AIVideoMaker];
    emu.clearRequests();
    emu.faults.add({ kind: 'rate-limit', retryAfter: '2' });
    const hit = first.tasks.list();
    await expect.poll(() => emu.requests.length).toBe(1);
    // Give the pause its moment to reach the database, then ask from the other client.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all([hit, second.tasks.list()]);
    const [limited, ...later] = emu.requests;
    expect(limited?.status).toBe(429);
    expect(later.map((request) => request.status)).toEqual([200, 200]);
    for (const request of later) expect(request.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_900);
  });

  it('a call waiting for a slot ends on abort, without a request', async () => {
    const [limiter] = (await sharedLimiters(1, { limit: 1, windowMs: 60_000 })) as [PostgresLimiter];
    const release = await limiter.acquire();
    release();
    const client = clientWith(limiter);
    emu.clearRequests();
    const controller = new AbortController();
    const waiting = client.tasks.list({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    await expect(waiting).rejects.toThrow('caller gave up');
    expect(emu.requests).toEqual([]);
  });

  it('a slot whose holder died comes back after windowMs + maxHoldMs, not before', async () => {
    const options = { limit: 1, windowMs: 200, maxHoldMs: 300 };
    const [dead, alive] = (await sharedLimiters(2, options)) as [PostgresLimiter, PostgresLimiter];
    const took = Date.now();
    await dead.acquire(); // never released: its process "died" holding it
    await alive.acquire();
    expect(Date.now() - took).toBeGreaterThanOrEqual(480);
  });
});
