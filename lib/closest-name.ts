// "Did you mean …?": the known name closest to a typo, for messages about column names and SQL keywords.

/** Edit distance (Levenshtein, case-insensitive), for "did you mean". */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The closest column to a typo, when it is close enough to be what was meant. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: { name: string; score: number } | null = null;
  for (const candidate of candidates) {
    const score = distance(name, candidate);
    if (best === null || score < best.score) best = { name: candidate, score };
  }
  if (best === null) return null;
  return best.score <= Math.max(2, Math.floor(name.length / 3)) ? best.name : null;
}
