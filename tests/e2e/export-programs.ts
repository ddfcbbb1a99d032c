import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * The programs outside the project that exported files must open, run as a reader of the files
 * would: rsvg-convert with Be Vietnam Pro installed (a private fontconfig, as `docs/interop.md`
 * tells readers to install the font), poppler's pdftotext and pdffonts, LibreOffice. Each is
 * optional on a developer's machine: `installed` says whether a test can run, and why not.
 */

export function installed(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fresh directory for one test's files. With EXPORT_LOOK_DIR set, files are also kept there. */
export function workDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `${name}-`));
}

/** Keeps a copy of a file in EXPORT_LOOK_DIR (to look at it after a run). */
export function keep(file: string, name: string): void {
  const dir = process.env.EXPORT_LOOK_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, name));
}

let fontConfig: string | null = null;

/** A fontconfig file whose only fonts are Be Vietnam Pro's TrueType files (from node_modules). */
function beVietnamProConfig(): string {
  if (fontConfig) return fontConfig;
  const require = createRequire(import.meta.url);
  const regular =
    require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf');
  const dir = workDir('fontconfig');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${dirname(dirname(regular))}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  fontConfig = file;
  return file;
}

/** The SVG drawn by rsvg-convert as a PNG at its own size, the text in Be Vietnam Pro. */
export function rsvgPng(svgFile: string, pngFile: string): void {
  execFileSync('rsvg-convert', ['-o', pngFile, svgFile], {
    env: { ...process.env, FONTCONFIG_FILE: beVietnamProConfig() },
  });
}

/** The PNG's width and height (from its IHDR chunk). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The SVG as Chromium draws it at its own size (as an <img>, as a person opening it would). */
export async function chromiumPng(browser: Browser, svg: string): Promise<Buffer> {
  const width = Math.ceil(Number(/<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)![1]));
  const height = Math.ceil(Number(/<svg\b[^>]*\sheight="([\d.]+)"/.exec(svg)![1]));
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:#fff"><img id="svg" src="${src}" width="${width}" height="${height}" style="display:block"></body></html>`,
    );
    await page.locator('#svg').evaluate((img: HTMLImageElement) => img.decode());
    // The embedded web fonts are applied by the time the image is decoded; a frame to paint it.
    await page.waitForTimeout(200);
    return await page.screenshot({ clip: { x: 0, y: 0, width, height } });
  } finally {
    await context.close();
  }
}

/**
 * How much two pictures of the same size differ (both drawn over white): `share`, the share of
 * pixels where any channel differs by more than `tolerance` from every pixel of the other picture
 * within one pixel (two renderers anti-alias a glyph's edge differently; a missing label, another
 * font or a shifted shape still counts), and `raw`, compared pixel by pixel. Compared in Chromium
 * (its PNG decoder), which also writes the difference as a picture to look at (red: differing).
 */
export async function pixelDifference(
  browser: Browser,
  a: Buffer,
  b: Buffer,
  tolerance = 64,
): Promise<{ share: number; raw: number; diff: Buffer }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const result = await page.evaluate(
      async ({ a, b, tolerance }) => {
        const load = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [x, y] = await Promise.all([load(a), load(b)]);
        const { width, height } = x;
        if (width !== y.width || height !== y.height) return { share: 1, raw: 1, diff: '' };
        const distance = (p: Uint8ClampedArray, i: number, q: Uint8ClampedArray, j: number) =>
          Math.max(
            Math.abs(p[i]! - q[j]!),
            Math.abs(p[i + 1]! - q[j + 1]!),
            Math.abs(p[i + 2]! - q[j + 2]!),
          );
        // Whether pixel (px, py) of `p` has a close pixel in `q` within one pixel.
        const matched = (p: Uint8ClampedArray, q: Uint8ClampedArray, px: number, py: number) => {
          const i = (py * width + px) * 4;
          for (let dy = -1; dy <= 1; dy++)
            for (let dx = -1; dx <= 1; dx++) {
              const qx = px + dx;
              const qy = py + dy;
              if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
              if (distance(p, i, q, (qy * width + qx) * 4) <= tolerance) return true;
            }
          return false;
        };
        const out = new ImageData(width, height);
        let differing = 0;
        let raw = 0;
        for (let py = 0; py < height; py++)
          for (let px = 0; px < width; px++) {
            const i = (py * width + px) * 4;
            const d = distance(x.data, i, y.data, i);
            if (d > tolerance) raw++;
            const over =
              d > tolerance &&
              (!matched(x.data, y.data, px, py) || !matched(y.data, x.data, px, py));
            if (over) differing++;
            out.data[i] = over ? 220 : 255;
            out.data[i + 1] = over ? 0 : 255 - Math.min(255, d * 2);
            out.data[i + 2] = over ? 0 : 255 - Math.min(255, d * 2);
            out.data[i + 3] = 255;
          }
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        canvas.getContext('2d')!.putImageData(out, 0, 0);
        return {
          share: differing / (width * height),
          raw: raw / (width * height),
          diff: canvas.toDataURL('image/png').split(',')[1]!,
        };
      },
      { a: a.toString('base64'), b: b.toString('base64'), tolerance },
    );
    return { ...result, diff: Buffer.from(result.diff, 'base64') };
  } finally {
    await context.close();
  }
}

/** The SVG's <text> contents in order, joined by spaces (a long label is drawn as several lines). */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The text poppler reads from a PDF, whitespace made single spaces (lines wrap labels). */
export function pdfText(pdfFile: string): string {
  return execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** The fonts pdffonts lists: name and whether it is embedded. */
export function pdfFonts(pdfFile: string): Array<{ name: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name … emb sub uni object ID: `emb` is the fifth cell from the end.
      return { name: cells[0]!, embedded: cells.at(-5) === 'yes' };
    });
}

/** The share of a PNG's pixels that are not near-white (0: a blank picture). */
export async function inkedShare(browser: Browser, png: Buffer): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) inked++;
      return inked / (pixels.length / 4);
    }, png.toString('base64'));
  } finally {
    await context.close();
  }
}

/**
 * A file converted to PNG by LibreOffice from Debian's packages (`--convert-to png`), headless,
 * with a profile of its own so that it never meets a running office, Be Vietnam Pro installed (its
 * PDF import draws text in installed fonts, not the embedded ones).
 */
/**
 * Files converted to PNG by LibreOffice (Draw opens SVG and PDF), in one run of the program: what
 * it drew, by file. Files of the same base name must go in separate calls (the PNG is named by it).
 */
export function libreOfficePngs(files: readonly string[], outDir: string): Map<string, Buffer> {
  const profile = workDir('lo-profile');
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'png',
      '--outdir',
      outDir,
      ...files,
    ],
    {
      stdio: 'ignore',
      timeout: 240_000,
      env: { ...process.env, FONTCONFIG_FILE: beVietnamProConfig() },
    },
  );
  const out = new Map<string, Buffer>();
  for (const file of files) {
    const base = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
    out.set(file, readFileSync(join(outDir, `${base}.png`)));
  }
  return out;
}

/** The share of red pixels (a classification marking) in the top and bottom tenth of a PNG. */
export async function inkedBands(
  browser: Browser,
  png: Buffer,
): Promise<{ redTop: number; redBottom: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const band = Math.round(canvas.height / 10);
      const red = (y: number) => {
        const pixels = context.getImageData(0, y, canvas.width, band).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i]! > 150 && pixels[i + 1]! < 90 && pixels[i + 2]! < 90) count++;
        return count / (pixels.length / 4);
      };
      return { redTop: red(0), redBottom: red(canvas.height - band) };
    }, png.toString('base64'));
  } finally {
    await context.close();
  }
}
