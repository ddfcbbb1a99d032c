/**
 * Figures of the browser benchmarks: percentiles of frame and edit times (nearest rank, floored),
 * and the median of several runs with their spread. (The sync benchmark keeps its own in
 * bench/sync/stats.ts, which reads ascending arrays.)
 */

/** The `p`th percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The median of the runs (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of the runs, with their spread in brackets when there are several: "83 (67–100)". */
export function runsCell(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = median(sorted).toFixed(0);
  return sorted.length > 1 ? `${mid} (${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)})` : mid;
}
