import {
  areaOf,
  centreOf,
  formatMetres,
  formatSquareMetres,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import { areaLabelText, roomOutline, sideLabels } from '../../core/sceneLabels.ts';
import { PX } from '../../core/scene/view.ts';
import { n, type Shape } from '../../render/picture.ts';
import { arrowHead, measure } from './renderLines.ts';
import { symbolShapes } from './renderSymbols.ts';
import { BASE_TEXT, INK, LINE, label, p, turned, type DrawContext } from './renderText.ts';
import { symbolById } from './symbols.ts';

/**
 * One scene object as picture shapes, drawn as SceneItem.tsx draws it on screen at zoom 1: the
 * same colours, label sizes and label places, in picture units (metres × PX). The editor's
 * non-scaling strokes (1.5 px on screen whatever the zoom) are `screen` units here, so that a sheet
 * printed at 1:500 thickens them as the zoomed-out editor does.
 */

const polyline = (points: readonly Point[], closed: boolean) =>
  points.map((q, i) => `${i ? 'L' : 'M'}${n(p(q.x))} ${n(p(q.y))}`).join('') + (closed ? 'Z' : '');

function sideLengths(o: SceneObject, ctx: DrawContext): Shape[] {
  const outline = roomOutline(o);
  if (!outline) return [];
  const size = ctx.text * 0.9;
  const offset = (o.shape === 'wall' ? o.thickness / 2 : 0) + size * 0.75;
  return sideLabels(outline, true, offset).flatMap((side) =>
    turned(
      [label(p(side.x), p(side.y), formatMetres(side.length, ctx.language), p(size))],
      side.angle,
      p(side.x),
      p(side.y),
    ),
  );
}

function areaLabel(o: SceneObject, ctx: DrawContext, text: string): Shape {
  const at = ctx.labelPlaces.get(o.id) ?? centreOf(o);
  return label(p(at.x), p(at.y), text, p(ctx.text * 1.2));
}

/** The shapes of one object, in picture units; empty for an object that draws nothing. */
export function drawObject(o: SceneObject, ctx: DrawContext): Shape[] {
  const u = ctx.text / BASE_TEXT;
  const c = centreOf(o);
  const [cx, cy] = [p(c.x), p(c.y)];
  const outlined = { fill: '#94a3b8', stroke: 'none', opacity: 0.08 } as const;
  const edge = { fill: 'none', stroke: LINE, strokeWidth: 1.5 * u } as const;
  switch (o.shape) {
    case 'wall': {
      const area = areaOf(o);
      const d = polyline(o.points, o.closed);
      return [
        ...(o.closed ? [{ kind: 'path', d, fill: '#94a3b8', opacity: 0.12 } as Shape] : []),
        {
          kind: 'path',
          d,
          stroke: '#374151',
          strokeWidth: p(o.thickness),
          fill: 'none',
          lineJoin: 'miter',
        },
        ...(o.closed ? sideLengths(o, ctx) : []),
        ...(area !== null ? [areaLabel(o, ctx, formatSquareMetres(area, ctx.language))] : []),
      ];
    }
    case 'rect': {
      const box = { x: p(o.x), y: p(o.y), width: p(o.w), height: p(o.h) };
      return [
        ...turned(
          [
            { kind: 'rect', ...box, ...outlined },
            { kind: 'rect', ...box, ...edge },
          ],
          o.rotation,
          cx,
          cy,
        ),
        ...sideLengths(o, ctx),
        areaLabel(o, ctx, areaLabelText(o, ctx.language)),
      ];
    }
    case 'ellipse': {
      const e = { cx, cy, rx: p(o.w / 2), ry: p(o.h / 2) };
      return turned(
        [
          { kind: 'ellipse', ...e, ...outlined },
          { kind: 'ellipse', ...e, ...edge },
          ...(o.label ? [label(cx, cy, o.label, p(ctx.text))] : []),
        ],
        o.rotation,
        cx,
        cy,
      );
    }
    case 'polygon': {
      const d = polyline(o.points, true);
      return [
        { kind: 'path', d, ...outlined },
        { kind: 'path', d, ...edge, lineJoin: 'round' },
        ...sideLengths(o, ctx),
        areaLabel(o, ctx, areaLabelText(o, ctx.language)),
      ];
    }
    case 'line':
    case 'arrow':
      return [
        {
          kind: 'path',
          d: polyline(o.points, false),
          ...edge,
          strokeWidth: 2 * u,
          lineJoin: 'round',
        },
        ...(o.shape === 'arrow' ? arrowHead(o.points, u) : []),
        ...(o.times ?? []).flatMap((time, i) => {
          const at = o.points[i];
          return time && at ? [label(p(at.x), p(at.y - 0.15), time, p(ctx.text))] : [];
        }),
      ];
    case 'text': {
      const size = p(o.h > 0 ? o.h : ctx.text * 1.5);
      // The editor hangs the text from (x, y); Be Vietnam Pro's hanging line is about 0.8 em up.
      return turned(
        [
          {
            kind: 'text',
            x: p(o.x),
            y: p(o.y) + size * 0.8,
            text: o.label.replace(/\s*\n\s*/g, ' ').normalize('NFC'),
            size,
            fill: INK,
          },
        ],
        o.rotation,
        cx,
        cy,
      );
    }
    case 'measure':
      return measure(o, ctx, u);
    case 'marker': {
      const r = p(0.22 * (ctx.text / BASE_TEXT));
      const [x, y] = [p(o.x), p(o.y)];
      const size = p(0.24 * u);
      return [
        {
          kind: 'ellipse',
          cx: x,
          cy: y,
          rx: r,
          ry: r,
          fill: '#facc15',
          stroke: INK,
          strokeWidth: 1.5 * u,
        },
        {
          kind: 'text',
          x,
          y: y + size * 0.36,
          text: String(ctx.numbers.get(o.id) ?? '?'),
          size,
          weight: 700,
          fill: INK,
          anchor: 'middle',
        },
      ];
    }
    case 'refpoint': {
      const [x, y] = [o.x, o.y];
      return [
        {
          kind: 'path',
          d: polyline(
            [
              { x, y: y - 0.22 },
              { x: x + 0.2, y: y + 0.14 },
              { x: x - 0.2, y: y + 0.14 },
            ],
            true,
          ),
          fill: '#16a34a',
          stroke: '#14532d',
          strokeWidth: u,
        },
        ...(o.label ? [label(p(x + 0.28), p(y), o.label, p(ctx.text), { anchor: 'start' })] : []),
      ];
    }
    case 'symbol': {
      const symbol = o.symbol ? symbolById(o.symbol) : undefined;
      const box = { x: p(o.x), y: p(o.y), w: p(o.w), h: p(o.h) };
      const drawn: Shape[] = symbol
        ? symbolShapes(symbol, box)
        : [
            {
              kind: 'rect',
              x: box.x,
              y: box.y,
              width: box.w,
              height: box.h,
              ...edge,
              dash: [5, 5],
            },
          ];
      if (o.label) drawn.push(label(cx, p(o.y + o.h + ctx.text * 0.7), o.label, p(ctx.text)));
      return turned(drawn, o.rotation, cx, cy);
    }
    case 'image': {
      if (!o.file) return [];
      return turned(
        [
          {
            kind: 'image',
            x: p(o.x),
            y: p(o.y),
            width: p(o.w),
            height: p(o.h),
            hash: o.file,
            mime: ctx.mimes.get(o.file) ?? 'image/png',
            ...(o.opacity !== undefined && o.opacity < 1 ? { opacity: o.opacity } : {}),
          },
        ],
        o.rotation,
        cx,
        cy,
      );
    }
    case 'scalebar': {
      const length = p(Math.max(ctx.gridMetres * 4, 0.01));
      const [x, y] = [p(o.x), p(o.y)];
      const size = p(ctx.text * 0.9);
      return [
        { kind: 'rect', x, y, width: length / 2, height: p(0.08), fill: INK },
        {
          kind: 'rect',
          x: x + length / 2,
          y,
          width: length / 2,
          height: p(0.08),
          fill: '#ffffff',
          stroke: INK,
          strokeWidth: 1,
        },
        { kind: 'text', x, y: y + p(0.14) + size * 0.8, text: '0', size, fill: INK },
        {
          kind: 'text',
          x: x + length,
          y: y + p(0.14) + size * 0.8,
          text: formatMetres(length / PX, ctx.language),
          size,
          fill: INK,
          anchor: 'middle',
        },
      ];
    }
    case 'north': {
      const [x, y] = [o.x, o.y];
      return turned(
        [
          {
            kind: 'ellipse',
            cx: p(x),
            cy: p(y),
            rx: p(0.45),
            ry: p(0.45),
            fill: '#ffffff',
            stroke: INK,
            strokeWidth: 1.5,
          },
          {
            kind: 'path',
            d: polyline(
              [
                { x, y: y - 0.4 },
                { x: x + 0.16, y: y + 0.25 },
                { x, y: y + 0.12 },
                { x: x - 0.16, y: y + 0.25 },
              ],
              true,
            ),
            fill: INK,
          },
          label(p(x), p(y - 0.55), ctx.northLabel, p(ctx.text * 1.3)),
        ],
        o.rotation,
        p(x),
        p(y),
      );
    }
    default:
      return [];
  }
}
