/**
 * Thrown by the printed sheet (sheet.ts) when the scene at the asked scale does not fit the paper:
 * `fits` is the nearest usual scale at which it does (1:fits), for the export to offer the person.
 * Kept apart from sheet.ts so that boards/renderers.ts can re-export it without loading the sheet.
 */
export class SceneTooLarge extends Error {
  readonly code = 'scene.tooLarge';
  constructor(
    /** The scale asked for (1:scale). */
    readonly scale: number,
    /** The smallest usual scale that fits (1:fits). */
    readonly fits: number,
  ) {
    super(`The scene does not fit the paper at 1:${scale}; it fits at 1:${fits}.`);
    this.name = 'SceneTooLarge';
  }
}

/** Scales used on plans, smallest first: 1:10 … 1:50,000. */
export const USUAL_SCALES: readonly number[] = [1, 10, 100, 1000, 10_000].flatMap((m) =>
  [10, 20, 25, 50].map((s) => s * m),
);

/** The smallest usual scale at or above `needed` (1:needed fits exactly). */
export function usualScaleAtLeast(needed: number): number {
  return USUAL_SCALES.find((s) => s >= needed - 1e-9) ?? Math.ceil(needed / 10_000) * 10_000;
}
