// Benchmark 2, the cost of importing us: each entry's cold import time next to its framework's alone (the
// ratio is what matters on a noisy shared machine), and core's min+gzip size with and without zod.
import { ADAPTERS, notBuiltReason } from '../adapters.ts';
import type { BenchConfig } from '../config.ts';
import { round } from '../stats.ts';
import { type BundleSize, coreBundleSizes } from './bundle-size.ts';
import { measurePairs, type PairTimes } from './cold-import.ts';

export const CORE_SIZE_TARGET_BYTES = 15_000;
export const ADAPTER_OVERHEAD_TARGET = 0.1;

export interface ImportComparison {
  entry: string;
  framework: string;
  /** Set when the entry was not measured (an adapter not built yet). */
  skipped?: string;
  /** Median cold import of the entry alone, and of its framework alone. */
  entryMs?: number;
  frameworkMs?: number;
  /** entryMs / frameworkMs. */
  ratio?: number;
  /** Median time to import the entry right after its framework, in the same process. */
  addedMs?: number;
  /** addedMs / frameworkMs: what the entry adds to its framework's import time (the target's figure). */
  added?: number;
  isAdapter: boolean;
}

export interface ImportsResult {
  runs: number;
  comparisons: ImportComparison[];
  coreSize: { withZod: BundleSize; withoutZod: BundleSize; targetBytes: number };
}

const CORE_ENTRIES = [
  { entry: '@aivideomaker/core', framework: 'zod' },
  { entry: '@aivideomaker/core/tools', framework: 'zod' },
];

export async function runImports(config: BenchConfig): Promise<ImportsResult> {
  const pairs: ImportComparison[] = CORE_ENTRIES.map((pair) => ({ ...pair, isAdapter: false }));
  for (const adapter of ADAPTERS) {
    const skipped = await notBuiltReason(adapter.entry);
    pairs.push({
      entry: adapter.entry,
      framework: adapter.framework,
      isAdapter: true,
      ...(skipped && { skipped }),
    });
  }
  const measured = pairs.filter((pair) => !pair.skipped);
  const times = await measurePairs(measured, config.importRuns);
  measured.forEach((pair, index) => {
    const { entryMs, frameworkMs, addedMs } = times[index] as PairTimes;
    Object.assign(pair, {
      entryMs: round(entryMs),
      frameworkMs: round(frameworkMs),
      ratio: round(entryMs / frameworkMs, 3),
      addedMs: round(addedMs),
      added: round(addedMs / frameworkMs, 3),
    });
  });
  const sizes = await coreBundleSizes();
  return {
    runs: config.importRuns,
    comparisons: pairs,
    coreSize: { ...sizes, targetBytes: CORE_SIZE_TARGET_BYTES },
  };
}
