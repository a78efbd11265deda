// The figures one test contributes: its area and counts. Tests put them in vitest's task meta; the
// reporter (reporter.ts) sums them per area into results/latest.json and the README table.

export const AREAS = [
  'Fault matrix',
  'Bad input',
  'Secrets',
  'Abort and shutdown',
  'Webhooks',
  'Agent guardrails',
  'Redirects',
  'Webhook floods',
  'Destination safety',
  'Hostile server answers',
  'Aborts against budgets',
  'Load',
  'Emulator limits',
] as const;
export type Area = (typeof AREAS)[number];

export interface LoadFigures {
  tasks: number;
  completed: number;
  status429: number;
  /** GET requests the watcher sent (list, status, get). */
  queries: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  heapPeakMb: number;
  durationMs: number;
}

export interface CaseFigures {
  area: Area;
  /** Calls, inputs or deliveries this test ran and checked. */
  cases: number;
  /** Cases that ran against an injected fault and still ended as documented. */
  faults: number;
  /** Tasks created twice for one call, or credits charged or refunded twice. */
  duplicates: number;
  /** Requests that reached the emulator when none should have. */
  strayRequests: number;
  /** Outputs screened for the sentinel key, and how many held it. */
  secretChecks: number;
  secretHits: number;
  /** The slowest time from abort() to the rejection, ms. */
  slowestAbortMs: number;
  /** Waits checked against their timeout, and those that outlived it. */
  waits: number;
  lateWaits: number;
  /** Things a forged, replayed, malformed or wrong-token webhook changed (onTask calls, settled waits). */
  webhookEffects: number;
  /** Credits spent beyond a tool set's budget. */
  overspent: number;
  /** Requests that carried the key to another origin (after a redirect). */
  keyOffOrigin: number;
  /** Forged webhook hints sent, and the confirmation requests they caused beyond the fixed share. */
  floodHints: number;
  overShare: number;
  /** Files replaced, written through a link or outside the folder given, or paid for before a refusal. */
  unsafeWrites: number;
  /** Hostile answers (unsafe ids, another task, redirects, nonsense Retry-After) taken as valid. */
  hostileAccepted: number;
  /** Emulator answers that were not the documented one: a 500, a reset, a hang, another key's answer changed. */
  emulatorBreaks: number;
  load?: LoadFigures;
}

export type Counts = Partial<Omit<CaseFigures, 'area'>>;

export function emptyFigures(area: Area): CaseFigures {
  return {
    area,
    cases: 0,
    faults: 0,
    duplicates: 0,
    strayRequests: 0,
    secretChecks: 0,
    secretHits: 0,
    slowestAbortMs: 0,
    waits: 0,
    lateWaits: 0,
    webhookEffects: 0,
    overspent: 0,
    keyOffOrigin: 0,
    floodHints: 0,
    overShare: 0,
    unsafeWrites: 0,
    hostileAccepted: 0,
    emulatorBreaks: 0,
  };
}

/** Adds `counts` to `figures`: numbers add up, slowestAbortMs keeps the maximum, load replaces. */
export function addCounts(figures: CaseFigures, counts: Counts): void {
  for (const [name, value] of Object.entries(counts) as [keyof Counts, unknown][]) {
    if (name === 'load') figures.load = value as LoadFigures;
    else if (name === 'slowestAbortMs')
      figures.slowestAbortMs = Math.max(figures.slowestAbortMs, value as number);
    else figures[name] += value as number;
  }
}
