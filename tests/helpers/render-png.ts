import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { FONT_FILES } from '../../src/render/fonts.ts';

const require = createRequire(import.meta.url);

/** Whether rsvg-convert (librsvg2-bin) is installed; `.ci/run` installs it. */
export const hasRsvg = (() => {
  try {
    execFileSync('rsvg-convert', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

export interface Rgba {
  width: number;
  height: number;
  /** 4 bytes a pixel, rows top to bottom. */
  data: Uint8Array;
}

/**
 * Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what rsvg-convert writes), with node:zlib, so
 * tests can read pixels without an image package.
 */
export function decodePng(png: Uint8Array): Rgba {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      const b = new DataView(body.buffer, body.byteOffset, body.byteLength);
      width = b.getUint32(0);
      height = b.getUint32(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 6 && colour !== 2))
        throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][
        filter
      ]!;
      rows[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rows[i * channels]!;
    data[i * 4 + 1] = rows[i * channels + 1]!;
    data[i * 4 + 2] = rows[i * channels + 2]!;
    data[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width, height, data };
}

/** How many pixels in the rectangle are visibly darker than white (opaque and below 200). */
export function darkPixels(
  image: Rgba,
  box: { x: number; y: number; width: number; height: number },
): number {
  let count = 0;
  for (
    let y = Math.max(0, Math.floor(box.y));
    y < Math.min(image.height, box.y + box.height);
    y++
  ) {
    for (
      let x = Math.max(0, Math.floor(box.x));
      x < Math.min(image.width, box.x + box.width);
      x++
    ) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, a] = [
        image.data[i]!,
        image.data[i + 1]!,
        image.data[i + 2]!,
        image.data[i + 3]!,
      ];
      if (a > 128 && Math.min(r, g, b) < 200) count++;
    }
  }
  return count;
}

/**
 * An environment for rsvg-convert that finds Be Vietnam Pro (the TrueType files in node_modules)
 * through a private fontconfig file, so that pictures are drawn in the font the renderer measured
 * with even where the font is not installed (elsewhere rsvg-convert falls back to a wider font).
 */
export function rsvgEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
  const fonts = dirname(dirname(require.resolve(FONT_FILES[400])));
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  return { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
}
