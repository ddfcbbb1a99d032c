import type { LinkType } from '../core/links.ts';
import { n } from '../render/picture.ts';

/**
 * Where the shared canvas draws a link between two nodes, as plain maths (no React Flow), so that
 * the renderers of evidence and relationship charts route links exactly as the editor does: from
 * the source node's handle on its right side to the target node's handle on its left side, as
 * React Flow's default Bézier edge (`getBezierPath`, curvature 0.25), the label at the curve's
 * middle (t = 0.5).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LinkCurve {
  /** Path data: M, then one cubic Bézier (absolute). */
  d: string;
  source: { x: number; y: number };
  c1: { x: number; y: number };
  c2: { x: number; y: number };
  target: { x: number; y: number };
  /** The label's centre. */
  label: { x: number; y: number };
}

/**
 * A React Flow handle is a 6 px dot centred on the node's border: an edge starts at the outer side
 * of the source's right handle and ends at the outer side of the target's left handle.
 */
export const HANDLE_SIZE = 6;

const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/**
 * The link from `source`'s right handle to `target`'s left handle.
 * @example linkCurve({ x: 0, y: 0, w: 100, h: 40 }, { x: 300, y: 100, w: 100, h: 40 }).d
 */
export function linkCurve(source: Box, target: Box): LinkCurve {
  const s = { x: source.x + source.w + HANDLE_SIZE / 2, y: source.y + source.h / 2 };
  const t = { x: target.x - HANDLE_SIZE / 2, y: target.y + target.h / 2 };
  const c1 = { x: s.x + controlOffset(t.x - s.x), y: s.y };
  const c2 = { x: t.x - controlOffset(t.x - s.x), y: t.y };
  const label = {
    x: s.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + t.x * 0.125,
    y: s.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + t.y * 0.125,
  };
  const d = `M${n(s.x)} ${n(s.y)} C${n(c1.x)} ${n(c1.y)} ${n(c2.x)} ${n(c2.y)} ${n(t.x)} ${n(t.y)}`;
  return { d, source: s, c1, c2, target: t, label };
}

/** The point of a link's curve at `t` (0..1). */
export function pointOnCurve(curve: LinkCurve, t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * curve.source.x + b * curve.c1.x + c * curve.c2.x + d * curve.target.x,
    y: a * curve.source.y + b * curve.c1.y + c * curve.c2.y + d * curve.target.y,
  };
}

/**
 * How each link type is stroked, on screen (`LINK_LOOK` in linkLook.ts is made from it) and in
 * exported pictures, here without React Flow so that Node can draw links. `glyph` is written before
 * the link's word with a character Be Vietnam Pro has (the screen shows ✕ for ×).
 */
export const LINK_STROKES: Record<
  LinkType,
  { color: string; dash?: string; glyph?: string; arrow: boolean }
> = {
  supports: { color: '#15803d', arrow: true },
  contradicts: { color: '#b91c1c', dash: '8 5', glyph: '×', arrow: true },
  corroborates: { color: '#1d4ed8', dash: '2 5', glyph: '+', arrow: false },
  relation: { color: '#64748b', arrow: true },
  called: { color: '#0f766e', dash: '6 3', arrow: true },
  met: { color: '#7c3aed', arrow: false },
  owns: { color: '#b45309', arrow: true },
  paid: { color: '#15803d', dash: '10 3 2 3', arrow: true },
  related: { color: '#64748b', dash: '4 4', arrow: false },
};

/** A link's stroke width by strength (LinkEdge.tsx). */
export const LINK_WIDTH: Record<string, number> = { weak: 1.25, medium: 2.25, strong: 3.75 };

/**
 * React Flow's closed arrowhead (`MarkerType.ArrowClosed`, 18 × 18 in stroke widths, a triangle
 * 5 long and 8 wide in a 20-unit box) at the end of a link, pointing along +x as every link ends
 * on a left handle: path data of the filled triangle.
 */
export function arrowHead(tip: { x: number; y: number }, strokeWidth: number): string {
  const k = (18 * strokeWidth) / 20;
  const back = tip.x - 5 * k;
  return `M${n(tip.x)} ${n(tip.y)} L${n(back)} ${n(tip.y - 4 * k)} L${n(back)} ${n(tip.y + 4 * k)} Z`;
}
