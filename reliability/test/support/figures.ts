// Tests record what they checked through count(); the figures travel in vitest's task meta to the
// reporter (src/reporter.ts).
import type { TestContext } from 'vitest';
import { type Area, addCounts, type CaseFigures, type Counts, emptyFigures } from '../../src/figures';

declare module 'vitest' {
  interface TaskMeta {
    reliability?: CaseFigures;
    /** Handles (timers, sockets, servers) the test left keeping the process alive. */
    leaks?: number;
  }
}

export function count(ctx: TestContext, area: Area, counts: Counts): void {
  ctx.task.meta.reliability ??= emptyFigures(area);
  addCounts(ctx.task.meta.reliability, counts);
}
