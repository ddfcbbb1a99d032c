/**
 * Where a scene's labels go: the length along each side of a room, and the room's area label in a
 * free spot inside it, away from symbols, markers and measurements. Pure geometry in metres.
 */
import {
  areaOf,
  boundsOf,
  centreOf,
  formatSquareMetres,
  measureEnds,
  type Point,
  type SceneObject,
} from './scene.ts';

export {
  cornersOf,
  labelSize,
  roomOutline,
  segmentCrossesBox,
  sideLabels,
  type Box,
  type Obstacles,
  type SideLabel,
} from './scene/labelGeometry.ts';
import {
  boxesOverlap,
  cornersOf,
  boundsOfPoints,
  insidePolygon,
  labelSize,
  roomOutline,
  segmentCrossesBox,
  type Box,
  type Obstacles,
} from './scene/labelGeometry.ts';

/**
 * Where to put a label of `size` inside `outline` (its centre): the free spot nearest the middle of
 * the outline whose box stays `inset` metres inside the outline's lines and clear of every
 * obstacle; the middle when no spot is free.
 *
 * @example placeAreaLabel(room, { w: 1.6, h: 0.4 }, { boxes: [table], segments: [] }, 0.1)
 */
export function placeAreaLabel(
  outline: readonly Point[],
  size: { w: number; h: number },
  obstacles: Obstacles,
  inset = 0,
): Point {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const bounds = {
    x0: Math.min(...xs),
    y0: Math.min(...ys),
    x1: Math.max(...xs),
    y1: Math.max(...ys),
  };
  const middle = { x: (bounds.x0 + bounds.x1) / 2, y: (bounds.y0 + bounds.y1) / 2 };
  const edges = outline.map((p, i) => [p, outline[(i + 1) % outline.length]!] as [Point, Point]);
  // Only what reaches into the room matters.
  const boxes = obstacles.boxes.filter((b) => boxesOverlap(b, bounds));
  const segments = obstacles.segments.filter(([a, b]) =>
    segmentCrossesBox(a, b, { x0: bounds.x0, y0: bounds.y0, x1: bounds.x1, y1: bounds.y1 }),
  );
  const free = (c: Point): boolean => {
    if (!insidePolygon(c, outline)) return false;
    const box = {
      x0: c.x - size.w / 2,
      y0: c.y - size.h / 2,
      x1: c.x + size.w / 2,
      y1: c.y + size.h / 2,
    };
    const padded = {
      x0: box.x0 - inset,
      y0: box.y0 - inset,
      x1: box.x1 + inset,
      y1: box.y1 + inset,
    };
    if (edges.some(([a, b]) => segmentCrossesBox(a, b, padded))) return false;
    if (boxes.some((b) => boxesOverlap(b, box))) return false;
    return !segments.some(([a, b]) => segmentCrossesBox(a, b, box));
  };
  if (free(middle)) return middle;
  // Candidates nearest the middle first; the first free one wins.
  const step = Math.max(size.h / 2, Math.max(bounds.x1 - bounds.x0, bounds.y1 - bounds.y0) / 24);
  const candidates: Array<Point & { d: number }> = [];
  for (let y = bounds.y0 + size.h / 2; y <= bounds.y1 - size.h / 2; y += step)
    for (let x = bounds.x0 + size.w / 2; x <= bounds.x1 - size.w / 2; x += step)
      candidates.push({ x, y, d: Math.hypot(x - middle.x, y - middle.y) });
  candidates.sort((a, b) => a.d - b.d);
  const found = candidates.find(free);
  return found ? { x: found.x, y: found.y } : middle;
}

/**
 * What the area label of `room` must keep clear of: every other object's box (markers and
 * reference points with their drawn size), measurement and path lines and the lines of other
 * walls; measurement labels as a box around their place in `measureLabels` (else their middle). The background image
 * and other rooms' fills are not obstacles.
 */
export function labelObstacles(
  objects: readonly SceneObject[],
  room: string,
  text: number,
  measureLabels?: ReadonlyMap<string, Point>,
): Obstacles {
  const everywhere = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
  return nearby(collectObstacles(objects, text, measureLabels), everywhere, room);
}

/** Every object's obstacles, each with the object it belongs to (computed once for all labels). */
interface TaggedObstacles {
  boxes: Box[];
  boxOwners: string[];
  segments: Array<[Point, Point]>;
  segmentOwners: string[];
}

/** The obstacles that reach into `region`, but those of the object `except`. */
function nearby(all: TaggedObstacles, region: Box, except: string): Obstacles {
  const boxes: Box[] = [];
  const segments: Array<[Point, Point]> = [];
  all.boxes.forEach((b, i) => {
    if (all.boxOwners[i] !== except && boxesOverlap(b, region)) boxes.push(b);
  });
  all.segments.forEach(([a, b], i) => {
    if (
      all.segmentOwners[i] !== except &&
      Math.max(a.x, b.x) >= region.x0 &&
      Math.min(a.x, b.x) <= region.x1 &&
      Math.max(a.y, b.y) >= region.y0 &&
      Math.min(a.y, b.y) <= region.y1
    )
      segments.push([a, b]);
  });
  return { boxes, segments };
}

function collectObstacles(
  objects: readonly SceneObject[],
  text: number,
  measureLabels?: ReadonlyMap<string, Point>,
): TaggedObstacles {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const all: TaggedObstacles = { boxes: [], boxOwners: [], segments: [], segmentOwners: [] };
  let owner = '';
  const boxes = {
    push: (b: Box) => {
      all.boxes.push(b);
      all.boxOwners.push(owner);
    },
  };
  const segment = (a: Point, b: Point) => {
    all.segments.push([a, b]);
    all.segmentOwners.push(owner);
  };
  const pathOf = (points: readonly Point[], closed: boolean) => {
    for (let i = 1; i < points.length; i++) segment(points[i - 1]!, points[i]!);
    if (closed && points.length > 2) segment(points.at(-1)!, points[0]!);
  };
  for (const o of objects) {
    if (o.background) continue;
    owner = o.id;
    switch (o.shape) {
      case 'measure': {
        const ends = measureEnds(o, byId);
        if (!ends) break;
        segment(ends[0], ends[1]);
        const mid = measureLabels?.get(o.id) ?? {
          x: (ends[0].x + ends[1].x) / 2,
          y: (ends[0].y + ends[1].y) / 2,
        };
        boxes.push({
          x0: mid.x - 3 * text,
          y0: mid.y - text,
          x1: mid.x + 3 * text,
          y1: mid.y + text,
        });
        break;
      }
      case 'wall':
      case 'line':
      case 'arrow':
      case 'polygon':
        pathOf(o.points, o.closed || o.shape === 'polygon');
        break;
      case 'rect':
        pathOf(cornersOf(o), true);
        break;
      case 'marker':
      case 'refpoint': {
        const r = Math.max(0.25, text);
        boxes.push({ x0: o.x - r, y0: o.y - r, x1: o.x + r, y1: o.y + r });
        break;
      }
      case 'text': {
        const size = labelSize(o.label.length, o.h > 0 ? o.h : text * 1.5);
        boxes.push({ x0: o.x, y0: o.y, x1: o.x + size.w, y1: o.y + size.h });
        break;
      }
      default: {
        const b = boundsOf(o);
        const c = centreOf(o);
        boxes.push(
          b.x1 > b.x0 || b.y1 > b.y0
            ? b
            : { x0: c.x - 0.5, y0: c.y - 0.5, x1: c.x + 0.5, y1: c.y + 0.5 },
        );
      }
    }
  }
  return all;
}

/** The text of a room's area label: "Sân · 20,00 m²" for a named rectangle or polygon. */
export function areaLabelText(o: SceneObject, language: string): string {
  const area = formatSquareMetres(areaOf(o) ?? 0, language);
  return (o.shape === 'rect' || o.shape === 'polygon') && o.label ? `${o.label} · ${area}` : area;
}

/**
 * Places computed before, by label, with what they were computed from: a scene that changes in one
 * spot places again only the labels near that spot (a 1,000-object scene stays smooth).
 */
export type LabelCache = Map<string, { key: string; place: Point }>;

function cached(
  cache: LabelCache | undefined,
  id: string,
  inputs: unknown,
  place: () => Point,
): Point {
  if (!cache) return place();
  const key = JSON.stringify(inputs);
  const hit = cache.get(id);
  if (hit && hit.key === key) return hit.place;
  const result = place();
  cache.set(id, { key, place: result });
  return result;
}

/**
 * Where the area label of every room of a scene goes, by room id (see `placeAreaLabel`), for labels
 * `text` metres tall.
 */
export function areaLabelPlaces(
  objects: readonly SceneObject[],
  text: number,
  language: string,
  measureLabels?: ReadonlyMap<string, Point>,
  cache?: LabelCache,
): Map<string, Point> {
  const all = collectObstacles(objects, text, measureLabels);
  const places = new Map<string, Point>();
  for (const o of objects) {
    const outline = roomOutline(o);
    if (!outline) continue;
    const size = labelSize(areaLabelText(o, language).length, text);
    const inset = (o.shape === 'wall' ? o.thickness / 2 : 0) + text * 0.2;
    const near = nearby(all, boundsOfPoints(outline), o.id);
    places.set(
      o.id,
      cached(cache, `a${o.id}`, [outline, size, inset, near], () =>
        placeAreaLabel(outline, size, near, inset),
      ),
    );
  }
  return places;
}

/**
 * Where a measurement's length label goes (its centre): beside the line, above it where that is
 * free, as near the line's middle as can be, clear of `boxes` (symbols, markers, texts); beside the
 * middle when nothing is free.
 *
 * @example placeMeasureLabel({x:0,y:2.6}, {x:5.6,y:2.6}, {w:0.8,h:0.3}, [table])
 */
export function placeMeasureLabel(
  a: Point,
  b: Point,
  size: { w: number; h: number },
  boxes: readonly Box[],
): Point {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0) return a;
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  // The normal that points up the screen (or left, for a vertical line) is "above".
  let nx = uy;
  let ny = -ux;
  if (ny > 0 || (ny === 0 && nx > 0)) [nx, ny] = [-nx, -ny];
  const hw = (Math.abs(size.w * ux) + Math.abs(size.h * uy)) / 2;
  const hh = (Math.abs(size.w * uy) + Math.abs(size.h * ux)) / 2;
  const gap = size.h / 2 + size.h * 0.1;
  const at = (t: number, side: number): Point => ({
    x: a.x + (b.x - a.x) * t + nx * side * gap,
    y: a.y + (b.y - a.y) * t + ny * side * gap,
  });
  const free = (c: Point) =>
    !boxes.some((box) =>
      boxesOverlap({ x0: c.x - hw, y0: c.y - hh, x1: c.x + hw, y1: c.y + hh }, box),
    );
  const reach = Math.max(0, 0.5 - size.w / 2 / length);
  for (let step = 0; step <= 20; step++) {
    const offset = (reach * step) / 20;
    for (const t of offset === 0 ? [0.5] : [0.5 - offset, 0.5 + offset])
      for (const side of [1, -1]) {
        const c = at(t, side);
        if (free(c)) return c;
      }
  }
  return at(0.5, 1);
}

/** Where every measurement's label goes, by id (see `placeMeasureLabel`), for `text` metres. */
export function measureLabelPlaces(
  objects: readonly SceneObject[],
  text: number,
  cache?: LabelCache,
): Map<string, Point> {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const all = collectObstacles(objects, text);
  const places = new Map<string, Point>();
  for (const o of objects) {
    if (o.shape !== 'measure') continue;
    const ends = measureEnds(o, byId);
    if (!ends) continue;
    const chars = `${Math.hypot(ends[1].x - ends[0].x, ends[1].y - ends[0].y).toFixed(2)} m`.length;
    const size = labelSize(chars, text);
    const reach = size.w + size.h;
    const line = boundsOfPoints(ends);
    const region = {
      x0: line.x0 - reach,
      y0: line.y0 - reach,
      x1: line.x1 + reach,
      y1: line.y1 + reach,
    };
    const { boxes } = nearby(all, region, o.id);
    places.set(
      o.id,
      cached(cache, `m${o.id}`, [ends, size, boxes], () =>
        placeMeasureLabel(ends[0], ends[1], size, boxes),
      ),
    );
  }
  return places;
}
