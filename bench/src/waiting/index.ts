// Benchmark 1, waiting at scale: every strategy at every N, each run in a fresh process against a fresh
// emulator. Figures are reported at real speed: measured (compressed) times multiplied by the speed.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchConfig } from '../config.ts';
import { percentile, round } from '../stats.ts';
import type { QueryKinds, ScenarioOutcome, ScenarioSpec } from './scenario.ts';
import { STRATEGY_NAMES, type StrategyName, TASK_MS } from './workload.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export interface WaitingResult {
  strategy: StrategyName;
  tasks: number;
  /** Tasks whose completion the strategy saw within the run's time budget. */
  detected: number;
  queryRequests: number;
  queriesPerTask: number;
  /** Query requests by endpoint: GET /tasks (list), GET /tasks/{id} (get), GET /tasks/{id}/status. */
  queryKinds: QueryKinds;
  /** 429 answers the emulator gave. */
  rateLimited: number;
  /** Completion-detection latency at real speed; null when it falls on a task never detected. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** First submit to last detection (or to the end of the budget), at real speed. */
  wallMs: number;
  /** The same figures as measured, in compressed time. */
  measured: { latencyP50Ms: number | null; latencyP95Ms: number | null; wallMs: number; budgetMs: number };
  /** Webhook deliveries that got no 2xx in time (the emulator retries them). */
  webhookFailures: number;
}

function latency(outcome: ScenarioOutcome, p: number): number | null {
  const undetected = Array<number>(outcome.tasks - outcome.latenciesMs.length).fill(Number.POSITIVE_INFINITY);
  const value = percentile([...outcome.latenciesMs, ...undetected], p);
  return Number.isFinite(value) ? value : null;
}

function summarize(outcome: ScenarioOutcome): WaitingResult {
  const atSpeed = (ms: number | null) => (ms === null ? null : round(ms * outcome.speed, 0));
  const p50 = latency(outcome, 50);
  const p95 = latency(outcome, 95);
  return {
    strategy: outcome.strategy,
    tasks: outcome.tasks,
    detected: outcome.detected,
    queryRequests: outcome.queryRequests,
    queriesPerTask: round(outcome.queryRequests / outcome.tasks, 2),
    queryKinds: outcome.queryKinds,
    rateLimited: outcome.rateLimited,
    latencyP50Ms: atSpeed(p50),
    latencyP95Ms: atSpeed(p95),
    wallMs: round(outcome.wallMs * outcome.speed, 0),
    measured: {
      latencyP50Ms: p50,
      latencyP95Ms: p95,
      wallMs: outcome.wallMs,
      budgetMs: round(outcome.budgetMs, 0),
    },
    webhookFailures: outcome.webhookFailures,
  };
}

export async function runScenarioInChild(spec: ScenarioSpec): Promise<ScenarioOutcome> {
  const { stdout } = await run(process.execPath, [CHILD, JSON.stringify(spec)], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  return JSON.parse(stdout) as ScenarioOutcome;
}

export interface WaitingBenchmark {
  speed: number;
  workload: string;
  taskMsAtSpeed1: number;
  results: WaitingResult[];
}

export async function runWaiting(
  config: BenchConfig,
  onResult: (result: WaitingResult) => void = () => {},
): Promise<WaitingBenchmark> {
  const results: WaitingResult[] = [];
  for (const tasks of config.taskCounts) {
    for (const strategy of STRATEGY_NAMES) {
      const spec = { strategy, tasks, speed: config.speed, graceWindows: config.graceWindows };
      const result = summarize(await runScenarioInChild(spec));
      results.push(result);
      onResult(result);
    }
  }
  return {
    speed: config.speed,
    workload: `t2v, 5 s videos (${TASK_MS / 1000} s each at real speed), all submitted at once with one API key`,
    taskMsAtSpeed1: TASK_MS,
    results,
  };
}
