// The bench harness on tiny N with a short budget: every benchmark runs and reports every figure in the
// shape bench/results/latest.json holds. No timing is asserted (this machine is shared).
import { describe, expect, it } from 'vitest';
import { runBench } from '../src/bench.ts';
import { SMOKE_CONFIG } from '../src/config.ts';
import { END_MARKER, performanceSection, replaceSection, START_MARKER } from '../src/readme.ts';
import type { BenchResults } from '../src/results.ts';
import { STRATEGY_NAMES } from '../src/waiting/workload.ts';

describe('bench harness', () => {
  let results: BenchResults;

  it('runs all five benchmarks on tiny N', { timeout: 120_000 }, async () => {
    results = JSON.parse(JSON.stringify(await runBench(SMOKE_CONFIG))) as BenchResults;
    expect(results.config).toEqual(SMOKE_CONFIG);
    expect(results.environment.cpus).toBeGreaterThan(0);
  });

  it('reports waiting figures per N and strategy, counted from what the emulator received', () => {
    const { results: runs, speed } = results.waiting;
    expect(speed).toBe(SMOKE_CONFIG.speed);
    expect(runs.map((r) => [r.tasks, r.strategy])).toEqual(
      SMOKE_CONFIG.taskCounts.flatMap((n) => STRATEGY_NAMES.map((s) => [n, s])),
    );
    for (const run of runs) {
      const { list, get, status } = run.queryKinds;
      expect(run.queryRequests).toBe(list + get + status);
      expect(run.queriesPerTask).toBeCloseTo(run.queryRequests / run.tasks, 2);
      expect(run.detected).toBeLessThanOrEqual(run.tasks);
      expect(run.wallMs).toBeGreaterThan(0);
      for (const key of ['latencyP50Ms', 'latencyP95Ms'] as const) {
        expect(run[key] === null || typeof run[key] === 'number').toBe(true);
      }
    }
    // Webhooks never poll status: their only queries are the handler's confirmations (one GET, or one
    // list for several hints at once).
    for (const run of runs.filter((r) => r.strategy === 'webhooks')) {
      expect(run.queryKinds.status).toBe(0);
    }
    // The naive strategy polls each task's status URL itself.
    for (const run of runs.filter((r) => r.strategy === 'naive'))
      expect(run.queryKinds.status).toBeGreaterThan(0);
  });

  it('compares import times with their frameworks and sizes core with and without zod', () => {
    const { comparisons, coreSize } = results.imports;
    const core = comparisons.find((c) => c.entry === '@aivideomaker/core');
    expect(core).toMatchObject({
      framework: 'zod',
      entryMs: expect.any(Number),
      frameworkMs: expect.any(Number),
    });
    for (const c of comparisons.filter((c) => !c.skipped)) {
      expect(c.ratio).toBeCloseTo((c.entryMs as number) / (c.frameworkMs as number), 1);
    }
    expect(comparisons.filter((c) => c.isAdapter).map((c) => c.entry)).toEqual([
      '@aivideomaker/ai-sdk',
      '@aivideomaker/langchain',
      '@aivideomaker/mastra',
    ]);
    expect(coreSize.withoutZod.gzipBytes).toBeLessThan(coreSize.withZod.gzipBytes);
    expect(coreSize.withoutZod.gzipBytes).toBeLessThan(coreSize.withoutZod.minBytes);
  });

  it('measures the tool definitions each built adapter sends, or says why not', () => {
    expect(results.footprint.map((f) => f.adapter)).toEqual(['ai-sdk', 'langchain', 'mastra', 'mcp']);
    for (const footprint of results.footprint) {
      expect(footprint.error).toBeUndefined();
      if (footprint.skipped) {
        expect(footprint.skipped).toMatch(/not built|cannot be loaded/);
        continue;
      }
      expect(footprint.tools.map((t) => t.name)).toContain('text_to_video');
      expect(footprint.totalChars).toBe(footprint.tools.reduce((sum, t) => sum + t.chars, 0));
      expect(footprint.approxTokens).toBe(Math.ceil(footprint.totalChars / 4));
    }
  });

  it('runs the workers side by side: a limiter per process and the shared one, counted by the emulator', () => {
    const { processes, tasksPerProcess } = SMOKE_CONFIG.workers;
    expect(results.workers.results.map((r) => r.limiter)).toEqual(['per-process', 'shared']);
    for (const run of results.workers.results) {
      expect(run.tasks).toBe(processes * tasksPerProcess);
      expect(run.completed).toBe(run.tasks);
      // Every task charged once, whatever the limiter.
      expect(run.charges).toBe(run.tasks);
      expect(run.doubleCharges).toBe(0);
      expect(run.peakPerMinute).toBeLessThanOrEqual(run.queries);
    }
    const shared = results.workers.results.find((r) => r.limiter === 'shared');
    expect(shared?.rateLimited).toBe(0);
    expect(shared?.peakPerMinute).toBeLessThanOrEqual(60);
  });

  it('measures emulator throughput and checks every target', () => {
    expect(results.throughput.requests).toBeGreaterThan(0);
    expect(results.throughput.errors).toBe(0);
    const ids = results.targets.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'waiting.watcher.no-429',
        'waiting.webhooks.no-429',
        'waiting.watcher.queries-at-50',
        'waiting.webhooks.p95',
        'imports.core-size',
      ]),
    );
    // N = 50 is not in the smoke run: that target is reported as not measured rather than guessed.
    expect(results.targets.find((t) => t.id === 'waiting.watcher.queries-at-50')?.holds).toBeNull();
  });

  it('writes the README section between its markers, adding them when missing', () => {
    const section = performanceSection(results);
    expect(section).toMatch(/^## Performance/);
    const appended = replaceSection('# Title\n\nIntro.\n', section);
    expect(appended).toBe(`# Title\n\nIntro.\n\n${START_MARKER}\n${section}\n${END_MARKER}\n`);
    const replaced = replaceSection(`before\n${START_MARKER}\nold\n${END_MARKER}\nafter\n`, 'new');
    expect(replaced).toBe(`before\n${START_MARKER}\nnew\n${END_MARKER}\nafter\n`);
  });
});
