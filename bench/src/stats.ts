// Order statistics for small samples (nearest-rank, so every figure is a value that was measured).

/** The p-th percentile (0 < p <= 100); Infinity entries stand for values never observed. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Rounds for the JSON: figures stay readable without pretending to more precision than they have. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
