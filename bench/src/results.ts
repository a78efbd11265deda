// The shape of bench/results/latest.json: every figure of one run, with its configuration and machine.
import { cpus } from 'node:os';
import type { BenchConfig } from './config.ts';
import type { AdapterFootprint } from './footprint/measure.ts';
import type { ImportsResult } from './imports/index.ts';
import type { Target } from './targets.ts';
import type { ThroughputResult } from './throughput/index.ts';
import type { WaitingBenchmark } from './waiting/index.ts';
import type { WorkersBenchmark } from './workers/index.ts';

export interface Environment {
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
}

export interface BenchResults {
  generatedAt: string;
  durationMs: number;
  environment: Environment;
  config: BenchConfig;
  waiting: WaitingBenchmark;
  imports: ImportsResult;
  footprint: AdapterFootprint[];
  throughput: ThroughputResult;
  workers: WorkersBenchmark;
  targets: Target[];
}

export function describeEnvironment(): Environment {
  const cores = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
  };
}
