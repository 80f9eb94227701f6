/** Summaries of timing samples for the benchmarks' tables. */

/** The nearest-rank percentile (p in 0–100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Stat {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** p50, p95 and max of the samples that are numbers (NaN marks a sample that could not be taken). */
export function stat(samples: readonly number[]): Stat {
  const taken = samples.filter((sample) => !Number.isNaN(sample));
  return { n: taken.length, p50: percentile(taken, 50), p95: percentile(taken, 95), max: taken.length ? Math.max(...taken) : Number.NaN };
}

/** Milliseconds with three significant digits or so: 1,234 / 123 / 12.3 / 1.23; "–" for NaN. */
export const fmt = (n: number): string =>
  Number.isNaN(n) ? "–" : n >= 1_000 ? Math.round(n).toLocaleString("en-US") : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
