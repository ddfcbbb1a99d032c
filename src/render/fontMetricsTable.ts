import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { FONT_FILES, type FontWeight } from './fonts.ts';

const require = createRequire(import.meta.url);

/** Code point ranges the table covers: Latin, Latin Extended, Vietnamese, punctuation, arrows. */
const RANGES: ReadonlyArray<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x323],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20bf],
  [0x2100, 0x215f],
  [0x2190, 0x21ff],
];

export interface FontMetricsTable {
  /** Units per em of the table's numbers. */
  unitsPerEm: 1000;
  /** Ascender and descender, in 1/1000 em (positive up). */
  ascent: number;
  descent: number;
  /** Per weight: code point (decimal) → advance width in 1/1000 em. */
  widths: Record<FontWeight, Record<string, number>>;
}

/** Reads the advance widths from the TrueType files (Node only: the generator and its test). */
export async function fontMetricsTable(): Promise<FontMetricsTable> {
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const widths = {} as FontMetricsTable['widths'];
  let ascent = 0;
  let descent = 0;
  for (const weight of Object.keys(FONT_FILES) as unknown as FontWeight[]) {
    const path = FONT_FILES[weight];
    const font = fontkit.create(new Uint8Array(await readFile(require.resolve(path))));
    const scale = 1000 / font.unitsPerEm;
    ascent = Math.round(font.ascent * scale);
    descent = Math.round(font.descent * scale);
    const table: Record<string, number> = {};
    for (const [from, to] of RANGES)
      for (let cp = from; cp <= to; cp++) {
        if (!font.hasGlyphForCodePoint(cp)) continue;
        table[cp] = Math.round(font.glyphForCodePoint(cp).advanceWidth * scale);
      }
    widths[weight] = table;
  }
  return { unitsPerEm: 1000, ascent, descent, widths };
}
