// Runs the five benchmarks in order and gathers every figure; `log` gets each benchmark's table as soon as
// it is done.
import type { BenchConfig } from './config.ts';
import { runFootprint } from './footprint/index.ts';
import { runImports } from './imports/index.ts';
import {
  footprintTable,
  importsTable,
  targetsTable,
  throughputTable,
  waitingRow,
  workersRow,
} from './report.ts';
import { type BenchResults, describeEnvironment } from './results.ts';
import { checkTargets } from './targets.ts';
import { runThroughput } from './throughput/index.ts';
import { runWaiting } from './waiting/index.ts';
import { runWorkers } from './workers/index.ts';

export async function runBench(
  config: BenchConfig,
  log: (text: string) => void = () => {},
): Promise<BenchResults> {
  const started = Date.now();
  log(`\n## 1. Waiting at scale (speed ${config.speed}, figures at real speed)\n`);
  log(
    'Strategy | N | Detected | Queries/task | list / get / status | 429s | p50 | p95 | Wall | Failed webhooks',
  );
  const waiting = await runWaiting(config, (result) => log(waitingRow(result).join(' | ')));
  log('\n## 2. Cost of importing\n');
  const imports = await runImports(config);
  log(importsTable(imports));
  log('\n## 3. Tool footprint\n');
  const footprint = await runFootprint();
  log(footprintTable(footprint));
  log('\n## 4. Emulator throughput\n');
  const throughput = await runThroughput(config);
  log(throughputTable(throughput));
  const { processes, tasksPerProcess } = config.workers;
  log(`\n## 5. Many workers (${processes} processes x ${tasksPerProcess} tasks, speed ${config.speed})\n`);
  log(`Limiter | Completed | Queries | 429s | Peak queries/min | Wall | Charges`);
  const workers = await runWorkers(config, (result) => log(workersRow(result).join(' | ')));
  const targets = checkTargets(waiting, imports);
  log('\n## Targets\n');
  log(targetsTable(targets));
  return {
    generatedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    environment: describeEnvironment(),
    config,
    waiting,
    imports,
    footprint,
    throughput,
    workers,
    targets,
  };
}
