/** Percentile of an ascending array (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** The median of several runs' figures and their spread (min–max), for the report. */
export function summarize(values: readonly number[]): {
  median: number;
  min: number;
  max: number;
  runs: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: sorted.length,
  };
}
