import { n } from '../../render/picture.ts';

/**
 * The lines of a mind map as the editor's React Flow edges run: a branch leaves its parent from the
 * side facing the child (HANDLES in view.ts) as a Bézier with React Flow's default curvature, or,
 * below a parent in an org chart or timeline, as a smooth step; a relationship is a quadratic curve
 * from the bottom of one topic to the top of the other, bowed by its stored control offset.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'left' | 'right' | 'down';

/** React Flow's control offset of a Bézier edge (`calculateControlOffset`, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/**
 * The path of the branch line from `parent` to `child` on `side`: starts on the parent's edge and
 * ends on the child's.
 */
export function branchPath(parent: Box, child: Box, side: Side): string {
  if (side === 'down') {
    return smoothStep(
      parent.x + parent.width / 2,
      parent.y + parent.height,
      child.x + child.width / 2,
      child.y,
    );
  }
  const sy = parent.y + parent.height / 2;
  const ty = child.y + child.height / 2;
  if (side === 'right') {
    const sx = parent.x + parent.width;
    const tx = child.x;
    const c1 = sx + controlOffset(tx - sx);
    const c2 = tx - controlOffset(tx - sx);
    return `M${n(sx)} ${n(sy)} C${n(c1)} ${n(sy)} ${n(c2)} ${n(ty)} ${n(tx)} ${n(ty)}`;
  }
  const sx = parent.x;
  const tx = child.x + child.width;
  const c1 = sx - controlOffset(sx - tx);
  const c2 = tx + controlOffset(sx - tx);
  return `M${n(sx)} ${n(sy)} C${n(c1)} ${n(sy)} ${n(c2)} ${n(ty)} ${n(tx)} ${n(ty)}`;
}

/** React Flow's smooth step from a bottom handle down to a top handle (corner radius 5). */
function smoothStep(sx: number, sy: number, tx: number, ty: number): string {
  const cy = (sy + ty) / 2;
  const dx = tx - sx;
  if (Math.abs(dx) < 0.5) return `M${n(sx)} ${n(sy)} L${n(tx)} ${n(ty)}`;
  const r = Math.min(5, Math.abs(dx) / 2, Math.abs(cy - sy));
  const dir = dx > 0 ? 1 : -1;
  return [
    `M${n(sx)} ${n(sy)}`,
    `L${n(sx)} ${n(cy - r)}`,
    `Q${n(sx)} ${n(cy)} ${n(sx + r * dir)} ${n(cy)}`,
    `L${n(tx - r * dir)} ${n(cy)}`,
    `Q${n(tx)} ${n(cy)} ${n(tx)} ${n(cy + r)}`,
    `L${n(tx)} ${n(ty)}`,
  ].join(' ');
}

/** A relationship's curve, its arrow head, and its start, control and end points. */
export function relationshipGeometry(
  source: Box,
  target: Box,
  control: { dx: number; dy: number } | undefined,
): { d: string; arrow: string; points: number[][] } {
  const sx = source.x + source.width / 2;
  const sy = source.y + source.height;
  const tx = target.x + target.width / 2;
  const ty = target.y;
  // By default the line bows sideways by a fifth of its length (RelationshipEdge.tsx).
  const bend = control ?? { dx: -(ty - sy) * 0.2, dy: (tx - sx) * 0.2 };
  const cx = (sx + tx) / 2 + bend.dx;
  const cy = (sy + ty) / 2 + bend.dy;
  // The arrow head points along the curve's end tangent, its tip on the target's edge.
  const length = Math.hypot(tx - cx, ty - cy) || 1;
  const ux = (tx - cx) / length;
  const uy = (ty - cy) / length;
  const back = { x: tx - ux * 10, y: ty - uy * 10 };
  const arrow = [
    `M${n(tx)} ${n(ty)}`,
    `L${n(back.x - uy * 5)} ${n(back.y + ux * 5)}`,
    `L${n(back.x + uy * 5)} ${n(back.y - ux * 5)}`,
    'Z',
  ].join(' ');
  // The curve ends at the arrow's base so that its stroke does not blunt the tip.
  return {
    d: `M${n(sx)} ${n(sy)} Q${n(cx)} ${n(cy)} ${n(back.x)} ${n(back.y)}`,
    arrow,
    points: [
      [sx, sy],
      [cx, cy],
      [tx, ty],
    ],
  };
}

/** The summary bracket's path in a `width` × `height` box at (x, y) (decorations.tsx). */
export function bracketPath(box: Box, side: Side): string {
  const { x, y, width: w, height: h } = box;
  const p = (px: number, py: number) => `${n(x + px)} ${n(y + py)}`;
  if (side === 'down')
    return `M${p(0, 0)} Q${p(0, h / 2)} ${p(w / 2, h / 2)} Q${p(w, h / 2)} ${p(w, 0)}`;
  if (side === 'left') return `M${p(w, 0)} Q${p(0, 0)} ${p(0, h / 2)} Q${p(0, h)} ${p(w, h)}`;
  return `M${p(0, 0)} Q${p(w, 0)} ${p(w, h / 2)} Q${p(w, h)} ${p(0, h)}`;
}
