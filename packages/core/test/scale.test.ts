// Waiting and webhooks at scale, over real HTTP against an emulator with the API's 60/min limit (its window
// compressed like everything else): the query requests a batch of tasks costs, and that none gets a 429.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, createWebhookHandler, type Task, withWebhookToken } from '../src/index';
import { createNodeWebhookHandler } from '../src/node/index';
import {
  clientFor,
  emulator,
  fetchesWithoutStatusPoll,
  peakInWindow,
  queryRequests,
  T2V,
  WINDOW_MS,
} from './helpers';

const N = 50;
const TOKEN = 'scale-token';

// Each test gets an emulator of its own: its rate limit counts every client of the machine's IP.
const isolated = () => emulator({ credits: 10_000 });

function byKind(emu: Emulator) {
  const queries = queryRequests(emu).filter((request) => request.method === 'GET');
  const lists = queries.filter((request) => request.path === '/api/v1/tasks').length;
  const statuses = queries.filter((request) => request.path.endsWith('/status')).length;
  return {
    total: queries.length,
    lists,
    statuses,
    gets: queries.length - lists - statuses,
    rateLimited: queries.filter((request) => request.status === 429).length,
    maxPerWindow: peakInWindow(queries, WINDOW_MS),
  };
}

/** The default intervals (2 s to 15 s) compressed by the emulator's speed, as a real deployment would run. */
const realisticPoll: ClientOptions = { poll: { minIntervalMs: 2_000 / 100, maxIntervalMs: 15_000 / 100 } };

describe('waiting at scale', () => {
  it(`${N} concurrent waits cost at most one query request per task, with no 429`, async () => {
    await using emu = await isolated();
    const client = clientFor(emu, realisticPoll);
    const tasks = await Promise.all(
      Array.from({ length: N }, (_, i) => client.run('t2v', { ...T2V, prompt: `scene ${i}` })),
    );
    expect(tasks.every((task) => task.status === 'COMPLETED' && task.output)).toBe(true);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(N);
    const counts = byKind(emu);
    console.info(`[scale] ${N} waits: ${JSON.stringify(counts)}`);
    expect(counts.rateLimited).toBe(0);
    expect(counts.maxPerWindow).toBeLessThanOrEqual(60);
    expect(counts.total).toBeLessThanOrEqual(N);
    // The list entries carry the full terminal task: no task is fetched again. Only a task whose end was
    // seen by a status poll (the last one left, on a slow machine) is fetched, right after that poll.
    expect(fetchesWithoutStatusPoll(emu)).toEqual([]);
  });

  it('a COMPLETED list entry without its output is fetched once with GET /tasks/{id}', async () => {
    await using emu = await isolated();
    // The emulator always lists outputs; a fetch that drops them stands in for an API that does not.
    const strippingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/api/v1/tasks') || !response.ok) return response;
      const { tasks } = (await response.json()) as { tasks: Task[] };
      const stripped = tasks.map(({ output: _output, ...task }) => task);
      return Response.json({ tasks: stripped });
    };
    const client = clientFor(emu, { fetch: strippingFetch });
    const done = await Promise.all([1, 2, 3].map((i) => client.run('t2v', { ...T2V, prompt: `clip ${i}` })));
    expect(done.every((task) => typeof (task.output as { url?: unknown }).url === 'string')).toBe(true);
    const gets = queryRequests(emu).filter((request) => /^\/api\/v1\/tasks\/[^/]+$/.test(request.path));
    expect(gets.map((request) => request.path).sort()).toEqual(
      done.map((t) => `/api/v1/tasks/${t.id}`).sort(),
    );
  });
});

describe('webhooks at scale', () => {
  it(`${N} tasks: every completion delivered once, confirmed by far fewer requests than webhooks`, async () => {
    await using emu = await isolated();
    const client = clientFor(emu);
    const completed = new Map<string, Task>();
    const delivered: Task[] = [];
    let allDone = () => {};
    const everyTask = new Promise<void>((resolve) => {
      allDone = resolve;
    });
    const onTask = (task: Task) => {
      delivered.push(task);
      if (task.status === 'COMPLETED') completed.set(task.id, task);
      if (completed.size === N) allDone();
    };
    const server = createServer(createNodeWebhookHandler({ client, token: TOKEN, onTask }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const hook = withWebhookToken(`http://127.0.0.1:${(server.address() as AddressInfo).port}/h`, TOKEN);
      const submitted = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          client.generate('t2v', { ...T2V, prompt: `hooked ${i}` }, { webhookUrl: hook }),
        ),
      );
      await everyTask;
      expect([...completed.keys()].sort()).toEqual(submitted.map((s) => s.taskId).sort());
      expect([...completed.values()].every((task) => task.output)).toBe(true);
      // Each state once: duplicates and coalesced confirmations never deliver a state twice.
      expect(new Set(delivered.map((task) => `${task.id}:${task.status}`)).size).toBe(delivered.length);
      await expect.poll(() => emu.webhooks.length).toBe(3 * N);
      // Every webhook was answered 2xx at the first attempt: none waited long enough to time out.
      expect(emu.webhooks.filter((d) => d.attempt > 1 || !(d.status && d.status < 300))).toEqual([]);
      const counts = byKind(emu);
      console.info(`[scale] ${N} tasks, ${emu.webhooks.length} webhooks: ${JSON.stringify(counts)}`);
      expect(counts.rateLimited).toBe(0);
      expect(counts.statuses).toBe(0);
      // SUBMITTED and PROGRESS hints cost nothing; a completion costs at most one request.
      expect(counts.total).toBeLessThanOrEqual(N);
      expect(counts.total).toBeLessThan(emu.webhooks.length / 3);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('hints that arrive together are confirmed by one list request; a forged one changes nothing', async () => {
    await using emu = await isolated();
    const client = clientFor(emu);
    const delivered: Task[] = [];
    const handler = createWebhookHandler({
      client,
      token: TOKEN,
      onTask: (task) => void delivered.push(task),
    });
    const ids = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const { taskId } = await client.generate('t2v', { ...T2V, prompt: `b ${i}` });
        return taskId;
      }),
    );
    const running = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    const controller = new AbortController();
    const waiting = client.tasks.wait(running.taskId, { signal: controller.signal }).catch(() => 'aborted');
    await expect.poll(() => emu.tasks().filter((task) => task.status === 'COMPLETED').length).toBe(10);
    emu.clearRequests();
    const hint = (taskId: string) =>
      handler(
        new Request(withWebhookToken('http://app.test/hook', TOKEN), {
          method: 'POST',
          body: JSON.stringify({
            taskId,
            status: 'COMPLETED',
            output: { video: 'https://evil.example/x.mp4' },
          }),
        }),
      );
    const answers = await Promise.all([...ids, running.taskId, 'unknown-id'].map(hint));
    expect(answers.map((answer) => answer.status)).toEqual([...ids.map(() => 200), 200, 404]);
    // One list for all of them; the id it does not hold is unknown without a request of its own.
    const confirmations = queryRequests(emu).filter((request) => !request.path.endsWith('/status'));
    expect(confirmations.map((request) => `${request.path} ${request.status}`)).toEqual([
      '/api/v1/tasks 200',
    ]);
    const finished = delivered.filter((task) => task.status === 'COMPLETED');
    expect(finished.map((task) => task.id).sort()).toEqual([...ids].sort());
    expect(finished.every((task) => task.output && !JSON.stringify(task).includes('evil'))).toBe(true);
    // The forged end of a running task: what the API says is delivered, the wait goes on.
    expect(delivered.find((task) => task.id === running.taskId)?.status).toMatch(/SUBMITTED|PROGRESS/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await waiting).toBe('aborted');
  });
});
