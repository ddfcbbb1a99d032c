/**
 * Paper for printed exports, in PDF points (1 pt = 1/72 in). Board PDFs are A4 or A3 with the
 * margins Vietnamese administrative documents use (about 15–20 mm; one 15 mm margin here, as the
 * board needs the room); deck pages are 16:9 like the screen they were made for.
 */

export type PaperSize = 'A4' | 'A3';
export type PaperOrientation = 'portrait' | 'landscape';

/** Points in a millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres as points. @example mm(15) // 42.52 */
export function mm(millimetres: number): number {
  return millimetres * PT_PER_MM;
}

const PORTRAIT: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: mm(210), height: mm(297) },
  A3: { width: mm(297), height: mm(420) },
};

/**
 * The size of a sheet in points.
 * @example paperSize('A3', 'landscape') // { width: 1190.55, height: 841.89 }
 */
export function paperSize(
  paper: PaperSize,
  orientation: PaperOrientation,
): { width: number; height: number } {
  const { width, height } = PORTRAIT[paper];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

/** The margin around a board PDF's printable area. */
export const PAPER_MARGIN = mm(15);

/** A deck page: 16:9, 960 × 540 pt (13.33 × 7.5 in, the size presentation programs print). */
export const DECK_PAGE = { width: 960, height: 540 } as const;

/**
 * A box of `width` × `height` scaled (keeping its proportions) and centred to fit in `area`.
 * @example fitBox(200, 100, { x: 0, y: 0, width: 100, height: 100 }) // { x: 0, y: 25, width: 100, height: 50, scale: 0.5 }
 */
export function fitBox(
  width: number,
  height: number,
  area: { x: number; y: number; width: number; height: number },
): { x: number; y: number; width: number; height: number; scale: number } {
  const scale = Math.min(area.width / Math.max(width, 1e-6), area.height / Math.max(height, 1e-6));
  const w = width * scale;
  const h = height * scale;
  return {
    x: area.x + (area.width - w) / 2,
    y: area.y + (area.height - h) / 2,
    width: w,
    height: h,
    scale,
  };
}
