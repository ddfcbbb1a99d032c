import type { ReactNode } from 'react';
import { getNodesBounds, type Node } from '@xyflow/react';
import { BOARD_EXPORT_EVENT } from '../canvas/LevelOfDetail.tsx';

/**
 * Pictures of boards and slides, in the page, with html-to-image (loaded on first use). Fonts are
 * embedded, so Vietnamese text comes out exactly as on screen.
 */

export interface ImageOptions {
  format: 'png' | 'svg' | 'jpeg';
  /** 1, 2 or 4 times the board's own size (PNG and JPEG). */
  scale: number;
  /** A colour, or null for transparent (PNG and SVG). */
  background: string | null;
}

const MARGIN = 40;
/** The largest picture a browser canvas reliably holds, in pixels per side. */
const MAX_SIDE = 16_000;

/**
 * The whole board (or the given nodes) as a picture, not cut at the screen: the flow's viewport is
 * drawn at zoom 1 around the nodes' bounds, with level of detail and culling suspended meanwhile.
 * `nodes` is read once the board has been told of the export (`BOARD_EXPORT_EVENT`) and has drawn
 * its current nodes: a board zoomed out may hold back nodes added since. Editing aids marked
 * `data-export="omit"` (a deck frame's outline) are left out.
 */
export async function boardPicture(
  flowRoot: HTMLElement,
  nodes: () => readonly Node[],
  options: ImageOptions,
): Promise<Blob> {
  const { toCanvas, toSvg } = await import('html-to-image');
  const viewport = flowRoot.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('empty');
  flowRoot.classList.add('is-exporting');
  flowRoot.dispatchEvent(new CustomEvent(BOARD_EXPORT_EVENT, { detail: 'start' }));
  try {
    const drawn = await drawnNodes(flowRoot, nodes);
    if (drawn.length === 0) throw new Error('empty');
    const bounds = getNodesBounds(drawn as Node[]);
    let width = Math.ceil(bounds.width + MARGIN * 2);
    let height = Math.ceil(bounds.height + MARGIN * 2);
    const scale = Math.min(options.scale, MAX_SIDE / width, MAX_SIDE / height);
    const style = {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${MARGIN - bounds.x}px, ${MARGIN - bounds.y}px) scale(1)`,
    };
    const common = {
      width,
      height,
      style,
      ...(options.background ? { backgroundColor: options.background } : {}),
      filter: (node: HTMLElement | Element) =>
        !(
          node instanceof HTMLElement &&
          (node.classList.contains('lod-layer') || node.dataset.export === 'omit')
        ),
    };
    if (options.format === 'svg') {
      const url = await toSvg(viewport, common);
      return new Blob([decodeURIComponent(url.slice(url.indexOf(',') + 1))], {
        type: 'image/svg+xml',
      });
    }
    const blob = await canvasBlob(
      await toCanvas(viewport, { ...common, pixelRatio: scale }),
      options.format === 'jpeg' ? 'image/jpeg' : 'image/png',
    );
    width = Math.round(width * scale);
    height = Math.round(height * scale);
    return blob;
  } finally {
    flowRoot.classList.remove('is-exporting');
    flowRoot.dispatchEvent(new CustomEvent(BOARD_EXPORT_EVENT, { detail: 'end' }));
  }
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/**
 * The nodes to draw, once the board shows them all: React Flow keeps a node it has not measured
 * yet hidden, and un-culled or newly handed nodes are measured a frame or two later. Gives up
 * waiting after about a second and draws what there is.
 */
async function drawnNodes(
  flowRoot: HTMLElement,
  nodes: () => readonly Node[],
): Promise<readonly Node[]> {
  // Two frames for the board to re-render with its current nodes and lay them out.
  await frame();
  await frame();
  for (let tries = 0; tries < 60; tries++) {
    const current = nodes();
    const pending = current.some((node) => {
      const el = flowRoot.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${CSS.escape(node.id)}"]`,
      );
      return !el || el.style.visibility === 'hidden';
    });
    if (!pending) return current;
    await frame();
  }
  return nodes();
}

/** Draws `content` off screen at `width` × `height`, waits for it to settle, and takes a JPEG. */
export async function renderedPicture(
  content: ReactNode,
  width: number,
  height: number,
  settleMs = 900,
  type: 'image/jpeg' | 'image/png' = 'image/jpeg',
): Promise<Blob> {
  const [{ createRoot }, { toCanvas }] = await Promise.all([
    import('react-dom/client'),
    import('html-to-image'),
  ]);
  const host = document.createElement('div');
  host.className = 'offscreen-render';
  host.style.width = `${width}px`;
  host.style.height = `${height}px`;
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    root.render(content);
    await new Promise((r) => setTimeout(r, settleMs));
    const canvas = await toCanvas(host, {
      width,
      height,
      pixelRatio: 1,
      backgroundColor: '#ffffff',
      // Drawn behind the page and transparent (never seen); opaque in the picture.
      style: { zIndex: 'auto', opacity: '1' },
    });
    return await canvasBlob(canvas, type);
  } finally {
    root.unmount();
    host.remove();
  }
}

/** A canvas as an image file of the given type (html-to-image's own toBlob makes PNG only). */
export function canvasBlob(
  canvas: HTMLCanvasElement,
  type: 'image/jpeg' | 'image/png',
): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('empty'))), type, 0.9),
  );
}

/** Offers a file to the user: the browser's download, named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: its letters kept (Vietnamese too), the rest made dashes. */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join('')
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, 100);
  return `${base || 'caseboard'}.${extension}`;
}

/**
 * A picture of a board drawn as plain HTML or SVG (a scene, the timeline): the element as it is on
 * screen, without editing aids (`data-export="omit"`).
 */
export async function elementPicture(element: HTMLElement, options: ImageOptions): Promise<Blob> {
  const { toCanvas, toSvg } = await import('html-to-image');
  const width = Math.ceil(element.scrollWidth || element.clientWidth);
  const height = Math.ceil(element.scrollHeight || element.clientHeight);
  if (!width || !height) throw new Error('empty');
  const common = {
    width,
    height,
    ...(options.background ? { backgroundColor: options.background } : {}),
    filter: (node: HTMLElement | Element) =>
      !(node instanceof HTMLElement && node.dataset.export === 'omit'),
  };
  if (options.format === 'svg') {
    const url = await toSvg(element, common);
    return new Blob([decodeURIComponent(url.slice(url.indexOf(',') + 1))], {
      type: 'image/svg+xml',
    });
  }
  const scale = Math.min(options.scale, MAX_SIDE / width, MAX_SIDE / height);
  const canvas = await toCanvas(element, { ...common, pixelRatio: scale });
  return canvasBlob(canvas, options.format === 'jpeg' ? 'image/jpeg' : 'image/png');
}
