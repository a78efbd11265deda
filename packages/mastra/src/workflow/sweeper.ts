// Many workers on one store: a run suspended in its wait step belongs to no process, so any worker may
// resume it. The sweeper resumes those whose task has finished (a webhook that went to a dead worker, or
// never came) on a timer, and restarts runs a dead worker left running past submit. Every worker may run
// one at once: a sweep costs one list request, Mastra lets one resume claim a suspension, and a wait step
// run twice ends with the same task (it sends nothing paid).
import type { AIVideoMaker } from '@aivideomaker/core';
import { restartStaleVideoRuns, type StaleRunsOptions } from './recover';
import { resumeFinishedVideoRuns } from './webhook';

export interface VideoSweeperOptions extends StaleRunsOptions {
  client: AIVideoMaker;
  /** Time between sweeps (default 60 000 ms), with up to a fifth added at random so workers spread out. */
  intervalMs?: number;
  /** Gets the run ids each sweep resumed (or restarted). */
  onResumed?: (runIds: string[]) => void;
  /** Gets a sweep's failure (the next sweep runs anyway). */
  onError?: (error: unknown) => void;
}

export interface VideoSweeper {
  /** Sweeps now (or joins the sweep under way); resolves with the run ids it resumed or restarted. */
  sweep(): Promise<string[]>;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/** Starts sweeping at once, then every `intervalMs`. */
export function startVideoSweeper(options: VideoSweeperOptions): VideoSweeper {
  const { intervalMs = 60_000, onResumed, onError, staleAfterMs, ...runs } = options;
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) {
    throw new RangeError('intervalMs must be a finite number of milliseconds > 0');
  }
  let current: Promise<string[]> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const sweep = (): Promise<string[]> => {
    current ??= (async () => {
      const resumed = await resumeFinishedVideoRuns(runs);
      const restarted = await restartStaleVideoRuns({ ...runs, ...(staleAfterMs ? { staleAfterMs } : {}) });
      return [...resumed, ...restarted];
    })().finally(() => {
      current = undefined;
    });
    return current;
  };
  const tick = async () => {
    try {
      const resumed = await sweep();
      if (resumed.length > 0) onResumed?.(resumed);
    } catch (error) {
      onError?.(error);
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs * (1 + Math.random() / 5));
    timer.unref?.();
  };
  void tick();
  return {
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
