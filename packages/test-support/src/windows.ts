// How a rate limit is checked from the outside: the most requests that arrived within any span of
// `windowMs` (a sliding window, so a burst across a fixed window's edge is not missed). Arrivals are times
// in ms, or records with an `at` time (the emulator's request log).
export function peakInWindow(arrivals: readonly (number | { at: number })[], windowMs: number): number {
  const sorted = arrivals
    .map((arrival) => (typeof arrival === 'number' ? arrival : arrival.at))
    .sort((a, b) => a - b);
  let best = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
