import { calloutBoxes, connectBoxes, type Box } from '../../core/callout.ts';
import type { Mark } from '../../core/commands/files.ts';
import { textWidth } from '../../render/metrics.ts';
import type { Shape } from '../../render/picture.ts';

/**
 * A case-file page's marks as shapes over the page drawn at `page` (in the picture's units), as
 * files/MarksLayer.tsx and CalloutMark.tsx draw them on screen: highlights, arrows, notes, and
 * callouts whose enlarged copy is `pageShape` drawn again, clipped to the region and scaled. In a
 * PDF that copy is the same embedded page (vector), in an SVG the same picture.
 * @example markShapes(listMarks(doc, hash, 1), { x: 100, y: 50, w: 600, h: 848 }, pageShape)
 */
export function markShapes(marks: readonly Mark[], page: Box, pageShape: Shape): Shape[] {
  // MarksLayer draws in page widths (the page is 1 wide, `aspect` high): the same numbers here.
  const u = page.w;
  const aspect = page.h / page.w;
  const X = (x: number) => page.x + x * u;
  const Y = (y: number) => page.y + y * aspect * u;
  const shapes: Shape[] = [];
  for (const mark of marks) {
    switch (mark.kind) {
      case 'highlight':
        shapes.push({
          kind: 'rect',
          x: X(mark.x),
          y: Y(mark.y),
          width: (mark.w ?? 0) * u,
          height: (mark.h ?? 0) * aspect * u,
          fill: mark.color ?? '#facc15',
          opacity: 0.35,
        });
        break;
      case 'arrow':
        shapes.push(
          ...arrow(X(mark.x), Y(mark.y), X(mark.x2 ?? mark.x), Y(mark.y2 ?? mark.y), u, mark.color),
        );
        break;
      case 'note': {
        const color = mark.color ?? '#d97706';
        const size = 0.022 * u;
        const x = X(mark.x) + 0.018 * u;
        const y = Y(mark.y) + 0.008 * u;
        shapes.push({
          kind: 'ellipse',
          cx: X(mark.x),
          cy: Y(mark.y),
          rx: 0.012 * u,
          ry: 0.012 * u,
          fill: color,
        });
        if (mark.text) {
          // The screen draws a white halo around the letters; a white band reads the same.
          const w = textWidth(mark.text, size);
          shapes.push(
            {
              kind: 'rect',
              x: x - size * 0.2,
              y: y - size * 0.95,
              width: w + size * 0.4,
              height: size * 1.25,
              radius: size * 0.2,
              fill: '#ffffff',
              opacity: 0.85,
            },
            { kind: 'text', x, y, text: mark.text, size, fill: '#111827' },
          );
        }
        break;
      }
      case 'callout':
        shapes.push(...callout(mark, page, aspect, pageShape));
        break;
    }
  }
  return shapes;
}

function arrow(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  u: number,
  color = '#dc2626',
): Shape[] {
  const width = 0.005 * u;
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return [];
  // The screen's marker: a triangle 5 stroke widths long, its tip at the end.
  const head = Math.min(5 * width, length);
  const [dx, dy] = [(x2 - x1) / length, (y2 - y1) / length];
  const [bx, by] = [x2 - dx * head, y2 - dy * head];
  const [nx, ny] = [-dy * head * 0.5, dx * head * 0.5];
  return [
    { kind: 'path', d: `M${x1} ${y1}L${bx} ${by}`, stroke: color, strokeWidth: width },
    { kind: 'path', d: `M${x2} ${y2}L${bx + nx} ${by + ny}L${bx - nx} ${by - ny}Z`, fill: color },
  ];
}

function callout(mark: Mark, page: Box, aspect: number, pageShape: Shape): Shape[] {
  const u = page.w;
  const color = mark.color ?? '#2563eb';
  const boxes = calloutBoxes(mark, aspect);
  const toPicture = (b: Box): Box => ({
    x: page.x + b.x * u,
    y: page.y + b.y * u,
    w: b.w * u,
    h: b.h * u,
  });
  const region = toPicture(boxes.region);
  const copy = toPicture(boxes.copy);
  const line = connectBoxes(region, copy);
  const sx = copy.w / Math.max(region.w, 1e-9);
  const sy = copy.h / Math.max(region.h, 1e-9);
  return [
    {
      kind: 'group',
      id: `callout-${mark.id}`,
      children: [
        {
          kind: 'rect',
          x: region.x,
          y: region.y,
          width: region.w,
          height: region.h,
          fill: 'none',
          stroke: color,
          strokeWidth: 0.003 * u,
        },
        {
          kind: 'path',
          d: `M${line.x1} ${line.y1}L${line.x2} ${line.y2}`,
          stroke: color,
          strokeWidth: 0.002 * u,
        },
        { kind: 'rect', x: copy.x, y: copy.y, width: copy.w, height: copy.h, fill: '#ffffff' },
        {
          // The page again, scaled so that the region lands on the copy, cut to the region.
          kind: 'group',
          transform: [sx, 0, 0, sy, copy.x - region.x * sx, copy.y - region.y * sy],
          clip: { x: region.x, y: region.y, width: region.w, height: region.h },
          children: [pageShape],
        },
        {
          kind: 'rect',
          x: copy.x,
          y: copy.y,
          width: copy.w,
          height: copy.h,
          fill: 'none',
          stroke: color,
          strokeWidth: 0.004 * u,
        },
      ],
    },
  ];
}
