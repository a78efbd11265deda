// Strategy (b): core's shared watcher. Every task is submitted and awaited on one client (`client.run` is
// generate + tasks.wait), with the client's rate limit and polling intervals compressed like the emulator.
import { AIVideoMaker } from '@aivideomaker/core';
import type { StrategyContext } from './workload.ts';
import { INPUT, MODEL, type Strategy } from './workload.ts';

export function benchClient(context: StrategyContext): AIVideoMaker {
  const { timing } = context;
  return new AIVideoMaker({
    apiKey: context.apiKey,
    baseUrl: context.baseUrl,
    rateLimit: { limit: 60, windowMs: timing.windowMs },
    poll: { minIntervalMs: timing.pollMinMs, maxIntervalMs: timing.pollMaxMs },
  });
}

export const sharedWatcher: Strategy = async (context) => {
  const client = benchClient(context);
  await Promise.all(
    Array.from({ length: context.tasks }, async () => {
      const task = await client.run(MODEL, INPUT, { signal: context.signal });
      context.detected(task.id);
    }),
  );
};
