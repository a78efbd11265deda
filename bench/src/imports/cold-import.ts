// Cold import times, one fresh Node process per measurement, timing `await import()` inside it (Node's own
// start-up is left out). Per pair and round, one process imports the entry alone, and another imports the
// framework alone and then the entry: what the entry adds on top of a loaded framework is then measured in
// one process rather than as the difference of two noisy figures. Pairs are measured in interleaved rounds,
// so drift on this shared machine hits them alike, and medians are kept.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from '../stats.ts';

const run = promisify(execFile);
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
const PROBE = [
  'const times = [];',
  'for (const entry of process.argv.slice(1)) {',
  '  const started = performance.now();',
  '  await import(entry);',
  '  times.push(performance.now() - started);',
  '}',
  'process.stdout.write(JSON.stringify(times), () => process.exit(0));',
].join('\n');

/** Imports the entries one after the other in a fresh process; the time each import took, in ms. */
export async function importTimes(entries: string[]): Promise<number[]> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE, ...entries], {
    cwd: BENCH_DIR,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as number[];
}

export interface PairTimes {
  /** The entry imported alone. */
  entryMs: number;
  /** The framework imported alone. */
  frameworkMs: number;
  /** The entry imported right after its framework, in the same process. */
  addedMs: number;
}

export async function measurePairs(
  pairs: { entry: string; framework: string }[],
  runs: number,
): Promise<PairTimes[]> {
  const samples = pairs.map(() => ({
    entry: [] as number[],
    framework: [] as number[],
    added: [] as number[],
  }));
  for (let round = 0; round < runs; round++) {
    // Alternate the order so no pair always runs right after the same neighbour.
    const order = pairs.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const { entry, framework } = pairs[index] as { entry: string; framework: string };
      const sample = samples[index] as (typeof samples)[number];
      sample.entry.push(...(await importTimes([entry])));
      const [frameworkMs, addedMs] = (await importTimes([framework, entry])) as [number, number];
      sample.framework.push(frameworkMs);
      sample.added.push(addedMs);
    }
  }
  return samples.map((s) => ({
    entryMs: median(s.entry),
    frameworkMs: median(s.framework),
    addedMs: median(s.added),
  }));
}
