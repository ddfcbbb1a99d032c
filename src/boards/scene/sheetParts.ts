import { formatMetres } from '../../core/scene.ts';
import { ellipsize, textWidth, wrapText } from '../../render/metrics.ts';
import { n, type Shape } from '../../render/picture.ts';
import type { FontWeight } from '../../render/fonts.ts';
import { symbolShapes } from './renderSymbols.ts';
import { symbolById } from './symbols.ts';
import type { SheetTexts } from './sheetTexts.ts';

/**
 * The parts of a printed scene sheet around the drawing, in PDF points: the title block, the scale
 * bar, the north arrow and the legend. Each draws into a box and says how tall it came out.
 */

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

const INK = '#111827';
const RULE = '#6b7280';

function text(
  x: number,
  y: number,
  value: string,
  size: number,
  weight: FontWeight = 400,
  anchor: 'start' | 'middle' | 'end' = 'start',
): Shape {
  return {
    kind: 'text',
    x,
    y,
    text: value.normalize('NFC'),
    size,
    fill: INK,
    ...(weight !== 400 ? { weight } : {}),
    ...(anchor !== 'start' ? { anchor } : {}),
  };
}

export interface TitleRow {
  label: string;
  value: string;
  /** An empty line to write on (who checked the drawing). */
  blank?: boolean;
}

/** The title block: the heading, then label | value rows in a ruled box. */
export function titleBlock(
  area: Area,
  heading: string,
  rows: readonly TitleRow[],
): { shapes: Shape[]; height: number } {
  const shapes: Shape[] = [];
  const pad = 5;
  const size = 7.5;
  const line = size * 1.3;
  shapes.push(text(area.x + area.w / 2, area.y + pad + 11, heading, 11, 700, 'middle'));
  let y = area.y + pad + 18;
  const labelWidth = Math.min(
    area.w * 0.4,
    Math.max(...rows.map((r) => textWidth(r.label, size, 600))) + 10,
  );
  const valueX = area.x + pad + labelWidth;
  const valueWidth = area.x + area.w - pad - valueX;
  for (const row of rows) {
    const lines = row.blank ? [''] : wrapText(row.value, size, 400, valueWidth).slice(0, 4);
    const height = lines.length * line + 4;
    shapes.push({
      kind: 'path',
      d: `M${n(area.x)} ${n(y)}L${n(area.x + area.w)} ${n(y)}`,
      stroke: RULE,
      strokeWidth: 0.5,
    });
    shapes.push(
      text(area.x + pad, y + 2 + size, ellipsize(row.label, size, 600, labelWidth - 4), size, 600),
    );
    lines.forEach((l, i) => shapes.push(text(valueX, y + 2 + size + i * line, l, size)));
    if (row.blank)
      shapes.push({
        kind: 'path',
        d: `M${n(valueX)} ${n(y + height - 3)}L${n(area.x + area.w - pad)} ${n(y + height - 3)}`,
        stroke: RULE,
        strokeWidth: 0.5,
        dash: [1, 1.5],
      });
    y += height;
  }
  shapes.push({
    kind: 'rect',
    x: area.x,
    y: area.y,
    width: area.w,
    height: y - area.y,
    fill: 'none',
    stroke: INK,
    strokeWidth: 0.8,
  });
  return { shapes, height: y - area.y };
}

/** Scale-bar lengths in metres, smallest first. */
const BAR_METRES = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/**
 * A scale bar `pointsPerMetre` long per metre (the drawing's actual scale on paper), as long as
 * fits in `maxWidth`: alternate black and white divisions, a tick each metre up to 10 m, the
 * lengths under it. Its group's id is `scale-bar`; `metres` is its length.
 */
export function scaleBar(
  x: number,
  y: number,
  pointsPerMetre: number,
  maxWidth: number,
  language: string,
): { shapes: Shape[]; metres: number; width: number; height: number } {
  const metres =
    [...BAR_METRES].reverse().find((m) => m * pointsPerMetre <= maxWidth) ?? BAR_METRES[0]!;
  const width = metres * pointsPerMetre;
  // A division a metre long up to 10 m; beyond, round steps (20 m in 5 m steps, 50 m in 10 m).
  const divisions = metres >= 1 && metres <= 10 ? metres : String(metres).startsWith('2') ? 4 : 5;
  const step = width / divisions;
  const children: Shape[] = [];
  for (let i = 0; i < divisions; i++)
    children.push({
      kind: 'rect',
      x: x + i * step,
      y,
      width: step,
      height: 4,
      fill: i % 2 ? '#ffffff' : INK,
      stroke: INK,
      strokeWidth: 0.5,
    });
  const size = 6.5;
  const value = (i: number) => (metres / divisions) * i;
  const label = (v: number) =>
    Number.isInteger(v) ? String(v) : formatMetres(v, language).replace(/\s*m$/, '');
  // Every tick labelled when there is room, else the two ends and the middle.
  const room = step >= textWidth(label(metres), size) + 4;
  for (let i = 0; i <= divisions; i++) {
    if (!room && i !== 0 && i !== divisions && i * 2 !== divisions) continue;
    children.push(text(x + i * step, y + 4 + size + 2, label(value(i)), size, 400, 'middle'));
  }
  children.push(text(x + width + 4, y + 4, 'm', size));
  return {
    shapes: [{ kind: 'group', id: 'scale-bar', children }],
    metres,
    width,
    height: 4 + size + 4,
  };
}

/** A north arrow centred at (cx, cy), turned `degrees` clockwise from up, with its letter. */
export function northArrow(cx: number, cy: number, degrees: number, letter: string): Shape {
  const r = 13;
  const a = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return {
    kind: 'group',
    id: 'north-arrow',
    children: [
      { kind: 'ellipse', cx, cy, rx: r, ry: r, fill: '#ffffff', stroke: INK, strokeWidth: 0.8 },
      {
        kind: 'group',
        transform: [c, s, -s, c, cx, cy],
        children: [
          {
            kind: 'path',
            d: `M0 ${-r + 2}L${r * 0.38} ${r * 0.6}L0 ${r * 0.3}L${-r * 0.38} ${r * 0.6}Z`,
            fill: INK,
          },
          text(0, -r - 3, letter, 9, 700, 'middle'),
        ],
      },
    ],
  };
}

export interface LegendMarker {
  number: number;
  description: string;
}

/**
 * The legend: each symbol used, with its picture and its name; then the numbered markers with what
 * they mark; then the reference points. What does not fit ends in "… and N more".
 */
export function legend(
  area: Area,
  words: SheetTexts,
  language: string,
  symbols: readonly string[],
  markers: readonly LegendMarker[],
  references: readonly string[],
): Shape[] {
  const shapes: Shape[] = [];
  const size = 7.5;
  const line = size * 1.3;
  const icon = { w: 30, h: 14 };
  const textX = area.x + icon.w + 6;
  const textW = area.x + area.w - textX;
  const bottom = area.y + area.h;
  let y = area.y + 10;
  shapes.push(text(area.x, y, words.legend, 9, 700));
  y += 6;
  type Row = { height: number; draw: (top: number) => Shape[] };
  const rows: Row[] = [];
  for (const id of symbols) {
    const symbol = symbolById(id);
    const name = symbol ? (language.startsWith('vi') ? symbol.vi : symbol.en) : id;
    const lines = wrapText(name, size, 400, textW).slice(0, 2);
    rows.push({
      height: Math.max(icon.h, lines.length * line) + 3,
      draw: (top) => {
        const out: Shape[] = [];
        if (symbol) {
          // The symbol in proportion, as large as the icon box allows.
          const k = Math.min(icon.w / symbol.w, icon.h / symbol.h);
          const [w, h] = [symbol.w * k, symbol.h * k];
          out.push(
            ...symbolShapes(symbol, {
              x: area.x + (icon.w - w) / 2,
              y: top + (icon.h - h) / 2,
              w,
              h,
            }),
          );
        }
        lines.forEach((l, i) => out.push(text(textX, top + size + 1 + i * line, l, size)));
        return out;
      },
    });
  }
  const heading = (title: string): Row => ({
    height: 14,
    draw: (top) => [text(area.x, top + 10, title, 8, 600)],
  });
  if (markers.length > 0) rows.push(heading(words.evidence));
  for (const m of markers) {
    const lines = wrapText(m.description || words.noDescription, size, 400, textW).slice(0, 3);
    rows.push({
      height: Math.max(14, lines.length * line) + 3,
      draw: (top) => [
        {
          kind: 'ellipse',
          cx: area.x + icon.w / 2,
          cy: top + 7,
          rx: 6.5,
          ry: 6.5,
          fill: '#facc15',
          stroke: INK,
          strokeWidth: 0.6,
        },
        text(area.x + icon.w / 2, top + 9.6, String(m.number), 7, 700, 'middle'),
        ...lines.map((l, i) => text(textX, top + size + 1 + i * line, l, size)),
      ],
    });
  }
  if (references.length > 0)
    rows.push({
      height: 17,
      draw: (top) => {
        const cx = area.x + icon.w / 2;
        return [
          {
            kind: 'path',
            d: `M${n(cx)} ${n(top + 1)}L${n(cx + 6)} ${n(top + 12)}L${n(cx - 6)} ${n(top + 12)}Z`,
            fill: '#16a34a',
            stroke: '#14532d',
            strokeWidth: 0.5,
          },
          text(textX, top + size + 1, `${words.references}: ${references.join(', ')}`, size),
        ];
      },
    });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const last = i === rows.length - 1;
    // Keep a line for "… and N more" unless this is the last row.
    if (y + row.height > bottom - (last ? 0 : line)) {
      shapes.push(text(area.x, y + size + 1, words.more(rows.length - i), size));
      break;
    }
    shapes.push(...row.draw(y));
    y += row.height;
  }
  return shapes;
}
