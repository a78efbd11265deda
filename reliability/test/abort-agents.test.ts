// Aborting an agent's tool call inside each framework's loop, a CLI wait and a download: each stops within
// 100 ms (the queued task is cancelled, the CLI exits 130, no partial file is left), and the leak guard
// checks that no timer or socket keeps the process alive afterwards.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadVideo } from '@aivideomaker/core/node';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, RUNNERS } from './support/agents';
import { cli } from './support/cli';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { arrived, clientFor, emulator, uniquePrompt, until } from './support/harness';
import { inputFor } from './support/inputs';

const LIMIT_MS = 100;

describe('aborting an agent, the CLI and a download', () => {
  it.for(FRAMEWORKS)(
    'stops the %s agent loop within 100 ms, cancelling the queued task',
    async (framework, ctx) => {
      await using emu = await emulator({ speed: 1 });
      const client = clientFor(emu, { rateLimit: { limit: 60, windowMs: 60_000 } });
      const controller = new AbortController();
      const call = { toolName: 'text_to_video', input: { prompt: uniquePrompt(`${framework} abort`) } };
      let settledAt = 0;
      const run = RUNNERS[framework]({ client }, [call], controller.signal).then(
        (result) => result,
        (error: unknown) => error,
      );
      const done = run.finally(() => {
        settledAt = performance.now();
      });
      await until(() => arrived(emu, 'GET', /status$/, true), 'the first poll');
      const abortedAt = performance.now();
      controller.abort();
      await done;
      const ms = settledAt - abortedAt;
      await until(() => emu.tasks(KEY)[0]?.status === 'CANCEL', 'the cancel');
      count(ctx, 'Abort and shutdown', { cases: 1, slowestAbortMs: ms });
      expect(ms).toBeLessThan(LIMIT_MS);
    },
  );

  it('stops a CLI wait within 100 ms with exit code 130', async (ctx) => {
    await using emu = await emulator({ speed: 1 });
    const { taskId } = await clientFor(emu).generate('t2v', inputFor('t2v', uniquePrompt('cli abort')));
    const controller = new AbortController();
    const run = cli(['wait', taskId], emu, { signal: controller.signal });
    let settledAt = 0;
    void run.finally(() => {
      settledAt = performance.now();
    });
    await until(() => arrived(emu, 'GET', /status$/, true), 'the first poll');
    const abortedAt = performance.now();
    controller.abort(new Error('Interrupted'));
    expect((await run).code).toBe(130);
    const ms = settledAt - abortedAt;
    count(ctx, 'Abort and shutdown', { cases: 1, slowestAbortMs: ms });
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('stops a download within 100 ms and leaves no partial file', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    const task = await client.run('t2v', inputFor('t2v', uniquePrompt('download abort')));
    emu.faults.add({ kind: 'latency', delayMs: 5_000, match: { path: '/files' } });
    const folder = await mkdtemp(join(tmpdir(), 'reliability-abort-'));
    try {
      const controller = new AbortController();
      const reason = new Error('stop the download');
      const download = downloadVideo(task, folder, { signal: controller.signal }).then(
        () => new Error('resolved'),
        (error: unknown) => error,
      );
      await until(() => arrived(emu, 'GET', /^\/files\//), 'the download request');
      const abortedAt = performance.now();
      controller.abort(reason);
      expect(await download).toBe(reason);
      const ms = performance.now() - abortedAt;
      expect(await readdir(folder)).toEqual([]);
      count(ctx, 'Abort and shutdown', { cases: 1, slowestAbortMs: ms });
      expect(ms).toBeLessThan(LIMIT_MS);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
