// One waiting run: a fresh emulator (so no rate-limit window carries over), one strategy, N tasks, a time
// budget. Emulator and client share this process and so one clock: a task's latency is the moment the
// strategy held it minus the emulator's `completedAt` for it, both read from Date.now().
import { startEmulator } from '@aivideomaker/emulator';
import { REAL, scaledTiming } from '../config.ts';
import { naivePolling } from './naive.ts';
import { sharedWatcher } from './watcher.ts';
import { webhooks } from './webhooks.ts';
import { API_KEY, type Strategy, type StrategyName, TASK_MS } from './workload.ts';

export interface ScenarioSpec {
  strategy: StrategyName;
  tasks: number;
  speed: number;
  graceWindows: number;
}

/** Raw figures of one run, in compressed (measured) milliseconds. */
export interface ScenarioOutcome extends ScenarioSpec {
  detected: number;
  /** GET requests to the task query endpoints (list, get, status), 429s included. */
  queryRequests: number;
  /** The same requests by endpoint. */
  queryKinds: QueryKinds;
  rateLimited: number;
  /** One per detected task. */
  latenciesMs: number[];
  /** First submit to last detection, or to the end of the budget when some task was never detected. */
  wallMs: number;
  budgetMs: number;
  /** Webhook delivery attempts that got no 2xx in time (the emulator retries them). */
  webhookFailures: number;
}

export interface QueryKinds {
  list: number;
  get: number;
  status: number;
}

function queryKinds(paths: string[]): QueryKinds {
  const list = paths.filter((path) => path === '/api/v1/tasks').length;
  const status = paths.filter((path) => path.endsWith('/status')).length;
  return { list, get: paths.length - list - status, status };
}

const STRATEGIES: Record<StrategyName, Strategy> = {
  naive: naivePolling,
  watcher: sharedWatcher,
  webhooks,
};

export async function runScenario(spec: ScenarioSpec): Promise<ScenarioOutcome> {
  const timing = scaledTiming(spec.speed);
  const emu = await startEmulator({ speed: spec.speed, apiKeys: [API_KEY], credits: 1_000_000, quiet: true });
  const budgetMs = (TASK_MS + spec.graceWindows * REAL.windowMs) / spec.speed;
  const controller = new AbortController();
  const budget = setTimeout(() => controller.abort(new Error('time budget spent')), budgetMs);
  const detectedAt = new Map<string, number>();
  let resolve = () => {};
  const allDetected = new Promise<void>((done, fail) => {
    resolve = done;
    controller.signal.addEventListener('abort', () => fail(controller.signal.reason), { once: true });
  });
  allDetected.catch(() => {}); // only the webhook strategy awaits it
  const started = Date.now();
  try {
    await STRATEGIES[spec.strategy]({
      baseUrl: emu.url,
      apiKey: API_KEY,
      tasks: spec.tasks,
      timing,
      signal: controller.signal,
      allDetected,
      detected: (taskId) => {
        if (!detectedAt.has(taskId)) detectedAt.set(taskId, Date.now());
        if (detectedAt.size === spec.tasks) resolve();
      },
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(budget);
  }
  const complete = detectedAt.size === spec.tasks;
  const latenciesMs = emu
    .tasks(API_KEY)
    .filter((task) => detectedAt.has(task.id) && task.completedAt !== null)
    .map((task) => (detectedAt.get(task.id) as number) - Date.parse(task.completedAt as string));
  const queries = emu.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/tasks'));
  const outcome: ScenarioOutcome = {
    ...spec,
    detected: detectedAt.size,
    queryRequests: queries.length,
    queryKinds: queryKinds(queries.map((r) => r.path)),
    rateLimited: queries.filter((r) => r.status === 429).length,
    latenciesMs,
    wallMs: (complete ? Math.max(...detectedAt.values()) : Date.now()) - started,
    budgetMs,
    webhookFailures: emu.webhooks.filter((d) => d.status === undefined || d.status >= 300).length,
  };
  await emu.close();
  return outcome;
}
