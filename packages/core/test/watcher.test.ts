// Waiting at scale: one shared watcher per client, status polling for one task, one list call for many,
// the API's rate limit kept without being told, abort and timeouts at once, no timer left behind.
import { describe, expect, it } from 'vitest';
import type { TaskUpdate } from '../src/index';
import {
  clientFor,
  emulator,
  emulatorPerFile,
  fetchesWithoutStatusPoll,
  KEY,
  peakInWindow,
  queryRequests,
  T2V,
  WINDOW_MS,
} from './helpers';

const emu = emulatorPerFile(() => emulator());

async function isolated(options: Parameters<typeof emulator>[0] = {}) {
  const emu = await emulator(options);
  return Object.assign(emu, { [Symbol.asyncDispose]: () => emu.close() });
}

const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('waiting', () => {
  it('one task: status polls, onUpdate on each change, the final state fetched once', async () => {
    const client = clientFor(emu);
    const { taskId } = await client.generate('t2v', T2V);
    const updates: TaskUpdate[] = [];
    const task = await client.tasks.wait(taskId, { onUpdate: (update) => updates.push(update) });
    expect(task).toMatchObject({
      id: taskId,
      status: 'COMPLETED',
      output: { url: `${emu.url}/files/${taskId}.mp4` },
    });
    expect(updates.map((u) => u.status)).toEqual(
      ['SUBMITTED', 'PROGRESS', 'COMPLETED'].slice(-updates.length),
    );
    expect(updates.at(-1)).toMatchObject({ status: 'COMPLETED', previousStatus: 'PROGRESS' });
    const paths = queryRequests(emu).map((r) => r.path);
    expect(paths.filter((p) => p === `/api/v1/tasks/${taskId}`)).toHaveLength(1);
    expect(paths.filter((p) => p === '/api/v1/tasks')).toHaveLength(0);
    expect(paths.filter((p) => p.endsWith('/status')).length).toBeGreaterThan(0);
  });

  // These two get an emulator of their own: its rate limit counts every client of the machine's IP.
  it('a confirming read that fails with 5xx goes back to polling and confirms again', async () => {
    const client = clientFor(emu, { maxRetries: 1 });
    const { taskId } = await client.generate('t2v', { ...T2V, prompt: 'confirm again' });
    const path = `/api/v1/tasks/${taskId}`;
    // Both attempts (maxRetries 1) of the first confirming GET fail; the status poll still says COMPLETED.
    emu.faults.add({
      kind: 'error-before',
      status: 502,
      times: 2,
      match: { method: 'GET', path: new RegExp(`^${path}$`) },
    });
    const updates: TaskUpdate[] = [];
    const task = await client.tasks.wait(taskId, { timeoutMs: 20_000, onUpdate: (u) => updates.push(u) });
    expect(task).toMatchObject({ id: taskId, status: 'COMPLETED' });
    const finals = queryRequests(emu)
      .filter((r) => r.path === path)
      .map((r) => r.status);
    expect(finals).toEqual([502, 502, 200]);
    // The end state is reported once, not again for the second confirmation.
    expect(updates.filter((u) => u.status === 'COMPLETED')).toHaveLength(1);
  });

  it('20 concurrent waits: one list call per round, no 429, at most 60 query requests per window', async () => {
    await using emu = await isolated();
    const client = clientFor(emu, { poll: { minIntervalMs: 5, maxIntervalMs: 20 } });
    const submitted = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.generate('t2v', { ...T2V, prompt: `scene ${i}`, duration: '8' }),
      ),
    );
    emu.clearRequests();
    const tasks = await Promise.all(submitted.map(({ taskId }) => client.tasks.wait(taskId)));
    expect(tasks.every((task) => task.status === 'COMPLETED')).toBe(true);
    const queries = queryRequests(emu);
    expect(queries.filter((r) => r.status === 429)).toHaveLength(0);
    expect(peakInWindow(queries, WINDOW_MS)).toBeLessThanOrEqual(60);
    const isList = (r: (typeof queries)[number]) => r.path === '/api/v1/tasks';
    const lists = queries.filter(isList).length;
    const statuses = queries.filter((r) => r.path.endsWith('/status')).length;
    expect(lists).toBeGreaterThan(0);
    expect(statuses).toBeLessThan(lists);
    // A terminal list entry is the full task: none is fetched again. Only a task whose end was seen by a
    // status poll (the last one left, on a slow machine) is fetched, right after that poll.
    expect(fetchesWithoutStatusPoll(emu)).toEqual([]);
  });

  it('an unknown task id fails its own wait only, also when waits are batched', async () => {
    const client = clientFor(emu);
    const { taskId } = await client.generate('t2v', T2V);
    const [real, unknown] = await Promise.allSettled([
      client.tasks.wait(taskId),
      client.tasks.wait('no-such-task'),
    ]);
    expect(real).toMatchObject({ status: 'fulfilled', value: { id: taskId, status: 'COMPLETED' } });
    expect(unknown).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
  });

  it('the limiter holds when more calls are made than the window allows', async () => {
    await using emu = await isolated();
    const client = clientFor(emu);
    const { taskId } = await client.generate('t2v', T2V);
    emu.clearRequests();
    await Promise.all(Array.from({ length: 130 }, () => client.tasks.status(taskId)));
    const queries = queryRequests(emu);
    expect(queries).toHaveLength(130);
    expect(queries.filter((r) => r.status === 429)).toHaveLength(0);
    expect(peakInWindow(queries, WINDOW_MS)).toBeLessThanOrEqual(60);
  });

  it('abort mid-wait rejects with the signal reason in under 100 ms, even mid-sleep', async () => {
    const client = clientFor(emu, { poll: { minIntervalMs: 5_000, maxIntervalMs: 5_000 } });
    const { taskId } = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    const controller = new AbortController();
    const waiting = client.tasks.wait(taskId, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reason = new Error('stop');
    const started = performance.now();
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(100);
    const pre = new AbortController();
    pre.abort();
    await expect(client.tasks.wait(taskId, { signal: pre.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('cancelOnAbort cancels a task that is still SUBMITTED (and it is refunded)', async () => {
    const client = clientFor(emu);
    const slow = await emulator({ speed: 1, apiKeys: [KEY] });
    try {
      const slowClient = clientFor(slow);
      const { taskId } = await slowClient.generate('t2v', T2V);
      const controller = new AbortController();
      const waiting = slowClient.tasks.wait(taskId, { signal: controller.signal, cancelOnAbort: true });
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
      await expect.poll(() => slow.tasks(KEY)[0]?.status).toBe('CANCEL');
      expect(slow.ledger.balance(KEY)).toBe(1000);
    } finally {
      await slow.close();
    }
    expect(client).toBeDefined();
  });

  it('leaves no timer behind once nothing waits', async () => {
    // At speed 1 the emulator's own task timers do not fire during the test, so the count is ours.
    await using emu = await isolated({ speed: 1 });
    const client = clientFor(emu, { poll: { minIntervalMs: 1_000, maxIntervalMs: 1_000 } });
    const { taskId } = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    const before = timers();
    const controller = new AbortController();
    const waits = [1, 2, 3].map(() =>
      client.tasks.wait(taskId, { signal: controller.signal }).catch(() => 'aborted'),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(timers()).toBeGreaterThan(before);
    controller.abort();
    expect(await Promise.all(waits)).toEqual(['aborted', 'aborted', 'aborted']);
    // No more than before: a keep-alive socket timer counted in `before` may close meanwhile.
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
