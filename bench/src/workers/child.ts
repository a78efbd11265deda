// One worker process of the workers benchmark: its own client (its own in-process limiter, or the
// shared Postgres one) submits its share of the tasks and waits for each, then prints when it is done. The key
// comes in the environment (AIVIDEOMAKER_API_KEY), never on the command line.
import { AIVideoMaker, isTerminalStatus } from '@aivideomaker/core';
import { createPostgresLimiter } from '@aivideomaker/limiter';
import { REAL, scaledTiming } from '../config.ts';
import type { WorkerSpec } from './index.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as WorkerSpec;
const timing = scaledTiming(spec.speed);
const shared = spec.connectionString
  ? await createPostgresLimiter({ connectionString: spec.connectionString, windowMs: timing.windowMs })
  : undefined;
const client = new AIVideoMaker({
  baseUrl: spec.baseUrl,
  rateLimit: shared ?? { limit: REAL.rateLimit, windowMs: timing.windowMs },
  maxRetries: 10,
});
// A job worker's usual wait: each job checks its own task's status every 5 s (scaled), through the client
// and so through its limiter, until the task has ended.
async function job(i: number): Promise<void> {
  const input = { prompt: `Worker ${spec.worker}, scene ${i}`, aspectRatio: '16:9', duration: '5' } as const;
  const { taskId } = await client.generate('t2v', input);
  for (;;) {
    const { status } = await client.tasks.status(taskId);
    if (isTerminalStatus(status)) return;
    await new Promise((resolve) => setTimeout(resolve, timing.naiveIntervalMs));
  }
}

const tasks = await Promise.allSettled(Array.from({ length: spec.tasks }, (_, i) => job(i)));
await shared?.close();
const completed = tasks.filter((task) => task.status === 'fulfilled').length;
process.stdout.write(`${JSON.stringify({ completed, finishedAt: Date.now() })}\n`, () => process.exit(0));
