import { describe, expect, it } from 'vitest';
import { type Emulator, TIMINGS } from '../src/index';
import { call, IMAGE, submit, t2v, useEmulator, waitFor, waitForStatus } from './helpers';

// The seed document's answers, exactly (api: 'seed'); live.test.ts covers the default mode.
const start = useEmulator({ api: 'seed' });

/** Every status the task shows, sampled every few milliseconds until it ends. */
async function watchStatuses(emu: Emulator, taskId: string): Promise<string[]> {
  const seen: string[] = [];
  await waitFor(() => {
    const status = emu.tasks().find((task) => task.id === taskId)?.status ?? 'missing';
    if (seen.at(-1) !== status) seen.push(status);
    return ['COMPLETED', 'FAILED', 'CANCEL'].includes(status) ? true : undefined;
  });
  return seen;
}

const elapsed = (task: { createdAt: string; completedAt: string | null }) =>
  Date.parse(task.completedAt ?? '') - Date.parse(task.createdAt);

describe('task lifecycle', () => {
  it('goes SUBMITTED -> PROGRESS -> COMPLETED with an output video', async () => {
    const emu = await start({ speed: 100 });
    const { taskId } = await submit(emu, 't2v', t2v());
    expect(await watchStatuses(emu, taskId)).toEqual(['SUBMITTED', 'PROGRESS', 'COMPLETED']);
    const [task] = emu.tasks();
    expect(task?.output).toEqual({ video: `${emu.url}/files/${taskId}.mp4` });
    expect(task?.completedAt).not.toBeNull();
  });

  it('takes the documented time divided by speed, longer for longer videos, v3 and lv', async () => {
    const speed = 200;
    const emu = await start({ speed, credits: 10_000 });
    const jobs: [string, Record<string, unknown>, number][] = [
      ['t2v', t2v({ duration: '5' }), 5],
      ['i2v', { image: IMAGE, duration: '8' }, 8],
      ['t2v_v3', t2v({ duration: '20' }), 20],
      ['lv', { image: IMAGE, prompt: ['a', 'b', 'c', 'd'] }, 20],
    ];
    const expected = new Map<string, number>();
    for (const [model, body, seconds] of jobs) {
      const { taskId } = await submit(emu, model, body);
      const timing = TIMINGS[model as keyof typeof TIMINGS];
      expected.set(taskId, (timing.queueMs + timing.baseMs + timing.perVideoSecondMs * seconds) / speed);
    }
    for (const [taskId, ms] of expected) {
      const task = await waitForStatus(emu, taskId, 'COMPLETED');
      expect(elapsed(task)).toBeGreaterThanOrEqual(ms - 5);
      expect(elapsed(task)).toBeLessThan(ms + 2_000);
    }
    const durations = [...expected.values()];
    expect(durations).toEqual([215, 275, 1025, 1125]);
  });

  it('ends a prompt with the [fail] marker FAILED after PROGRESS, without output', async () => {
    const emu = await start({ speed: 100 });
    const { taskId } = await submit(emu, 't2v', t2v({ prompt: 'please [fail] now' }));
    expect(await watchStatuses(emu, taskId)).toEqual(['SUBMITTED', 'PROGRESS', 'FAILED']);
    const task = await call(emu, `/api/v1/tasks/${taskId}`);
    expect(task.json).toMatchObject({ status: 'FAILED', output: null, completedAt: expect.any(String) });
  });

  it('honours the marker in any long-video segment', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 'lv', { image: IMAGE, prompt: ['fine', 'then [fail]'] });
    await waitForStatus(emu, taskId, 'FAILED');
  });

  it('fails a seeded share of tasks, the same ones for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const emu = await start({ failureRate: 0.5, seed, credits: 10_000 });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await submit(emu, 't2v', t2v())).taskId);
      const ends = [];
      for (const id of ids) {
        const task = await waitFor(() => {
          const found = emu.tasks().find((candidate) => candidate.id === id);
          return found && ['COMPLETED', 'FAILED'].includes(found.status) ? found : undefined;
        });
        ends.push(task.status);
      }
      return ends;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(first).toContain('FAILED');
    expect(first).toContain('COMPLETED');
    const all = await start({ failureRate: 1 });
    const { taskId } = await submit(all, 't2v', t2v());
    await waitForStatus(all, taskId, 'FAILED');
  });
});

describe('cancel', () => {
  it('cancels a SUBMITTED task for good, refunding it', async () => {
    const emu = await start({ speed: 20 });
    const { taskId, cancelUrl } = await submit(emu, 't2v', t2v());
    const response = await fetch(cancelUrl, { method: 'PUT', headers: { key: 'test-key' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'CANCEL',
      taskId,
      refundedCredits: 5,
      message: 'Task cancelled; 5 credits refunded',
    });
    // Well past the queue time at this speed: it must never start.
    await new Promise((resolve) => setTimeout(resolve, (TIMINGS.t2v.queueMs / 20) * 2));
    expect((await call(emu, `/api/v1/tasks/${taskId}`)).json).toMatchObject({
      status: 'CANCEL',
      output: null,
      completedAt: expect.any(String),
    });
  });

  it('refuses with 409 once the task is PROGRESS, COMPLETED, FAILED or CANCEL', async () => {
    const emu = await start({ speed: 100 });
    const running = await submit(emu, 't2v_v3', t2v({ duration: '20' }));
    const done = await submit(emu, 't2v', t2v());
    const failed = await submit(emu, 't2v', t2v({ prompt: '[fail]' }));
    await waitForStatus(emu, running.taskId, 'PROGRESS');
    await waitForStatus(emu, done.taskId, 'COMPLETED');
    await waitForStatus(emu, failed.taskId, 'FAILED');
    for (const [taskId, status] of [
      [running.taskId, 'PROGRESS'],
      [done.taskId, 'COMPLETED'],
      [failed.taskId, 'FAILED'],
    ]) {
      const result = await call(emu, `/api/v1/tasks/${taskId}/cancel`, { method: 'PUT' });
      expect(result.status).toBe(409);
      expect(result.json).toEqual({
        status: 'FAILED',
        message: `Task ${taskId} is ${status}; only a SUBMITTED task can be cancelled`,
      });
    }
    const slow = await start({ speed: 1 });
    const cancelled = await submit(slow, 't2v', t2v());
    await call(slow, `/api/v1/tasks/${cancelled.taskId}/cancel`, { method: 'PUT' });
    expect((await call(slow, `/api/v1/tasks/${cancelled.taskId}/cancel`, { method: 'PUT' })).status).toBe(
      409,
    );
    expect(slow.ledger.entries().filter((entry) => entry.kind === 'refund')).toHaveLength(1);
  });
});
