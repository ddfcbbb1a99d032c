/**
 * Scene diagrams (sơ đồ hiện trường): the pure arithmetic of a drawing to scale. Positions and sizes
 * are in metres on the ground; the board's scale (metres per grid square) only sets the grid and the
 * snapping, so changing it never changes a real length. No Yjs here: everything takes plain objects.
 */

export interface Point {
  x: number;
  y: number;
}

export type SceneShape =
  | 'wall'
  | 'rect'
  | 'ellipse'
  | 'polygon'
  | 'line'
  | 'arrow'
  | 'text'
  | 'measure'
  | 'marker'
  | 'refpoint'
  | 'symbol'
  | 'image'
  | 'scalebar'
  | 'north';

/** One object of a scene as read from the document (see docs/document-model.md). */
export interface SceneObject {
  id: string;
  shape: SceneShape;
  /** Anchor: the top-left corner of the box before rotation; for point-like objects, the point. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Degrees, clockwise, about the box centre. */
  rotation: number;
  /** Stacking order: a fractional key; later keys are drawn on top. */
  z: string;
  /** Vertices in metres, for walls, polygons, lines, arrows and measurements (two points). */
  points: Point[];
  /** Closed loop (a wall around a room, a polygon). */
  closed: boolean;
  /** Wall thickness in metres. */
  thickness: number;
  label: string;
  /** The symbol drawn, for `symbol` objects (an id of the symbol library). */
  symbol?: string;
  /** An evidence item of the register, for markers. */
  entity?: string;
  /** A marker's stored number (see `markerNumbers`). */
  number?: number;
  /** Measurement ends pinned to objects: the end follows the object's centre. */
  pins?: [string | null, string | null];
  /** Time labels along a path (arrow or line), one per vertex, may be empty. */
  times?: string[];
  /** A case-file image (sha256) for `image` objects. */
  file?: string;
  opacity?: number;
  /** The background layer: drawn under everything, never selected by a click. */
  background?: boolean;
  locked: boolean;
  group?: string;
}

export const SQUARE_METRES_DIGITS = 2;

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The length of a path through `points`, back to the first when `closed`. */
export function pathLength(points: readonly Point[], closed = false): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  if (closed && points.length > 2) total += distance(points[points.length - 1]!, points[0]!);
  return total;
}

/**
 * The area enclosed by a polygon (shoelace formula), whatever its winding; 0 for fewer than three
 * points. A self-crossing outline gives the signed sum of its loops' areas, as drawing programs do.
 */
export function polygonArea(points: readonly Point[]): number {
  if (points.length < 3) return 0;
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/** The centre of an object's box. */
export function centreOf(o: Pick<SceneObject, 'x' | 'y' | 'w' | 'h' | 'points' | 'shape'>): Point {
  if (o.points.length > 0 && (o.shape === 'wall' || o.shape === 'polygon')) {
    const xs = o.points.map((p) => p.x);
    const ys = o.points.map((p) => p.y);
    return {
      x: (Math.min(...xs) + Math.max(...xs)) / 2,
      y: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  }
  return { x: o.x + o.w / 2, y: o.y + o.h / 2 };
}

/**
 * The area of a room in square metres: a closed wall loop or a polygon (measured on the walls'
 * centre lines), a rectangle or an ellipse; null for objects that enclose nothing.
 */
export function areaOf(o: SceneObject): number | null {
  switch (o.shape) {
    case 'wall':
      return o.closed && o.points.length >= 3 ? polygonArea(o.points) : null;
    case 'polygon':
      return o.points.length >= 3 ? polygonArea(o.points) : null;
    case 'rect':
      return Math.abs(o.w * o.h);
    case 'ellipse':
      return (Math.PI * Math.abs(o.w * o.h)) / 4;
    default:
      return null;
  }
}

/** The two ends of a measurement: each pinned end follows its object's centre. */
export function measureEnds(
  measure: SceneObject,
  byId: ReadonlyMap<string, SceneObject>,
): [Point, Point] | null {
  if (measure.points.length < 2) return null;
  const end = (i: 0 | 1): Point => {
    const pin = measure.pins?.[i];
    const target = pin ? byId.get(pin) : undefined;
    return target ? centreOf(target) : measure.points[i]!;
  };
  return [end(0), end(1)];
}

/** A length in metres as people read it: two decimals, the language's decimal separator. */
export function formatMetres(metres: number, language: string): string {
  return `${formatNumber(metres, language)} m`;
}

export function formatSquareMetres(squareMetres: number, language: string): string {
  return `${formatNumber(squareMetres, language)} m²`;
}

/** One formatter per locale: building one costs more than formatting a thousand numbers. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, language: string): string {
  const locale = language.startsWith('vi') ? 'vi-VN' : 'en-GB';
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: SQUARE_METRES_DIGITS,
      maximumFractionDigits: SQUARE_METRES_DIGITS,
      useGrouping: true,
    });
    formatters.set(locale, format);
  }
  return format.format(value);
}

/**
 * The numbers markers show. A marker keeps the number it was given (evidence numbers end up in the
 * inspection record, so they must not shift when another is deleted). Two people placing a marker at
 * once may both take the same next number; then the one placed first in (number, id) order keeps it
 * and the others take the numbers after the highest, in id order. Every peer computes the same
 * result from the same document, so nobody writes a competing repair; "renumber" writes 1, 2, 3 ….
 */
export function markerNumbers(
  markers: ReadonlyArray<Pick<SceneObject, 'id' | 'number'>>,
): Map<string, number> {
  const sorted = [...markers].sort(
    (a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.id < b.id ? -1 : 1),
  );
  const result = new Map<string, number>();
  const taken = new Set<number>();
  const clashes: string[] = [];
  let highest = 0;
  for (const m of sorted) {
    const n = m.number;
    if (n !== undefined && Number.isInteger(n) && n > 0 && !taken.has(n)) {
      result.set(m.id, n);
      taken.add(n);
      highest = Math.max(highest, n);
    } else clashes.push(m.id);
  }
  for (const id of clashes.sort()) result.set(id, ++highest);
  return result;
}

/** The number a new marker takes: one more than the highest shown. */
export function nextMarkerNumber(
  markers: ReadonlyArray<Pick<SceneObject, 'id' | 'number'>>,
): number {
  let highest = 0;
  for (const n of markerNumbers(markers).values()) highest = Math.max(highest, n);
  return highest + 1;
}

/** Distances from a point to each reference point (triangulation from fixed points). */
export function triangulate(point: Point, references: readonly Point[]): number[] {
  return references.map((r) => distance(point, r));
}

export interface EvidenceRow {
  id: string;
  number: number;
  entity?: string;
  /** Position in metres from the scene's origin. */
  x: number;
  y: number;
  /** Distances to the chosen reference points, in their order. */
  distances: number[];
}

/** The evidence table: every marker by number, with its position and distances to the references. */
export function evidenceTable(
  objects: readonly SceneObject[],
  references: readonly string[],
): EvidenceRow[] {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const refs = references
    .map((id) => byId.get(id))
    .filter((o): o is SceneObject => o !== undefined)
    .map((o) => ({ x: o.x, y: o.y }));
  const markers = objects.filter((o) => o.shape === 'marker');
  const numbers = markerNumbers(markers);
  return markers
    .map((m) => ({
      id: m.id,
      number: numbers.get(m.id)!,
      ...(m.entity ? { entity: m.entity } : {}),
      x: m.x,
      y: m.y,
      distances: triangulate(m, refs),
    }))
    .sort((a, b) => a.number - b.number);
}

/** The reference points triangulation uses: the chosen ones, else the first two by label. */
export function referencePoints(
  objects: readonly SceneObject[],
  chosen: readonly string[] = [],
): string[] {
  const refs = objects.filter((o) => o.shape === 'refpoint');
  const valid = chosen.filter((id) => refs.some((r) => r.id === id));
  if (valid.length >= 2) return valid.slice(0, 2);
  return refs
    .sort((a, b) => a.label.localeCompare(b.label, 'vi') || (a.id < b.id ? -1 : 1))
    .slice(0, 2)
    .map((r) => r.id);
}

/** The symbols a legend lists: each symbol used on the board once, in the library's order. */
export function legendOf(
  objects: readonly SceneObject[],
  libraryOrder: readonly string[],
): string[] {
  const used = new Set(
    objects.filter((o) => o.shape === 'symbol' && o.symbol).map((o) => o.symbol!),
  );
  const known = libraryOrder.filter((id) => used.has(id));
  const unknown = [...used].filter((id) => !libraryOrder.includes(id)).sort();
  return [...known, ...unknown];
}

/** The nearest multiple of `step` (grid snapping); `step` ≤ 0 leaves the value. */
export function snap(value: number, step: number): number {
  return step > 0 ? Math.round(value / step) * step : value;
}

/** An angle snapped to multiples of `step` degrees (Shift while rotating), in [0, 360). */
export function snapAngle(degrees: number, step = 15): number {
  const snapped = Math.round(degrees / step) * step;
  return ((snapped % 360) + 360) % 360;
}

/**
 * Calibration: a line drawn `drawn` metres long on a background image is really `known` metres long;
 * the factor to scale the image by (about its anchor) so that it is.
 */
export function calibrationFactor(drawn: number, known: number): number {
  if (!(drawn > 0) || !(known > 0)) throw new RangeError('Both lengths must be positive.');
  return known / drawn;
}

/** The axis-aligned box around an object, rotation included (for selection, snapping, culling). */
export function boundsOf(o: SceneObject): { x0: number; y0: number; x1: number; y1: number } {
  if (o.points.length > 0 && o.shape !== 'symbol' && o.shape !== 'image') {
    const xs = o.points.map((p) => p.x);
    const ys = o.points.map((p) => p.y);
    const pad = o.shape === 'wall' ? o.thickness / 2 : 0;
    return {
      x0: Math.min(...xs) - pad,
      y0: Math.min(...ys) - pad,
      x1: Math.max(...xs) + pad,
      y1: Math.max(...ys) + pad,
    };
  }
  const c = centreOf(o);
  const a = (o.rotation * Math.PI) / 180;
  const hw = (Math.abs(o.w * Math.cos(a)) + Math.abs(o.h * Math.sin(a))) / 2;
  const hh = (Math.abs(o.w * Math.sin(a)) + Math.abs(o.h * Math.cos(a))) / 2;
  return { x0: c.x - hw, y0: c.y - hh, x1: c.x + hw, y1: c.y + hh };
}

/** Positions that space the objects' centres evenly between the first and the last (distribute). */
export function distribute(
  objects: ReadonlyArray<{ id: string; centre: number }>,
): Map<string, number> {
  const sorted = [...objects].sort((a, b) => a.centre - b.centre);
  const result = new Map<string, number>();
  if (sorted.length < 3) return result;
  const first = sorted[0]!.centre;
  const step = (sorted.at(-1)!.centre - first) / (sorted.length - 1);
  sorted.forEach((o, i) => result.set(o.id, first + step * i));
  return result;
}

/**
 * A number typed by a person: a decimal comma ("2,5") or point ("2.5"), spaces ignored; null when
 * it is not a finite number.
 *
 * @example parseDecimal('2,5') // 2.5
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number for an input field, up to three decimals (millimetres), with the language's decimal
 * separator and no grouping: 2.5 reads "2,5" in Vietnamese.
 */
export function formatDecimal(value: number, language: string): string {
  const text = String(Math.round(value * 1000) / 1000);
  return language.startsWith('vi') ? text.replace('.', ',') : text;
}
