// Hostile or broken server answers: a task id that is a path, an answer about another task, a submit
// answer with an unsafe id, nonsense Retry-After values, a confirming read that fails, a transfer that
// breaks. None is taken as valid, no file lands outside the folder given, and the CLI says which task.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIVideoMaker, ConnectionError, type Task } from '@aivideomaker/core';
import { downloadVideo } from '@aivideomaker/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator, t2vInput, uniquePrompt } from './support/harness';
import { loopbackServer } from './support/loopback-server';

const UNSAFE_IDS = ['../../escaped', '..', '.', 'a/b', 'x y', 'nul\u0000id', '%2e%2e', ''];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aivm-reliability-hostile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hostile task ids', () => {
  it('unsafe or foreign ids from the server are never taken as the task asked for', async (ctx) => {
    let accepted = 0;
    let cases = 0;
    for (const id of [...UNSAFE_IDS, 'someone-elses-task']) {
      await using hostile = await loopbackServer((seen) => ({
        status: 200,
        body: JSON.stringify(
          seen.method === 'POST'
            ? { taskId: id, status: 'SUBMITTED' }
            : seen.url === '/api/v1/tasks'
              ? { tasks: [{ id, status: 'COMPLETED' }] }
              : { id, status: 'COMPLETED', output: { video: 'https://cdn.test/v.mp4' } },
        ),
      }));
      const client = new AIVideoMaker({
        apiKey: KEY,
        baseUrl: hostile.url,
        maxRetries: 0,
        reconcile: { lookupDelaysMs: [5] },
      });
      const got = await client.tasks.get('ckasked1').catch(() => undefined);
      const listed = await client.tasks.list().catch(() => []);
      const generated = await client
        .generate('t2v', t2vInput(uniquePrompt('hostile')))
        .catch(() => undefined);
      cases += 3;
      if (got) accepted += 1;
      if (id !== 'someone-elses-task' && listed.length > 0) accepted += 1;
      if (id !== 'someone-elses-task' && generated) accepted += 1;
    }
    count(ctx, 'Hostile server answers', { cases, hostileAccepted: accepted });
    expect(accepted).toBe(0);
  });

  it('download and the CLI never write outside the folder given', async (ctx) => {
    await using emu = await emulator();
    const real = await clientFor(emu).run('t2v', t2vInput(uniquePrompt('hostile download')));
    // Two levels down, so '../../escaped' would land in this test's own folder.
    const box = join(dir, 'hostile', 'box');
    await mkdir(box, { recursive: true });
    let cases = 0;
    for (const id of UNSAFE_IDS) {
      cases += 1;
      await downloadVideo({ ...real, id } as Task, box).catch(() => undefined);
    }
    await using hostile = await loopbackServer(() => ({
      status: 200,
      body: JSON.stringify({ ...real, id: '../../escaped' }),
    }));
    for (const command of ['download', 'wait']) {
      cases += 1;
      const argv = [command, 'ckasked1', '--out', `${box}/`, '--timeout', '1'];
      const result = await cli(command === 'wait' ? argv : argv.slice(0, -2), hostile.url, { cwd: box });
      expect(result.code, result.stderr).not.toBe(0);
    }
    const written =
      (await readdir(box)).length + (await readdir(dir)).filter((name) => name.includes('escaped')).length;
    count(ctx, 'Hostile server answers', { cases, unsafeWrites: written });
    expect(written).toBe(0);
  });
});

describe('unlucky answers', () => {
  it('Retry-After 0, negative or in the past is treated as absent: normal backoff, no burst', async (ctx) => {
    await using emu = await emulator();
    const values = ['0', '-1', '-30', new Date(Date.now() - 60_000).toUTCString()];
    let accepted = 0;
    for (const retryAfter of values) {
      emu.faults.clear();
      emu.clearRequests();
      emu.faults.add({ kind: 'rate-limit', retryAfter, times: 2 });
      const error = await clientFor(emu, { maxRetries: 1 })
        .tasks.list()
        .catch((caught: unknown) => caught);
      // Absent means absent: no hint on the error or in its message, two attempts and no more.
      expect(error, retryAfter).toMatchObject({ code: 'rate_limited', retryAfterMs: undefined });
      expect((error as Error).message).not.toMatch(/retry after/);
      expect(emu.requests.map((r) => r.status)).toEqual([429, 429]);
      const [first, second] = emu.requests;
      // Taken literally, the retry would follow at once; backoff waits at least 375 ms.
      if ((error as { retryAfterMs?: number }).retryAfterMs !== undefined) accepted += 1;
      if ((second?.at ?? 0) - (first?.at ?? 0) < 350) accepted += 1;
    }
    count(ctx, 'Hostile server answers', {
      cases: values.length,
      faults: values.length,
      hostileAccepted: accepted,
    });
    expect(accepted).toBe(0);
  });

  it('a wait whose confirming read fails with 5xx polls again and completes', async (ctx) => {
    await using emu = await emulator();
    const statuses = [500, 502, 503];
    const tasks = await Promise.all(
      statuses.map(async (status) => {
        // A client each: one task per watcher is polled by status, so its end is confirmed by a GET.
        const client = clientFor(emu, { maxRetries: 1 });
        const { taskId } = await client.generate('t2v', t2vInput(uniquePrompt(`confirm ${status}`)));
        emu.faults.add({
          kind: 'error-before',
          status,
          times: 2,
          match: { method: 'GET', path: new RegExp(`^/api/v1/tasks/${taskId}$`) },
        });
        return client.tasks.wait(taskId, { timeoutMs: 20_000 });
      }),
    );
    count(ctx, 'Hostile server answers', {
      cases: statuses.length,
      faults: statuses.length,
      waits: statuses.length,
    });
    expect(tasks.map((task) => task.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
  });

  it('a transfer that breaks is a ConnectionError; the CLI exits 7 naming the task', async (ctx) => {
    await using emu = await emulator();
    const task = await clientFor(emu).run('t2v', t2vInput(uniquePrompt('broken transfer')));
    emu.faults.add({ kind: 'reset', match: { path: '/files/' }, times: 2 });
    const error = await downloadVideo(task, join(dir, 'broken.mp4')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    const result = await cli(['download', task.id, '--out', join(dir, 'broken-cli.mp4'), '--json'], emu);
    expect(result.code).toBe(7);
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'connection_error', taskId: task.id });
    count(ctx, 'Hostile server answers', { cases: 2, faults: 2 });
  });
});
