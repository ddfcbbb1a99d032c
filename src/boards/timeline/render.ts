import type * as Y from 'yjs';
import type { Picture, Shape } from '../../render/picture.ts';
import { framePicture, NoSuchBoard, type Rect, type RenderOptions } from '../../render/board.ts';
import { textWidth, wrapText } from '../../render/metrics.ts';
import { boardsOf, recordAt, textField } from '../../core/doc.ts';
import { readTimeline, tickStep, ticks, type TimelineItem } from '../../core/timeline.ts';
import { graphTexts } from '../graph/locales.ts';
import { baselineIn } from '../graph/renderNode.ts';
import { DIM_OPACITY, unionOf, waitingLook } from '../graph/renderFrame.ts';
import { tickLabel } from './axis.ts';
import { LABEL_PX, fitView, stackRows, badgeText, type TimelineView } from './renderLayout.ts';

/**
 * The case timeline drawn from the document as TimelineBoard.tsx lays it out: the axis with its
 * ticks and dates, one lane per person (names, alternate stripes), events as diamonds and bars
 * with their names and evidence badges, and the list of events without a time beside it. Board
 * coordinates are the editor element's CSS pixels (what canvas/elementFrame.tsx measures for a
 * slide's frame): the toolbar on top, the time area below it, the side panel on the right.
 *
 * The editor's width is the window's; the export uses `TIMELINE_WIDTH` (the board's opening zoom
 * at that width), or the width a frame implies, and grows to the right when a label runs past it.
 *
 * @example renderTimeline(doc, boardId, { language: 'vi' })
 */
export function renderTimeline(doc: Y.Doc, boardId: string, options: RenderOptions): Picture {
  const board = recordAt(boardsOf(doc), boardId);
  if (!board || board.get('kind') !== 'timeline') throw new NoSuchBoard(boardId);
  const lang = options.language.startsWith('en') ? 'en' : 'vi';
  const words = graphTexts[lang].timeline;
  const timeline = readTimeline(doc);
  const frame = options.frame;
  const width = frame ? Math.max(400, frame.x + frame.w - ASIDE_W) : TIMELINE_WIDTH;
  const view = timeline.span ? fitView(timeline.span, width) : null;
  const top = TOOLBAR_H;
  const shapes: Shape[] = [];
  const extents: Rect[] = [];

  if (!view) {
    shapes.push(text(24, top + 40, words.empty, 15, MUTED));
    extents.push({ x: 0, y: top, w: width, h: 80 });
  } else {
    const lanes = timeline.lanes.map((lane) => {
      const items = timeline.items.filter((item) =>
        lane.id ? item.people.includes(lane.id) : item.people.length === 0,
      );
      return { lane, rows: stackRows(items, view) };
    });
    // The items first, to know how far right their labels run.
    const drawnLanes: Shape[] = [];
    const drawnItems: Shape[] = [];
    let right = width;
    let y = top + AXIS_H;
    lanes.forEach(({ lane, rows }, index) => {
      const height = Math.max(1, rows.length) * LANE_ROW + 26;
      drawnLanes.push({
        kind: 'group',
        id: `lane:${lane.id || 'nobody'}`,
        children: [
          // Odd lanes (the axis is the first child of the editor's list) are grey.
          ...(index % 2 === 1
            ? [{ kind: 'rect', x: 0, y, width: 0, height, fill: STRIPE } as Shape]
            : []),
          { kind: 'path', d: `M0 ${y + height - 0.5} L0 ${y + height - 0.5}`, stroke: LANE_LINE },
          text(8, baselineIn(y + 3, 12), lane.name || words.nobody, 12, LANE_NAME, 600),
        ],
      });
      rows.forEach((row, r) =>
        row.forEach((item) => {
          const look = waitingLook(item.id, options);
          if (look === 'hidden') return;
          const drawn = drawItem(item, view, y + 24 + r * LANE_ROW);
          // A frame keeps the editor's width (its labels clipped there); the whole board grows.
          if (!frame) right = Math.max(right, drawn.right + 16);
          drawnItems.push({
            ...drawn.shape,
            ...(look === 'dim' ? { opacity: DIM_OPACITY } : {}),
          });
        }),
      );
      y += height;
    });
    // Stripes and lane lines run the whole width, now that it is known.
    for (const lane of drawnLanes)
      if (lane.kind === 'group')
        for (const child of lane.children) {
          if (child.kind === 'rect') child.width = right;
          if (child.kind === 'path') child.d = child.d.replace(/L0 /, `L${right} `);
        }
    const area: Shape[] = [...drawnLanes, ...drawAxis(view, top, right, lang), ...drawnItems];
    shapes.push(
      frame
        ? { kind: 'group', clip: { x: 0, y: top, width: right, height: y - top }, children: area }
        : { kind: 'group', children: area },
    );
    extents.push({ x: 0, y: top, w: right, h: y - top });
  }
  if (timeline.untimed.length > 0 || frame) {
    const aside = drawAside(timeline.untimed, extents[0]!.x + extents[0]!.w, top, lang);
    shapes.push(aside.shape);
    extents.push(aside.box);
  }
  return framePicture(shapes, unionOf(extents), options, textField(board, 'title'));
}

/** The editor's width of the time area when nothing else says it (a laptop, side panel open). */
export const TIMELINE_WIDTH = 1100;
/** The toolbar above the time area (buttons 15 px × 1.45 + 12 px, 6 px padding, a border). */
const TOOLBAR_H = 46.75;
const AXIS_H = 26;
const LANE_ROW = 30;
const ASIDE_W = 320;
const ITEM_FONT = 12;
const ITEM_H = ITEM_FONT * 1.45;
const TEXT = '#1f2937';
const MUTED = '#6b7280';
const BORDER = '#d6dae1';
const LANE_LINE = '#eef0f3';
const STRIPE = '#fafbfc';
const LANE_NAME = '#4b5563';
const TEAL = '#0f766e';

function text(
  x: number,
  y: number,
  value: string,
  size: number,
  fill: string,
  weight: 400 | 600 | 700 = 400,
): Shape {
  // Names come from the register as any peer wrote them: drawn, and stored, in NFC.
  return { kind: 'text', x, y, text: value.normalize('NFC'), size, fill, weight };
}

/** The axis: a white band with a tick line and a date at each step. */
function drawAxis(view: TimelineView, top: number, right: number, lang: string): Shape[] {
  const step = tickStep(view.msPerPx);
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: top, width: right, height: AXIS_H, fill: '#ffffff' },
    { kind: 'path', d: `M0 ${top + AXIS_H - 0.5} L${right} ${top + AXIS_H - 0.5}`, stroke: BORDER },
  ];
  for (const tick of ticks(view.from, view.from + right * view.msPerPx, step)) {
    const x = (tick - view.from) / view.msPerPx;
    const label = tickLabel(tick, step.unit, lang);
    // A date cut by the right edge is left out, as no tick is drawn past it.
    if (x + 4 + textWidth(label, 11) > right) continue;
    shapes.push(
      {
        kind: 'path',
        d: `M${x + 0.5} ${top + 4} L${x + 0.5} ${top + 4 + 11 * 1.45}`,
        stroke: BORDER,
      },
      text(x + 4, baselineIn(top + 4, 11), label, 11, MUTED),
    );
  }
  return [{ kind: 'group', id: 'axis', children: shapes }];
}

/** One event: a diamond or a bar, its name, its evidence badge; `right` is where it ends. */
function drawItem(
  item: TimelineItem,
  view: TimelineView,
  top: number,
): { shape: Shape; right: number } {
  const x = (item.start.at - view.from) / view.msPerPx;
  const middle = top + ITEM_H / 2;
  const children: Shape[] = [];
  let cursor: number;
  if (item.end) {
    const bar = Math.max(6, (item.end.until - item.start.at) / view.msPerPx);
    children.push({
      kind: 'rect',
      x: x + 0.5,
      y: middle - 5.5,
      width: bar - 1,
      height: 11,
      radius: 3,
      fill: '#99f6e4',
      stroke: TEAL,
      strokeWidth: 1,
    });
    cursor = x + bar + 4;
  } else {
    // A 10 px square turned 45°, centred on the instant.
    const r = 5 * Math.SQRT2;
    children.push({
      kind: 'path',
      d: `M${x} ${middle - r} L${x + r} ${middle} L${x} ${middle + r} L${x - r} ${middle} Z`,
      fill: TEAL,
    });
    cursor = x - 6 + 12 + 4;
  }
  children.push(text(cursor, baselineIn(top, ITEM_FONT), item.name, ITEM_FONT, TEXT));
  cursor += textWidth(item.name, ITEM_FONT);
  if (item.evidence.length > 0) {
    const badge = badgeText(item);
    const w = textWidth(badge, 10) + 12;
    const h = 10 * 1.45 + 2;
    children.push(
      {
        kind: 'rect',
        x: cursor + 4.5,
        y: middle - h / 2 + 0.5,
        width: w - 1,
        height: h - 1,
        radius: 8,
        fill: '#fef3c7',
        stroke: '#f59e0b',
        strokeWidth: 1,
      },
      text(cursor + 4 + 6, baselineIn(middle - h / 2 + 1, 10), badge, 10, '#92400e'),
    );
    cursor += 4 + w;
  }
  // The editor's row stacking reserves LABEL_PX a character; a long name may need more.
  return {
    shape: { kind: 'group', id: item.id, children },
    right: Math.max(cursor, x + LABEL_PX * item.name.length),
  };
}

/** The side panel: events whose time cannot be read, by name, with what was typed. */
function drawAside(
  untimed: ReadonlyArray<{ id: string; name: string; start?: string }>,
  left: number,
  top: number,
  lang: 'vi' | 'en',
): { shape: Shape; box: Rect } {
  const words = graphTexts[lang].timeline;
  const x = left + 1 + 14;
  const inner = ASIDE_W - 1 - 28;
  const children: Shape[] = [];
  let y = top + 10 + 4;
  children.push(text(x, baselineIn(y, 16), words.untimed, 16, TEXT, 700));
  y += 16 * 1.45 + 8 + 13;
  for (const line of wrapText(words.untimedHint, 13, 400, inner)) {
    children.push(text(x, baselineIn(y, 13), line, 13, MUTED));
    y += 13 * 1.45;
  }
  y += 13;
  for (const event of untimed) {
    const lines = wrapText(event.name + (event.start ? ` — “${event.start}”` : ''), 13, 400, inner);
    for (const line of lines) {
      children.push(text(x, baselineIn(y, 13), line, 13, TEXT));
      y += 13 * 1.45;
    }
  }
  const height = Math.max(y - top + 10, 200);
  return {
    shape: {
      kind: 'group',
      id: 'untimed',
      children: [
        { kind: 'rect', x: left, y: top, width: ASIDE_W, height, fill: '#ffffff' },
        { kind: 'path', d: `M${left + 0.5} ${top} L${left + 0.5} ${top + height}`, stroke: BORDER },
        ...children,
      ],
    },
    box: { x: left, y: top, w: ASIDE_W, h: height },
  };
}
