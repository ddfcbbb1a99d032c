import { formatMetres, measureEnds, type Point, type SceneObject } from '../../core/scene.ts';
import { n, type Shape } from '../../render/picture.ts';
import { LINE, label, p, turned, type DrawContext } from './renderText.ts';

/** The head of a path with direction, at its last point (the editor's `#scene-arrow`). */
export function arrowHead(points: readonly Point[], u: number): Shape[] {
  const b = points.at(-1);
  const a = points.at(-2);
  if (!a || !b) return [];
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0) return [];
  const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
  const [tx, ty] = [p(b.x), p(b.y)];
  const back = 12 * u;
  const half = 5 * u;
  const d = `M${n(tx)} ${n(ty)}L${n(tx - ux * back - uy * half)} ${n(ty - uy * back + ux * half)}L${n(tx - ux * back + uy * half)} ${n(ty - uy * back - ux * half)}Z`;
  return [{ kind: 'path', d, fill: LINE }];
}

/** A measurement: its line, a tick across each end, and its length upright beside the line. */
export function measure(o: SceneObject, ctx: DrawContext, u: number): Shape[] {
  const ends = measureEnds(o, ctx.byId);
  if (!ends) return [];
  const [a, b] = ends;
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const upright = angle > 90 || angle < -90 ? angle + 180 : angle;
  const mid = ctx.labelPlaces.get(o.id) ?? {
    x: (a.x + b.x) / 2,
    y: (a.y + b.y) / 2 - ctx.text * 0.6,
  };
  const colour = '#b45309';
  const ticks =
    length > 0
      ? [a, b]
          .map((end) => {
            const [nx, ny] = [-(b.y - a.y) / length, (b.x - a.x) / length];
            const half = 6 * u;
            return `M${n(p(end.x) + nx * half)} ${n(p(end.y) + ny * half)}L${n(p(end.x) - nx * half)} ${n(p(end.y) - ny * half)}`;
          })
          .join('')
      : '';
  return [
    {
      kind: 'path',
      d: `M${n(p(a.x))} ${n(p(a.y))}L${n(p(b.x))} ${n(p(b.y))}${ticks}`,
      stroke: colour,
      strokeWidth: 1.5 * u,
      fill: 'none',
    },
    ...turned(
      [
        label(p(mid.x), p(mid.y), formatMetres(length, ctx.language), p(ctx.text), {
          fill: '#92400e',
        }),
      ],
      upright,
      p(mid.x),
      p(mid.y),
    ),
  ];
}
