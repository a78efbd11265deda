// A vitest reporter that keeps the figures honest: only after a full run in which every test passed does
// it write results/latest.json and the root README's Reliability section. In CI (CI set) it writes only
// when a figure that does not vary between runs changed, so a CI run leaves the tree as it found it.
import { readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { reliabilitySection, replaceSection } from './readme';
import { aggregate, type Results, stableFigures, type TestFigures } from './results';

export default class FiguresReporter implements Reporter {
  #vitest: Vitest | undefined;
  #started = 0;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    this.#started = performance.now();
  }

  async onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: 'passed' | 'interrupted' | 'failed',
  ): Promise<void> {
    const vitest = this.#vitest;
    if (!vitest) return;
    const why = await this.#partial(vitest, modules);
    if (reason !== 'passed' || unhandledErrors.length > 0 || why) {
      vitest.logger.log(`reliability: figures not written (${why ?? 'not every test passed'})`);
      return;
    }
    const tests: TestFigures[] = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        name: test.fullName,
        figures: test.meta().reliability,
        leaks: test.meta().leaks ?? 0,
        knownWeakness: test.options.fails === true,
      })),
    );
    const results = aggregate(tests, performance.now() - this.#started);
    const root = vitest.config.root;
    const written = await writeFigures(results, `${root}/results/latest.json`, `${root}/../README.md`);
    vitest.logger.log(
      written
        ? 'reliability: wrote results/latest.json and the README Reliability section'
        : 'reliability: figures unchanged (CI), nothing written',
    );
  }

  /** Why this run does not stand for the whole suite, or undefined when it does. */
  async #partial(vitest: Vitest, modules: ReadonlyArray<TestModule>): Promise<string | undefined> {
    if (vitest.config.testNamePattern) return 'a test name filter was given';
    const files = new Set((await vitest.globTestSpecifications()).map((spec) => spec.moduleId));
    const ran = new Set(modules.map((module) => module.moduleId));
    if (files.size !== ran.size || [...files].some((file) => !ran.has(file)))
      return 'not every test file ran';
    const skipped = modules.some((module) =>
      [...module.children.allTests()].some((t) => t.result().state === 'skipped'),
    );
    return skipped ? 'some tests were skipped' : undefined;
  }
}

async function writeFigures(results: Results, resultsPath: string, readmePath: string): Promise<boolean> {
  if (process.env.CI) {
    const previous = await readFile(resultsPath, 'utf8').then(JSON.parse, () => undefined);
    if (previous && isDeepStrictEqual(stableFigures(previous), stableFigures(results))) return false;
  }
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const readme = await readFile(readmePath, 'utf8');
  await writeFile(readmePath, replaceSection(readme, reliabilitySection(results)));
  return true;
}
