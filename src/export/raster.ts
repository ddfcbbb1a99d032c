/**
 * PNG (or JPEG) from an exported SVG, in the page: the SVG string is loaded as an image and drawn
 * on a canvas at the chosen scale. Never the live DOM: what the file shows is what the SVG export
 * holds, text in Be Vietnam Pro because the SVG embeds its web fonts.
 */

/** The largest canvas side and area browsers reliably hold (Chromium: 32,767 px, 268 M px). */
export const MAX_SIDE = 16_000;
export const MAX_AREA = 200_000_000;

export interface RasterOptions {
  /** 1, 2 or 4 times the picture's own size; lowered when the canvas would be too large. */
  scale: number;
  type?: 'image/png' | 'image/jpeg';
  /** Filled behind the picture (JPEG always gets white); absent: transparent. */
  background?: string | null;
}

/** The width and height an SVG declares on its root element, in CSS pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('empty');
  return { width, height };
}

/** The scale actually used for a picture of `width` × `height`: `wanted`, or less to fit a canvas. */
export function fittedScale(width: number, height: number, wanted: number): number {
  return Math.min(
    wanted,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_AREA / (width * height)),
  );
}

/**
 * The SVG drawn at `scale` as an image file.
 * @example const png = await rasterise(await boardSvg(...), { scale: 2 });
 */
export async function rasterise(svg: string, options: RasterOptions): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const scale = fittedScale(width, height, options.scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('empty');
  const type = options.type ?? 'image/png';
  const background = type === 'image/jpeg' ? (options.background ?? '#ffffff') : options.background;
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  const image = await loadSvg(svg);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas, type);
}

/**
 * The SVG as a decoded image. A blob: URL (the page's CSP allows blob: and data: pictures); the
 * fonts embedded in the SVG are data: URLs, which an SVG drawn as an image may load.
 */
async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = (event) => reject(event instanceof Event ? event : new Error('image'));
    });
    image.src = url;
    await loaded;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as an image file of the given type. */
export function canvasBlob(
  canvas: HTMLCanvasElement,
  type: 'image/jpeg' | 'image/png',
): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('empty'))), type, 0.9),
  );
}
