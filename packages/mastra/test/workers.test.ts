// Many workers on one Postgres: three worker processes (test/support/video-worker.mjs) run the video
// workflow on @mastra/pg with the shared limiter, against the emulator with the API's real 60 queries a
// minute (all of its times compressed 20x). Each worker names the next one as its webhook receiver, so
// every run is resumed by a worker other than the one that submitted it. Worker 0 is killed with
// SIGKILL once its runs are waiting; the runs then started by worker 2 send their webhooks to the dead
// worker and are picked up by the sweepers of the others.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { peakInWindow } from '@aivideomaker/test-support';
import { Mastra } from '@mastra/core';
import { PostgresStore } from '@mastra/pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../scripts/postgres.ts';
import { createVideoWorkflow } from '../src/workflow';

const KEY = 'fake-key-workers-test';
const TOKEN = 'workers-hook-token';
const SPEED = 20;
const WINDOW_MS = 60_000 / SPEED;
const RUNS_PER_WORKER = 20;
const WORKER = fileURLToPath(new URL('./support/video-worker.mjs', import.meta.url));

interface Message {
  type: string;
  by?: 'webhook' | 'sweeper';
  runId?: string;
  runIds?: string[];
  [key: string]: unknown;
}

class Worker {
  readonly child: ChildProcess;
  readonly messages: Message[] = [];
  #waiters: Array<() => void> = [];

  constructor(readonly index: number) {
    this.child = fork(WORKER, [], {
      env: { ...process.env, AIVIDEOMAKER_API_KEY: KEY },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: Message) => {
      this.messages.push(message);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  async next(type: string): Promise<Message> {
    for (;;) {
      const found = this.messages.find((message) => message.type === type);
      if (found) {
        this.messages.splice(this.messages.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((resolve, reject) => {
        this.#waiters.push(resolve);
        this.child.once('exit', (code) => reject(new Error(`worker ${this.index} exited (${code})`)));
      });
    }
  }

  send(message: Message): void {
    this.child.send(message);
  }
}

let pg: TestPostgres;
let emu: Emulator;
let connectionString: string;
const workers: Worker[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  connectionString = pg.createDatabase('video_workers');
  emu = await startEmulator({ speed: SPEED, apiKeys: [KEY], credits: 100_000 });
}, 120_000);
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await emu?.close();
  pg?.stop();
});

function inputs(worker: number) {
  return Array.from({ length: RUNS_PER_WORKER }, (_, i) => ({
    // A render (about 6 s at SPEED) outlasts the two windows the 40 first runs need for their quote, submit
    // and first read, so some of them are still rendering, and suspended, when their worker dies.
    model: 't2v_v3',
    input: { prompt: `Worker ${worker}, scene ${i}`, aspectRatio: '16:9', duration: '10' },
  }));
}

describe('many workers on one Postgres', () => {
  it('60 runs over 3 workers, one killed: all complete, within 60 queries in any window, charged once', async () => {
    // The deploy step: @mastra/pg creates its tables on first use, which is not safe to race.
    const storage = new PostgresStore({ id: 'store-test', connectionString });
    await storage.init();
    for (const index of [0, 1, 2]) workers.push(new Worker(index));
    const config = {
      ...{ connectionString, baseUrl: emu.url, speed: SPEED, token: TOKEN },
      ...{ windowMs: WINDOW_MS, sweepMs: WINDOW_MS, staleMs: 4 * WINDOW_MS },
    };
    for (const worker of workers) worker.send({ type: 'config', name: `w${worker.index}`, ...config });
    const urls = await Promise.all(workers.map(async (worker) => (await worker.next('listening')).url));
    for (const worker of workers) worker.send({ type: 'webhook', webhookUrl: urls[(worker.index + 1) % 3] });
    await Promise.all(workers.map((worker) => worker.next('ready')));
    const [w0, w1, w2] = workers as [Worker, Worker, Worker];

    // Workers 0 and 1 submit; once worker 0's runs wait, it dies.
    w0.send({ type: 'start', inputs: inputs(0) });
    w1.send({ type: 'start', inputs: inputs(1) });
    const started0 = (await w0.next('started')).runs as Array<{ runId: string; status: string }>;
    w0.child.kill('SIGKILL');
    await new Promise((resolve) => w0.child.once('exit', resolve));
    expect(started0.filter((run) => run.status === 'suspended').length).toBeGreaterThan(0);
    // Worker 2's runs name the dead worker 0 as receiver: only a sweeper can finish them.
    w2.send({ type: 'start', inputs: inputs(2) });
    const started = [
      ...started0,
      ...((await w1.next('started')).runs as typeof started0),
      ...((await w2.next('started')).runs as typeof started0),
    ];
    expect(started).toHaveLength(60);

    const mastra = new Mastra({ workflows: { video: createVideoWorkflow() }, storage, logger: false });
    const states = () =>
      Promise.all(started.map(({ runId }) => mastra.getWorkflow('video').getWorkflowRunById(runId)));
    const unfinished = async () =>
      (await states())
        .map((state, i) => ({
          i,
          started: started[i]?.status,
          now: state?.status,
          steps: Object.entries((state as { steps?: Record<string, { status?: string }> })?.steps ?? {}).map(
            ([id, step]) => `${id}:${step.status}`,
          ),
        }))
        .filter((run) => run.now !== 'success');
    await expect
      .poll(async () => (await states()).filter((state) => state?.status === 'success').length, {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(60)
      .catch(async (error: unknown) => {
        console.error('[workers] unfinished runs', JSON.stringify(await unfinished()));
        throw error;
      });
    const results = (await states()).map((state) => state?.result as { taskId: string; status: string });
    expect(results.every((result) => result.status === 'COMPLETED')).toBe(true);

    // Who resumed what: webhooks on a worker other than the submitter, and sweepers for worker 2's runs
    // (a sweep reports its runs when it ends, which may be just after the last run succeeded).
    const resumes = () =>
      workers.flatMap((worker) =>
        worker.messages
          .filter((message) => message.type === 'resumed')
          .map((message) => ({ worker: worker.index, ...message })),
      );
    const bySweeper = () =>
      resumes().flatMap((resume) => (resume.by === 'sweeper' ? (resume.runIds ?? []) : []));
    // Two sweepers (or a sweeper and a webhook) reaching one run is no error: Mastra lets one resume it.
    expect(workers.flatMap((worker) => worker.messages.filter((m) => m.type === 'sweep-error'))).toEqual([]);
    const waitedOnDead = started.slice(40).filter((run) => run.status === 'suspended');
    expect(waitedOnDead.length).toBeGreaterThan(0);
    await expect.poll(() => waitedOnDead.filter((run) => !bySweeper().includes(run.runId))).toEqual([]);
    const byWebhook = resumes().filter((resume) => resume.by === 'webhook');
    const submitter = new Map(started.map((run, i) => [run.runId, Math.floor(i / RUNS_PER_WORKER)]));
    expect(byWebhook.length).toBeGreaterThan(0);
    for (const resume of byWebhook) expect(resume.worker).not.toBe(submitter.get(resume.runId ?? ''));

    // The emulator's own records: queries within the limit in any window, no 429, one charge per task.
    const queries = emu.requests.filter((request) => request.path.startsWith('/api/v1/tasks'));
    const peak = peakInWindow(queries, WINDOW_MS);
    console.info(`[workers] ${queries.length} queries, peak ${peak} in any ${WINDOW_MS} ms`);
    expect(queries.filter((request) => request.status === 429)).toEqual([]);
    expect(peak).toBeLessThanOrEqual(60);
    const charges = emu.ledger.entries(KEY).filter((entry) => entry.kind === 'charge');
    expect(charges.map((entry) => entry.taskId).sort()).toEqual(
      results.map((result) => result.taskId).sort(),
    );

    for (const worker of [w1, w2]) worker.send({ type: 'stop' });
    await Promise.all([w1, w2].map((worker) => new Promise((resolve) => worker.child.once('exit', resolve))));
    await mastra.shutdown();
    await storage.close();
  }, 180_000);
});
