// The workload every waiting strategy runs: N five-second t2v videos submitted together with one key,
// and what each strategy is handed to run it.
import { TIMINGS } from '@aivideomaker/emulator';
import type { Timing } from '../config.ts';

export const API_KEY = 'bench-key';
export const MODEL = 't2v';
export const INPUT = {
  prompt: 'A red fox running through fresh snow',
  aspectRatio: '16:9',
  duration: '5',
} as const;

/** How long one task of the workload takes at speed 1 (queued, then rendering), from the emulator's table. */
export const TASK_MS =
  TIMINGS[MODEL].queueMs + TIMINGS[MODEL].baseMs + TIMINGS[MODEL].perVideoSecondMs * Number(INPUT.duration);

export const STRATEGY_NAMES = ['naive', 'watcher', 'webhooks'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export const STRATEGY_LABELS: Record<StrategyName, string> = {
  naive: '(a) naive polling',
  watcher: '(b) core watcher',
  webhooks: '(c) core webhooks',
};

export interface StrategyContext {
  baseUrl: string;
  apiKey: string;
  tasks: number;
  timing: Timing;
  /** Aborted when the run's time budget is spent. */
  signal: AbortSignal;
  /** Call the moment the strategy holds a finished task (first call per task counts). */
  detected(taskId: string): void;
  /** Settles once every task has been detected (rejects when the budget is spent). */
  allDetected: Promise<void>;
}

export type Strategy = (context: StrategyContext) => Promise<void>;
