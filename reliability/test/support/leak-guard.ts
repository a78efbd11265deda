// Setup file: after every test, nothing it started may still keep the process alive.
// - Handles (sockets, servers, file requests): process.getActiveResourcesInfo(), which leaves out unref'd
//   ones, against what the worker held when this file loaded (vitest's own pipes).
// - Timers: vitest's own come and go (test timeouts, console flushes), so the timers the code under test
//   creates are recorded instead, through the global setTimeout/setInterval (vitest kept its own copies
//   before this file ran); one still pending and ref'd after the test is a leak.
// Sockets close a moment after their server, so the check waits up to a second for things to settle.
import { afterEach, beforeEach } from 'vitest';

const SETTLE_MS = 1_000;
const IGNORED = new Set(['Timeout', 'Immediate']);

function handles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) {
    if (!IGNORED.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const vitestOwn = handles();
let timers = new Set<NodeJS.Timeout>();

for (const name of ['setTimeout', 'setInterval'] as const) {
  const original = globalThis[name];
  globalThis[name] = ((...args: Parameters<typeof setTimeout>) => {
    const timer = (original as typeof setTimeout)(...args);
    timers.add(timer);
    return timer;
  }) as typeof globalThis.setTimeout & typeof globalThis.setInterval;
}

function leftOver(): string[] {
  const left: string[] = [];
  for (const [name, n] of handles()) {
    const more = n - (vitestOwn.get(name) ?? 0);
    if (more > 0) left.push(`${more} x ${name}`);
  }
  const pending = [...timers].filter(
    (timer) => !(timer as unknown as { _destroyed: boolean })._destroyed && timer.hasRef(),
  );
  if (pending.length > 0) left.push(`${pending.length} x Timeout`);
  return left;
}

beforeEach(() => {
  timers = new Set();
});

afterEach(async (ctx) => {
  const deadline = Date.now() + SETTLE_MS;
  let left = leftOver();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    left = leftOver();
  }
  ctx.task.meta.leaks = left.length;
  if (left.length > 0) throw new Error(`The test left handles keeping the process alive: ${left.join(', ')}`);
});
