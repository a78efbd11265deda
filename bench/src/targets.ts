// The targets, checked against this run's figures. A target that fails says so with its figure;
// one that could not be measured (an adapter not built, an N not in the run) says that instead.
import { formatKb, formatMs, formatPercent } from './format.ts';
import { ADAPTER_OVERHEAD_TARGET, type ImportsResult } from './imports/index.ts';
import type { WaitingBenchmark, WaitingResult } from './waiting/index.ts';
import { STRATEGY_LABELS, type StrategyName } from './waiting/workload.ts';

export interface Target {
  id: string;
  description: string;
  /** null: not measured in this run. */
  holds: boolean | null;
  figure: string;
}

const WEBHOOK_P95_TARGET_MS = 250;
const WATCHER_QUERIES_TARGET = 1;

function noRateLimits(waiting: WaitingBenchmark, strategy: StrategyName): Target {
  const runs = waiting.results.filter((r) => r.strategy === strategy);
  const limited = runs.filter((r) => r.rateLimited > 0);
  return {
    id: `waiting.${strategy}.no-429`,
    description: `${STRATEGY_LABELS[strategy]}: zero 429 responses at every N`,
    holds: limited.length === 0,
    figure:
      limited.length === 0
        ? `0 at N = ${runs.map((r) => r.tasks).join(', ')}`
        : limited.map((r) => `${r.rateLimited} at N = ${r.tasks}`).join('; '),
  };
}

function watcherQueries(waiting: WaitingBenchmark): Target {
  const run = waiting.results.find((r) => r.strategy === 'watcher' && r.tasks === 50);
  return {
    id: 'waiting.watcher.queries-at-50',
    description: `${STRATEGY_LABELS.watcher}: at most ${WATCHER_QUERIES_TARGET} query request per task at N = 50`,
    holds: run ? run.queriesPerTask <= WATCHER_QUERIES_TARGET : null,
    figure: run
      ? `${run.queriesPerTask} per task (${describeKinds(run)} for 50 tasks)`
      : 'not measured (N = 50 not in this run)',
  };
}

function describeKinds(run: WaitingResult): string {
  const { list, get, status } = run.queryKinds;
  return `${run.queryRequests} queries: ${list} list, ${get} get, ${status} status`;
}

function describeP95(run: WaitingResult): string {
  const p95 = run.latencyP95Ms;
  if (p95 === null) {
    return `N = ${run.tasks}: ${run.tasks - run.detected} of ${run.tasks} not detected in ${formatMs(run.wallMs)}`;
  }
  if (p95 <= WEBHOOK_P95_TARGET_MS) return `N = ${run.tasks}: ${formatMs(p95)}`;
  const failures = run.webhookFailures > 0 ? `, ${run.webhookFailures} failed deliveries` : '';
  const over = `${formatMs(p95 - WEBHOOK_P95_TARGET_MS)} over, ${(p95 / WEBHOOK_P95_TARGET_MS).toFixed(1)}x the target`;
  return `N = ${run.tasks}: ${formatMs(p95)} (${over}; ${describeKinds(run)}${failures})`;
}

function webhookLatency(waiting: WaitingBenchmark): Target {
  const runs = waiting.results.filter((r) => r.strategy === 'webhooks');
  return {
    id: 'waiting.webhooks.p95',
    description: `${STRATEGY_LABELS.webhooks}: completion detected within ${WEBHOOK_P95_TARGET_MS} ms at p95`,
    holds: runs.every((r) => r.latencyP95Ms !== null && r.latencyP95Ms <= WEBHOOK_P95_TARGET_MS),
    figure: runs.map(describeP95).join('; '),
  };
}

function coreSize(imports: ImportsResult): Target {
  const { withoutZod, targetBytes } = imports.coreSize;
  return {
    id: 'imports.core-size',
    description: `core's main entry under ${formatKb(targetBytes)} min+gzip without zod`,
    holds: withoutZod.gzipBytes < targetBytes,
    figure: formatKb(withoutZod.gzipBytes),
  };
}

function adapterOverheads(imports: ImportsResult): Target[] {
  return imports.comparisons
    .filter((c) => c.isAdapter)
    .map((c) => ({
      id: `imports.overhead.${c.entry.split('/')[1]}`,
      description: `${c.entry} adds under ${ADAPTER_OVERHEAD_TARGET * 100}% to importing ${c.framework}`,
      holds: c.added === undefined ? null : c.added < ADAPTER_OVERHEAD_TARGET,
      figure:
        c.added === undefined
          ? (c.skipped ?? 'not measured')
          : `${formatPercent(c.added)}: ${formatMs(c.addedMs)} on top of ${formatMs(c.frameworkMs)} (alone: ${formatMs(c.entryMs)}, ratio ${c.ratio}x)`,
    }));
}

export function checkTargets(waiting: WaitingBenchmark, imports: ImportsResult): Target[] {
  return [
    noRateLimits(waiting, 'watcher'),
    noRateLimits(waiting, 'webhooks'),
    watcherQueries(waiting),
    webhookLatency(waiting),
    coreSize(imports),
    ...adapterOverheads(imports),
  ];
}
