// Markdown tables of every benchmark: printed as each one finishes and gathered in the README section.
import type { AdapterFootprint } from './footprint/measure.ts';
import { formatKb, formatMs, formatPercent, markdownTable } from './format.ts';
import type { ImportsResult } from './imports/index.ts';
import type { Target } from './targets.ts';
import type { ThroughputResult } from './throughput/index.ts';
import type { WaitingBenchmark, WaitingResult } from './waiting/index.ts';
import { STRATEGY_LABELS } from './waiting/workload.ts';
import type { WorkersBenchmark, WorkersResult } from './workers/index.ts';

const latencyCell = (ms: number | null) => (ms === null ? 'not detected' : formatMs(ms));

export function waitingRow(r: WaitingResult): (string | number)[] {
  const { list, get, status } = r.queryKinds;
  return [
    STRATEGY_LABELS[r.strategy],
    r.tasks,
    `${r.detected}/${r.tasks}`,
    r.queriesPerTask,
    `${list} / ${get} / ${status}`,
    r.rateLimited,
    latencyCell(r.latencyP50Ms),
    latencyCell(r.latencyP95Ms),
    formatMs(r.wallMs),
    r.webhookFailures,
  ];
}

export function waitingTable(waiting: WaitingBenchmark): string {
  return markdownTable(
    [
      'Strategy',
      'N',
      'Detected',
      'Queries/task',
      'list / get / status',
      '429s',
      'Latency p50',
      'Latency p95',
      'Wall time',
      'Failed webhook deliveries',
    ],
    waiting.results.map(waitingRow),
  );
}

export function importsTable(imports: ImportsResult): string {
  const comparisons = markdownTable(
    ['Entry', 'Alone', 'Baseline', 'Baseline alone', 'Ratio', 'Added after baseline'],
    imports.comparisons.map((c) =>
      c.skipped
        ? [`\`${c.entry}\``, c.skipped, `\`${c.framework}\``, '', '', '']
        : [
            `\`${c.entry}\``,
            formatMs(c.entryMs),
            `\`${c.framework}\``,
            formatMs(c.frameworkMs),
            `${c.ratio}x`,
            `${formatMs(c.addedMs)} (${formatPercent(c.added ?? 0)})`,
          ],
    ),
  );
  const { withZod, withoutZod } = imports.coreSize;
  const sizes = markdownTable(
    ["core's main entry", 'Minified', 'min+gzip'],
    [
      ['with zod bundled', formatKb(withZod.minBytes), formatKb(withZod.gzipBytes)],
      ['zod left external', formatKb(withoutZod.minBytes), formatKb(withoutZod.gzipBytes)],
    ],
  );
  return `${comparisons}\n\n${sizes}`;
}

export function footprintTable(footprint: AdapterFootprint[]): string {
  const measured = footprint.filter((f) => f.tools.length > 0);
  const notes = footprint
    .filter((f) => f.tools.length === 0)
    .map((f) => `- ${f.adapter}: ${f.skipped ?? f.error ?? 'no tools were sent'}`);
  if (measured.length === 0) return notes.join('\n');
  const names = [...new Set(measured.flatMap((f) => f.tools.map((t) => t.name)))];
  const cell = (chars: number | undefined) =>
    chars === undefined ? '-' : `${chars} (~${Math.ceil(chars / 4)})`;
  const rows = names.map((name) => [
    `\`${name}\``,
    ...measured.map((f) => cell(f.tools.find((t) => t.name === name)?.chars)),
  ]);
  rows.push(['**Total**', ...measured.map((f) => `**${f.totalChars} (~${f.approxTokens})**`)]);
  const table = markdownTable(['Tool', ...measured.map((f) => `${f.adapter}: chars (~tokens)`)], rows);
  return notes.length > 0 ? `${table}\n\n${notes.join('\n')}` : table;
}

export function throughputTable(t: ThroughputResult): string {
  return markdownTable(
    ['Connections', 'Measured for', 'Status queries/s', 'Latency p50', 'Latency p99', 'Errors'],
    [
      [
        t.connections,
        formatMs(t.durationMs),
        t.requestsPerSecond,
        `${t.latencyP50Ms} ms`,
        `${t.latencyP99Ms} ms`,
        t.errors,
      ],
    ],
  );
}

export function targetsTable(targets: Target[]): string {
  const verdict = (holds: boolean | null) =>
    holds === null ? 'not measured' : holds ? 'holds' : '**FAILS**';
  return markdownTable(
    ['Target', 'Result', 'Figure'],
    targets.map((t) => [t.description, verdict(t.holds), t.figure]),
  );
}

const LIMITER_LABELS = { 'per-process': 'one per process (core default)', shared: 'shared (Postgres)' };

export function workersRow(r: WorkersResult): (string | number)[] {
  const charges = r.doubleCharges > 0 ? `${r.charges} (${r.doubleCharges} twice)` : `${r.charges}`;
  return [
    LIMITER_LABELS[r.limiter],
    `${r.completed}/${r.tasks}`,
    r.queries,
    r.rateLimited,
    r.peakPerMinute,
    formatMs(r.wallMs),
    charges,
  ];
}

export function workersTable(workers: WorkersBenchmark): string {
  return markdownTable(
    ['Limiter', 'Completed', 'Queries', '429s', 'Peak queries in any minute', 'Wall time', 'Charges'],
    workers.results.map(workersRow),
  );
}
