import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { degrees, grayscale, PDFDocument } from 'pdf-lib';

const require = createRequire(import.meta.url);
const FONT =
  require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf');

/**
 * A PDF with a text layer: each page's lines of Vietnamese drawn in Be Vietnam Pro (A4, 14 pt).
 * @example await textPdf([['Biên bản lời khai', 'Nguyễn Văn Hùng']])
 */
export async function textPdf(
  pages: readonly (readonly string[])[],
  options: ScanOptions = {},
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    const rotate = degrees(options.rotate ?? 0);
    lines.forEach((line, i) =>
      page.drawText(line.normalize('NFC'), { x: 60, y: 760 - i * 26, size: 14, font, rotate }),
    );
    // Specks of dust and toner, the same for the same page (a seeded generator).
    let seed = 12345 + pages.indexOf(lines);
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < (options.specks ?? 0); n++)
      page.drawRectangle({
        x: random() * 595,
        y: random() * 842,
        width: 0.4 + random() * 0.8,
        height: 0.4 + random() * 0.8,
        color: grayscale(random() * 0.5),
      });
  }
  return Buffer.from(await pdf.save());
}

/** How a generated scan is spoiled: specks per page, and the text turned by some degrees. */
export interface ScanOptions {
  dpi?: number;
  specks?: number;
  rotate?: number;
}

/**
 * A scan: the pages drawn to pictures at `dpi` by pdftoppm (greyscale), then put into a PDF with
 * no text layer, as a scanner makes them; optionally with specks and turned a little.
 */
export async function scannedPdf(
  pages: readonly (readonly string[])[],
  options: ScanOptions = {},
): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-scan-'));
  try {
    writeFileSync(join(dir, 'text.pdf'), await textPdf(pages, options));
    const dpi = options.dpi ?? 200;
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      join(dir, 'text.pdf'),
      join(dir, 'p'),
    ]);
    const pictures = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const pdf = await PDFDocument.create();
    for (const name of pictures) {
      const png = readFileSync(join(dir, name));
      const image = await pdf.embedPng(png);
      pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    }
    return Buffer.from(await pdf.save());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A picture of one page (PNG) of Vietnamese lines, as a phone photo of a page would be. */
export async function scannedPng(lines: readonly string[], dpi = 200): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-scan-'));
  try {
    writeFileSync(join(dir, 'text.pdf'), await textPdf([lines]));
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      join(dir, 'text.pdf'),
      join(dir, 'p'),
    ]);
    return readFileSync(join(dir, 'p.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
