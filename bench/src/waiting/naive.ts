// Strategy (a), written plainly the way typical skills and SDKs wait: one loop per task that polls its
// status URL every 5 s (scaled), sleeps for the Retry-After of a 429 and tries again, then fetches the
// finished task. The emulator's `retry-after-ms` is its Retry-After in compressed time (its whole-second
// `Retry-After` cannot go below 1 s, which would not be scaled).
import { setTimeout as sleep } from 'node:timers/promises';
import { INPUT, MODEL, type Strategy, type StrategyContext } from './workload.ts';

async function send(
  context: StrategyContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  for (;;) {
    const response = await fetch(`${context.baseUrl}${path}`, {
      method,
      headers: { key: context.apiKey, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: context.signal,
    });
    if (response.status === 429) {
      const waitMs = Number(
        response.headers.get('retry-after-ms') ?? Number(response.headers.get('retry-after')) * 1000,
      );
      await response.body?.cancel();
      await sleep(waitMs, undefined, { signal: context.signal });
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
}

async function pollUntilDone(context: StrategyContext, taskId: string): Promise<unknown> {
  for (;;) {
    await sleep(context.timing.naiveIntervalMs, undefined, { signal: context.signal });
    const { status } = (await send(context, 'GET', `/api/v1/tasks/${taskId}/status`)) as { status: string };
    if (status === 'COMPLETED') return send(context, 'GET', `/api/v1/tasks/${taskId}`);
    if (status === 'FAILED' || status === 'CANCEL') throw new Error(`Task ${taskId} ended ${status}`);
  }
}

export const naivePolling: Strategy = async (context) => {
  await Promise.all(
    Array.from({ length: context.tasks }, async () => {
      const { taskId } = (await send(context, 'POST', `/api/v1/generate/${MODEL}`, INPUT)) as {
        taskId: string;
      };
      await pollUntilDone(context, taskId);
      context.detected(taskId);
    }),
  );
};
