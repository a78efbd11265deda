// What one bench run measures and how hard: the full run behind `pnpm bench`, and a tiny one for the smoke
// test. Waiting uses the API's real figures, compressed by `speed`: the emulator divides task durations and
// the rate-limit window by it, and every client-side interval below is divided by the same factor.
export interface BenchConfig {
  /** Time compression of the waiting benchmark (emulator lifecycle, rate-limit window, client intervals). */
  speed: number;
  /** Tasks submitted together in each waiting run. */
  taskCounts: number[];
  /** A waiting run stops this many rate-limit windows after its tasks' own duration, detected or not. */
  graceWindows: number;
  /** Fresh Node processes per import measurement (the median is reported). */
  importRuns: number;
  throughput: { connections: number; warmupMs: number; durationMs: number };
  /** Many workers behind one address: processes x tasks each, per-process vs shared limiter. */
  workers: { processes: number; tasksPerProcess: number };
}

export const FULL_CONFIG: BenchConfig = {
  speed: 20,
  taskCounts: [1, 10, 50, 200],
  graceWindows: 8,
  importRuns: 10,
  throughput: { connections: 8, warmupMs: 500, durationMs: 3_000 },
  workers: { processes: 4, tasksPerProcess: 50 },
};

export const SMOKE_CONFIG: BenchConfig = {
  speed: 200,
  taskCounts: [1, 3],
  graceWindows: 3,
  importRuns: 1,
  throughput: { connections: 2, warmupMs: 50, durationMs: 200 },
  workers: { processes: 2, tasksPerProcess: 3 },
};

/** The real API's figures and what typical clients do, at speed 1. */
export const REAL = {
  rateLimit: 60,
  windowMs: 60_000,
  /** The naive strategy's polling interval (what typical skills and SDKs use). */
  naiveIntervalMs: 5_000,
  /** core's default watcher intervals. */
  pollMinMs: 2_000,
  pollMaxMs: 15_000,
} as const;

/** The figures above at a given speed. */
export interface Timing {
  speed: number;
  windowMs: number;
  naiveIntervalMs: number;
  pollMinMs: number;
  pollMaxMs: number;
}

export function scaledTiming(speed: number): Timing {
  return {
    speed,
    windowMs: REAL.windowMs / speed,
    naiveIntervalMs: REAL.naiveIntervalMs / speed,
    pollMinMs: REAL.pollMinMs / speed,
    pollMaxMs: REAL.pollMaxMs / speed,
  };
}
