import { formatPath, parsePath, type PathSegment } from '../../render/pathData.ts';
import type { Paint, Shape } from '../../render/picture.ts';
import type { SceneSymbol } from './symbols.ts';

/**
 * The scene symbols (symbols.ts: SVG markup in centimetre view boxes) as picture shapes placed in
 * a box, stretched as the editor's `preserveAspectRatio="none"` does. The markup is our own and
 * uses only <rect>, <circle>, <ellipse> and <path> with presentation attributes, which is all this
 * reads; path data goes through `parsePath` so the door's arc reaches PDFs as Béziers.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Attributes = Record<string, string>;

interface SymbolElement {
  tag: string;
  attributes: Attributes;
  /** A path's data, parsed. */
  segments?: PathSegment[];
}

/** Symbols read once: a scene has many of the same chairs and cars. */
const parsed = new Map<string, SymbolElement[]>();

/** The elements of a symbol's markup with their attributes, in drawing order. */
function elementsOf(svg: string): SymbolElement[] {
  const known = parsed.get(svg);
  if (known) return known;
  const elements: SymbolElement[] = [];
  for (const match of svg.matchAll(/<(\w+)([^>]*?)\/?>/g)) {
    const attributes: Attributes = {};
    for (const a of match[2]!.matchAll(/([\w-]+)="([^"]*)"/g)) attributes[a[1]!] = a[2]!;
    const tag = match[1]!;
    elements.push({
      tag,
      attributes,
      ...(tag === 'path' ? { segments: parsePath(attributes.d ?? '') } : {}),
    });
  }
  parsed.set(svg, elements);
  return elements;
}

/** `#abc` as `#aabbcc`; other colours as they are. */
function colour(value: string | undefined): string | undefined {
  if (!value) return value;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  return short ? `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}` : value;
}

/**
 * The shapes of `symbol` drawn into `box` (picture units). Strokes scale with the symbol, as in
 * the editor (by the mean of the two scales when it is stretched).
 */
export function symbolShapes(symbol: SceneSymbol, box: Box): Shape[] {
  const sx = box.w / Math.round(symbol.w * 100);
  const sy = box.h / Math.round(symbol.h * 100);
  const s = Math.sqrt(Math.abs(sx * sy));
  const num = (a: Attributes, key: string, fallback = 0) => {
    const v = Number(a[key]);
    return Number.isFinite(v) ? v : fallback;
  };
  const shapes: Shape[] = [];
  for (const { tag, attributes: a, segments } of elementsOf(symbol.svg)) {
    const fill = colour(a.fill) ?? '#000000';
    const stroke = colour(a.stroke);
    const paint: Paint = {
      fill,
      ...(stroke && stroke !== 'none'
        ? { stroke, strokeWidth: num(a, 'stroke-width', 1) * s }
        : {}),
      ...(a['stroke-dasharray']
        ? { dash: a['stroke-dasharray'].split(/[\s,]+/).map((d) => Number(d) * s) }
        : {}),
    };
    const geometry = ((): Shape | null => {
      switch (tag) {
        case 'rect':
          return {
            kind: 'rect',
            x: box.x + num(a, 'x') * sx,
            y: box.y + num(a, 'y') * sy,
            width: num(a, 'width') * sx,
            height: num(a, 'height') * sy,
            ...(a.rx ? { radius: num(a, 'rx') * Math.min(sx, sy) } : {}),
            ...paint,
          };
        case 'circle':
        case 'ellipse':
          return {
            kind: 'ellipse',
            cx: box.x + num(a, 'cx') * sx,
            cy: box.y + num(a, 'cy') * sy,
            rx: num(a, tag === 'circle' ? 'r' : 'rx') * sx,
            ry: num(a, tag === 'circle' ? 'r' : 'ry') * sy,
            ...paint,
          };
        case 'path':
          return {
            kind: 'path',
            d: formatPath(segments ?? [], (x, y) => [box.x + x * sx, box.y + y * sy]),
            ...(a['stroke-linecap'] ? { lineCap: a['stroke-linecap'] as 'round' } : {}),
            ...(a['stroke-linejoin'] ? { lineJoin: a['stroke-linejoin'] as 'round' } : {}),
            ...paint,
          };
        default:
          return null;
      }
    })();
    if (!geometry) continue;
    // A translucent fill under an opaque outline: two shapes, since a shape's opacity is for both.
    const fillOpacity = a['fill-opacity'] ? num(a, 'fill-opacity', 1) : 1;
    if (fillOpacity < 1 && fill !== 'none') {
      shapes.push({ ...geometry, stroke: 'none', opacity: fillOpacity } as Shape);
      if (stroke && stroke !== 'none') shapes.push({ ...geometry, fill: 'none' } as Shape);
    } else shapes.push(geometry);
  }
  return shapes;
}
