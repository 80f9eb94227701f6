// Seeded randomness for the Acme Ops generator: Math.random would make the demo database differ on every run.

export type WeightTable<T> = readonly (readonly [T, number])[];

/** Checked array access (noUncheckedIndexedAccess): an out-of-range index is a generator bug, not data. */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`acme-ops: index ${i} out of range (${items.length})`);
  return item;
}

/** mulberry32: tiny and fast, and plenty random for demo data. */
export class Rand {
  private state: number;

  constructor(seed: number, stream: number) {
    // One stream per table, so tweaking how one table is generated doesn't reshuffle all the others.
    this.state = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < 4; i++) this.float();
  }

  /** Uniform in [0, 1). */
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Rounded number in [min, max]; used for durations in milliseconds. */
  between(min: number, max: number): number {
    return Math.round(min + this.float() * (max - min));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.float() * items.length));
  }

  weighted<T>(table: WeightTable<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.float() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return at(table, table.length - 1)[0];
  }
}

/** Number of leading elements <= value in an ascending array. */
export function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inverse-CDF sampling over fixed weights; `Rand.weighted` is too slow for the per-order hot loop. */
export class CumulativeSampler {
  private readonly cum: Float64Array;

  constructor(weights: readonly number[]) {
    this.cum = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cum[i] = sum;
    });
  }

  /** An index, drawn with probability proportional to its weight. */
  sample(rand: Rand): number {
    const target = rand.float() * (this.cum[this.cum.length - 1] ?? 0);
    return Math.min(upperBound(this.cum, target), this.cum.length - 1);
  }
}
