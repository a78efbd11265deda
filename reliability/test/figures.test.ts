// The figures' own plumbing: per-area sums, what counts as a change in CI, and the README section's place.
import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../src/figures';
import { END_MARKER, replaceSection, START_MARKER } from '../src/readme';
import { aggregate, stableFigures } from '../src/results';

describe('figures', () => {
  it('sums per area, keeps the slowest abort and lists the tests marked .fails', () => {
    const abort = (ms: number) => ({ ...emptyFigures('Abort and shutdown'), cases: 1, slowestAbortMs: ms });
    const results = aggregate(
      [
        { name: 'a', figures: abort(12), leaks: 0, knownWeakness: false },
        { name: 'b', figures: abort(30), leaks: 1, knownWeakness: true },
        { name: 'c', figures: undefined, leaks: 0, knownWeakness: false },
      ],
      1_000,
    );
    const area = results.areas.find((candidate) => candidate.area === 'Abort and shutdown');
    expect(area).toMatchObject({ tests: 2, cases: 2, slowestAbortMs: 30, leaks: 1 });
    expect(results.totals).toEqual({ cases: 2, faults: 0, duplicates: 0, leaks: 1 });
    expect(results.knownWeaknesses).toEqual(['b']);
  });

  it('ignores times and heap sizes when telling whether the figures changed', () => {
    const one = aggregate(
      [{ name: 'a', figures: emptyFigures('Load'), leaks: 0, knownWeakness: false }],
      1_000,
    );
    const two = { ...one, generatedAt: 'later', durationMs: 2_000 };
    expect(stableFigures(two)).toEqual(stableFigures(one));
    expect(stableFigures({ ...one, tests: 2 })).not.toEqual(stableFigures(one));
  });

  it('replaces its own section, or goes before the Performance section, or at the end', () => {
    const block = (text: string) => `${START_MARKER}\n${text}\n${END_MARKER}`;
    expect(replaceSection(`# R\n\n${block('old')}\n\ntail\n`, 'new')).toBe(
      `# R\n\n${block('new')}\n\ntail\n`,
    );
    expect(replaceSection('# R\n\n<!-- bench:start -->\nperf\n', 'new')).toBe(
      `# R\n\n${block('new')}\n\n<!-- bench:start -->\nperf\n`,
    );
    expect(replaceSection('# R\n', 'new')).toBe(`# R\n\n${block('new')}\n`);
  });
});
