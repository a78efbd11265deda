// `pnpm bench`: runs every benchmark, prints a table per benchmark, writes bench/results/latest.json and
// rewrites the "Performance" section of the root README. `--quick` runs the smoke configuration and
// writes nothing (a check that the harness works).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './bench.ts';
import { FULL_CONFIG, SMOKE_CONFIG } from './config.ts';
import { performanceSection, updateReadme } from './readme.ts';

const RESULTS = fileURLToPath(new URL('../results/latest.json', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

const quick = process.argv.includes('--quick');
const results = await runBench(quick ? SMOKE_CONFIG : FULL_CONFIG, (text) => console.log(text));
console.log(`\nDone in ${(results.durationMs / 1000).toFixed(0)} s.`);
if (!quick) {
  await mkdir(dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  await updateReadme(README, performanceSection(results));
  console.log(`Wrote ${RESULTS} and the Performance section of ${README}.`);
}
// Adapters' frameworks may keep handles open (telemetry, stores): the bench is done, so leave.
process.exit(0);
