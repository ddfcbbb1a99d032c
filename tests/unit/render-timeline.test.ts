import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderTimeline, TIMELINE_WIDTH } from '../../src/boards/timeline/render.ts';
import { addBoard, addEntity } from '../../src/core/index.ts';
import { recordAt, registerOf, textField } from '../../src/core/doc.ts';
import { parseCaseTime } from '../../src/core/time.ts';
import { textWidth } from '../../src/render/metrics.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { textsOf, type Picture, type Shape } from '../../src/render/picture.ts';
import { renderCase } from '../helpers/render-graph-fixture.ts';
import { darkPixels, decodePng } from '../helpers/render-png.ts';
import { boardPdf } from '../../src/export/documents/index.ts';
import { nodeResources } from '../../server/export/resources.ts';
import {
  groupById,
  hasPdftotext,
  hasRsvg,
  pdfText,
  placed,
  rsvgPng,
  textsIn,
} from '../helpers/render-graph-shapes.ts';

/** Where an event is drawn: the instant's x (the diamond's centre or the bar's left) and its y. */
function eventAt(picture: Picture, id: string): { x: number; y: number; span: boolean } {
  const group = groupById(picture, id)!;
  const mark = group.shape.children[0]!;
  if (mark.kind === 'rect') return { x: group.dx + mark.x - 0.5, y: group.dy + mark.y, span: true };
  const [x, y] = ((mark as Extract<Shape, { kind: 'path' }>).d.match(/-?\d+(?:\.\d+)?/g) ?? [])
    .slice(0, 2)
    .map(Number);
  return { x: group.dx + x!, y: group.dy + y!, span: false };
}

/** The texts drawn with their place, in picture coordinates. */
function placedTexts(picture: Picture) {
  return placed(picture).flatMap((p) =>
    p.shape.kind === 'text' ? [{ ...p.shape, x: p.shape.x + p.dx, y: p.shape.y + p.dy }] : [],
  );
}

describe('timeline picture', () => {
  const c = renderCase();
  const picture = renderTimeline(c.doc, c.timeline, { language: 'vi' });
  const register = registerOf(c.doc);
  const startOf = (id: string) => parseCaseTime(textField(recordAt(register, id), 'start'))!.at;

  it('writes every event’s name and every lane’s person in NFC', () => {
    const texts = textsOf(picture);
    for (const name of c.names.timeline) expect(texts).toContain(name);
    for (const name of c.names.lanes) expect(texts).toContain(name);
    for (const text of texts) expect(text).toBe(text.normalize('NFC'));
    // The event without a readable time is listed beside the axis, with what was typed.
    expect(texts.join(' ')).toContain('Hùng vay tiền — “đầu năm”');
    expect(texts).toContain('Sự kiện chưa có thời gian');
  });

  it('places events left to right by time, on one linear scale', () => {
    const byTime = [...c.events].sort((a, b) => startOf(a) - startOf(b));
    const xs = byTime.map((id) => eventAt(picture, id).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    const first = byTime[0]!;
    const last = byTime[byTime.length - 1]!;
    const pxPerMs = (xs[xs.length - 1]! - xs[0]!) / (startOf(last) - startOf(first));
    byTime.forEach((id, i) =>
      expect(xs[i]! - xs[0]!).toBeCloseTo((startOf(id) - startOf(first)) * pxPerMs, 0),
    );
    // Spans are bars as long as they last (to the end of the minute the end names).
    const bar = (name: string) => {
      const id = c.events.find((e) => textField(recordAt(register, e), 'name') === name)!;
      const mark = groupById(picture, id)!.shape.children[0] as Extract<Shape, { kind: 'rect' }>;
      const until = parseCaseTime(textField(recordAt(register, id), 'end'))!.until;
      return { px: mark.width + 1, ms: until - startOf(id) };
    };
    const long = bar('Cúc bán hàng tại sạp số 12');
    const short = bar('Bình phát hiện mất xe và trình báo');
    expect(long.px / short.px).toBeCloseTo(long.ms / short.ms, 2);
    expect(long.px).toBeCloseTo(long.ms * pxPerMs, 1);
  });

  it('puts each event in its person’s lane, under the lane’s name', () => {
    const texts = placedTexts(picture);
    const laneTop = (name: string) => texts.find((t) => t.text === name)!.y;
    const tops = c.names.lanes.map(laneTop).sort((a, b) => a - b);
    const laneOf = (y: number) => tops.filter((top) => top < y).length - 1;
    for (const id of c.events) {
      // An event of two people is drawn in both lanes.
      const people = recordAt(register, id)!.get('people') as string[];
      const lanes = people.map((person) =>
        tops.indexOf(laneTop(textField(recordAt(register, person), 'name').normalize('NFC'))),
      );
      const drawn = placed(picture).filter((p) => p.shape.kind === 'group' && p.shape.id === id);
      const ys = drawn.map((p) => {
        const mark = (p.shape as Extract<Shape, { kind: 'group' }>).children[0]!;
        return (
          p.dy +
          (mark.kind === 'rect'
            ? mark.y
            : Number(/ (-?[\d.]+)/.exec((mark as { d: string }).d)![1]))
        );
      });
      expect(ys.map(laneOf).sort()).toEqual(lanes.sort());
    }
    // Alternate lanes are striped, across the whole width.
    const stripes = placed(picture).filter(
      (p) => p.shape.kind === 'rect' && p.shape.fill === '#fafbfc',
    );
    expect(stripes.length).toBe(1);
    expect((stripes[0]!.shape as Extract<Shape, { kind: 'rect' }>).width).toBeGreaterThanOrEqual(
      TIMELINE_WIDTH,
    );
  });

  it('labels the axis with times in the language asked, in order', () => {
    const axis = groupById(picture, 'axis')!;
    const labels = textsIn(axis.shape);
    expect(labels).toContain('21:00');
    expect(labels).toContain('00:00 15/03');
    const ticks = axis.shape.children.filter((s) => s.kind === 'text') as Array<
      Extract<Shape, { kind: 'text' }>
    >;
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x).toBeGreaterThan(ticks[i - 1]!.x);
    // The tick "21:00" stands at the instant 21:00: ten minutes before "Hùng dắt xe" (21:10),
    // which is fifteen after "Hùng đến chợ" (20:55).
    const nine = ticks.find((t) => t.text === '21:00')!;
    const at = (name: string) =>
      eventAt(
        picture,
        c.events.find((e) => textField(recordAt(register, e), 'name') === name)!,
      ).x - axis.dx;
    const pxPerMinute = (at('Hùng dắt xe ra khỏi bãi') - at('Hùng đến chợ')) / 15;
    expect(at('Hùng dắt xe ra khỏi bãi') - (nine.x - 4)).toBeCloseTo(10 * pxPerMinute, 1);
    const english = textsIn(
      groupById(renderTimeline(c.doc, c.timeline, { language: 'en' }), 'axis')!.shape,
    );
    expect(english).toContain('00:00 15 Mar');
  });

  it('is wide enough for every label', () => {
    for (const text of placedTexts(picture))
      expect(text.x + textWidth(text.text, text.size, text.weight)).toBeLessThanOrEqual(
        picture.width,
      );
  });

  it('draws paths with the commands every writer understands (absolute M, L, C, Q, Z)', () => {
    const paths = placed(picture).flatMap((p) => (p.shape.kind === 'path' ? [p.shape.d] : []));
    expect(paths.length).toBeGreaterThan(10);
    for (const d of paths) expect(d).toMatch(/^M[-\d. ]+([MLCQZ][-\d. ]*)*$/);
  });

  it('draws a frame of the editor’s element at its own size, clipped', () => {
    const frame = { x: 0, y: 0, w: 1420, h: 500 };
    const framed = renderTimeline(c.doc, c.timeline, { language: 'vi', frame });
    expect([framed.width, framed.height]).toEqual([1420, 500]);
    const root = framed.shapes[0] as Extract<Shape, { kind: 'group' }>;
    expect(root.clip).toEqual({ x: 0, y: 0, width: 1420, height: 500 });
    // The axis sits under the toolbar, as in the editor.
    const axis = groupById(framed, 'axis')!.shape.children[0] as Extract<Shape, { kind: 'rect' }>;
    expect(axis.y).toBeGreaterThan(40);
    expect(axis.y).toBeLessThan(50);
    const moved = renderTimeline(c.doc, c.timeline, {
      language: 'vi',
      frame: { x: 100, y: 50, w: 1320, h: 450 },
    });
    const id = c.events[0]!;
    expect(eventAt(moved, id).x).toBeCloseTo(eventAt(framed, id).x - 100, 5);
    expect(eventAt(moved, id).y).toBeCloseTo(eventAt(framed, id).y - 50, 5);
  });

  it('leaves out waiting events, or dims them', () => {
    const id = c.events[0]!;
    const name = textField(recordAt(register, id), 'name');
    const waiting = new Set([id]);
    const hidden = renderTimeline(c.doc, c.timeline, { language: 'vi', waiting });
    expect(textsOf(hidden)).not.toContain(name);
    expect(groupById(hidden, id)).toBeUndefined();
    const dimmed = renderTimeline(c.doc, c.timeline, { language: 'vi', waiting, dim: true });
    expect(groupById(dimmed, id)!.shape.opacity).toBeCloseTo(0.25);
    expect(groupById(dimmed, c.events[1]!)!.shape.opacity ?? 1).toBe(1);
  });

  it('names the lane of events nobody is linked to, and an empty timeline', () => {
    const doc = new Y.Doc();
    const board = addBoard(doc, { kind: 'timeline', title: 'Trống' }, 'test');
    expect(textsOf(renderTimeline(doc, board, { language: 'vi' })).join(' ')).toContain(
      'Danh mục chưa có sự kiện',
    );
    addEntity(doc, { kind: 'event', fields: { name: 'Cháy kho', start: '2025-03-14' } }, 'test');
    expect(textsOf(renderTimeline(doc, board, { language: 'vi' }))).toContain(
      'Không gắn với người nào',
    );
    expect(textsOf(renderTimeline(doc, board, { language: 'en' }))).toContain('No person');
    expect(() => renderTimeline(doc, 'nope', { language: 'vi' })).toThrow(NoSuchBoard);
  });

  it.skipIf(!hasRsvg)('converts with rsvg-convert to a PNG of the picture’s size', () => {
    const png = rsvgPng(picture);
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    // Each event's mark is inked where the picture says it is.
    const image = decodePng(png.bytes);
    for (const id of c.events) {
      const { x, y, span } = eventAt(picture, id);
      const box = span
        ? { x: x + 1, y: y + 2, width: 4, height: 6 }
        : { x: x - 3, y: y + 3, width: 6, height: 8 };
      expect(darkPixels(image, box)).toBeGreaterThan(span ? 0 : 20);
    }
  });
});

describe('timeline evidence badges', () => {
  it('writes the evidence of an event on a badge after its name', () => {
    const c = renderCase();
    const picture = renderTimeline(c.doc, c.timeline, { language: 'vi' });
    const id = c.events.find(
      (e) => textField(recordAt(registerOf(c.doc), e), 'name') === 'Hùng dắt xe ra khỏi bãi',
    )!;
    const group = groupById(picture, id)!.shape;
    expect(textsIn(group)).toEqual(['Hùng dắt xe ra khỏi bãi', 'Trích xuất camera chợ Bến Thành']);
    const [name, badge] = group.children.filter((s) => s.kind === 'text') as Array<
      Extract<Shape, { kind: 'text' }>
    >;
    expect(badge!.x).toBeGreaterThan(name!.x + textWidth(name!.text, name!.size));
    const pill = group.children.find((s) => s.kind === 'rect' && s.fill === '#fef3c7');
    expect(pill).toBeDefined();
  });
});

describe('timeline PDF', () => {
  it.skipIf(!hasPdftotext)('carries every event and lane name as searchable text', async () => {
    const c = renderCase();
    const context = {
      resources: nodeResources(async () => null),
      language: 'vi',
      date: new Date(Date.UTC(2026, 2, 20)),
    };
    const text = pdfText(
      await boardPdf(c.doc, c.timeline, { paper: 'A4', orientation: 'landscape' }, context),
    );
    for (const name of [...c.names.timeline, ...c.names.lanes]) expect(text).toContain(name);
  });
});
