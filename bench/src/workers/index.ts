// Benchmark 5, many workers behind one address: P processes x T tasks (generate, then the task's status
// every 5 s through the client, as a job worker checks its job) against one emulator with the API's 60
// queries a minute per IP, once with a limiter per process (core's default) and once with
// @aivideomaker/limiter shared through Postgres (a throwaway cluster). Counted from what the emulator
// saw: 429s, the peak of queries in any sliding minute (429s included), wall time, charges per task.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator } from '@aivideomaker/emulator';
import { peakInWindow } from '@aivideomaker/test-support';
import { startPostgres } from '../../../scripts/postgres.ts';
import type { BenchConfig } from '../config.ts';
import { REAL } from '../config.ts';
import { round } from '../stats.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const API_KEY = 'bench-workers-key';

export interface WorkerSpec {
  worker: number;
  baseUrl: string;
  tasks: number;
  speed: number;
  /** Set: the shared limiter on this database; unset: the client's own limiter. */
  connectionString?: string;
}

export type LimiterMode = 'per-process' | 'shared';

export interface WorkersResult {
  limiter: LimiterMode;
  processes: number;
  tasks: number;
  completed: number;
  queries: number;
  rateLimited: number;
  /** Most queries the emulator received within any 60 s (sliding), at real speed. */
  peakPerMinute: number;
  /** First submit to the last process done, at real speed. */
  wallMs: number;
  charges: number;
  /** Tasks charged more than once. */
  doubleCharges: number;
}

export interface WorkersBenchmark {
  speed: number;
  results: WorkersResult[];
}

async function runMode(config: BenchConfig, limiter: LimiterMode, database?: string): Promise<WorkersResult> {
  const { processes, tasksPerProcess } = config.workers;
  const speed = config.speed;
  const emu = await startEmulator({ speed, apiKeys: [API_KEY], credits: 1_000_000, quiet: true });
  try {
    const outcomes = await Promise.all(
      Array.from({ length: processes }, async (_, worker) => {
        const spec: WorkerSpec = { worker, baseUrl: emu.url, tasks: tasksPerProcess, speed };
        if (database) spec.connectionString = database;
        const { stdout } = await run(process.execPath, [CHILD, JSON.stringify(spec)], {
          env: { ...process.env, AIVIDEOMAKER_API_KEY: API_KEY },
          timeout: 10 * 60_000,
        });
        return JSON.parse(stdout) as { completed: number; finishedAt: number };
      }),
    );
    // From the first submit: process start-up is not the limiter's doing.
    const started = Math.min(...emu.requests.filter((r) => r.method === 'POST').map((r) => r.at));
    const queries = emu.requests.filter((request) => request.path.startsWith('/api/v1/tasks'));
    const charged = emu.ledger.entries(API_KEY).filter((entry) => entry.kind === 'charge');
    const perTask = new Map<string, number>();
    for (const entry of charged) perTask.set(entry.taskId, (perTask.get(entry.taskId) ?? 0) + 1);
    return {
      limiter,
      processes,
      tasks: processes * tasksPerProcess,
      completed: outcomes.reduce((sum, outcome) => sum + outcome.completed, 0),
      queries: queries.length,
      rateLimited: queries.filter((request) => request.status === 429).length,
      peakPerMinute: peakInWindow(queries, REAL.windowMs / speed),
      wallMs: round((Math.max(...outcomes.map((outcome) => outcome.finishedAt)) - started) * speed, 0),
      charges: charged.length,
      doubleCharges: [...perTask.values()].filter((count) => count > 1).length,
    };
  } finally {
    await emu.close();
  }
}

export async function runWorkers(
  config: BenchConfig,
  onResult: (result: WorkersResult) => void = () => {},
): Promise<WorkersBenchmark> {
  const pg = await startPostgres();
  try {
    const results: WorkersResult[] = [];
    for (const mode of ['per-process', 'shared'] as const) {
      const database = mode === 'shared' ? pg.createDatabase('bench_workers') : undefined;
      const result = await runMode(config, mode, database);
      results.push(result);
      onResult(result);
    }
    return { speed: config.speed, results };
  } finally {
    pg.stop();
  }
}
