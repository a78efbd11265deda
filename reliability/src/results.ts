// The suite's figures: each test's own, summed per area, plus the run's totals and the open weaknesses
// (tests marked `.fails`). `stableFigures` leaves out what changes from run to run on the same code
// (times, heap sizes, query counts), so CI can tell whether the figures really changed.
import { AREAS, type Area, addCounts, type CaseFigures, emptyFigures, type LoadFigures } from './figures';

export interface TestFigures {
  /** Full name of the test. */
  name: string;
  figures: CaseFigures | undefined;
  leaks: number;
  /** Marked `.fails`: a known weakness the test documents. */
  knownWeakness: boolean;
}

export interface AreaResults extends Omit<CaseFigures, 'load'> {
  tests: number;
  leaks: number;
}

export interface Results {
  suite: '@aivideomaker/reliability';
  generatedAt: string;
  node: string;
  durationMs: number;
  tests: number;
  areas: AreaResults[];
  totals: { cases: number; faults: number; duplicates: number; leaks: number };
  load: LoadFigures | undefined;
  /** Tests marked `.fails`, each documenting a weakness still open. */
  knownWeaknesses: string[];
}

export function aggregate(tests: TestFigures[], durationMs: number): Results {
  const areas = new Map<Area, AreaResults>(
    AREAS.map((area) => [area, { ...emptyFigures(area), tests: 0, leaks: 0 }]),
  );
  let load: LoadFigures | undefined;
  for (const test of tests) {
    if (!test.figures) continue;
    const area = areas.get(test.figures.area) as AreaResults;
    const { area: _name, load: testLoad, ...counts } = test.figures;
    addCounts(area, counts);
    area.tests += 1;
    area.leaks += test.leaks;
    load = testLoad ?? load;
  }
  const list = [...areas.values()];
  const sum = (key: 'cases' | 'faults' | 'duplicates' | 'leaks') =>
    list.reduce((total, area) => total + area[key], 0);
  return {
    suite: '@aivideomaker/reliability',
    generatedAt: new Date().toISOString(),
    node: process.version,
    durationMs: Math.round(durationMs),
    tests: tests.length,
    areas: list,
    totals: {
      cases: sum('cases'),
      faults: sum('faults'),
      duplicates: sum('duplicates'),
      leaks: sum('leaks'),
    },
    load,
    knownWeaknesses: tests.filter((test) => test.knownWeakness).map((test) => test.name),
  };
}

/** The figures without what varies between runs of the same code. */
export function stableFigures(results: Results): unknown {
  const { generatedAt: _at, durationMs: _ms, node: _node, areas, load, ...rest } = results;
  return {
    ...rest,
    areas: areas.map(({ slowestAbortMs: _slowest, ...area }) => area),
    load: load && { tasks: load.tasks, completed: load.completed, status429: load.status429 },
  };
}
