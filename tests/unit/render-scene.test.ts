import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, setBoardSetting } from '../../src/core/commands/boards.ts';
import { addFileRecord } from '../../src/core/commands/files.ts';
import { setCaseMeta } from '../../src/core/commands/meta.ts';
import { addEntity } from '../../src/core/commands/register.ts';
import { addSceneObject, listSceneObjects } from '../../src/core/commands/scene.ts';
import { centreOf, distance, formatMetres } from '../../src/core/scene.ts';
import { renderScene } from '../../src/boards/scene/render.ts';
import { extentOf } from '../../src/boards/scene/renderBounds.ts';
import { symbolShapes } from '../../src/boards/scene/renderSymbols.ts';
import { renderSceneSheet, type SceneSheet } from '../../src/boards/scene/sheet.ts';
import { SceneTooLarge } from '../../src/boards/scene/sheetErrors.ts';
import { sheetRenderers } from '../../src/boards/renderers.ts';
import { SYMBOLS } from '../../src/boards/scene/symbols.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { blobsOf, textsOf, type Shape } from '../../src/render/picture.ts';
import { parsePath } from '../../src/render/pathData.ts';
import { toSvg } from '../../src/render/svg.ts';

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, k: Matrix): Matrix => [
  m[0] * k[0] + m[2] * k[1],
  m[1] * k[0] + m[3] * k[1],
  m[0] * k[2] + m[2] * k[3],
  m[1] * k[2] + m[3] * k[3],
  m[0] * k[4] + m[2] * k[5] + m[4],
  m[1] * k[4] + m[3] * k[5] + m[5],
];

/** A group by id with the matrix that places its children on the picture. */
function findGroup(
  shapes: readonly Shape[],
  id: string,
  matrix: Matrix = IDENTITY,
): { group: Extract<Shape, { kind: 'group' }>; matrix: Matrix } | null {
  for (const s of shapes) {
    if (s.kind !== 'group') continue;
    const inner = s.transform ? times(matrix, s.transform) : matrix;
    if (s.id === id) return { group: s, matrix: inner };
    const found = findGroup(s.children, id, inner);
    if (found) return found;
  }
  return null;
}

/** Where a group's drawing lies on the picture. */
function placeOf(shapes: readonly Shape[], id: string) {
  const found = findGroup(shapes, id);
  if (!found) throw new Error(`no group ${id}`);
  const e = extentOf(found.group.children, found.matrix)!;
  return { ...e, w: e.x1 - e.x0, h: e.y1 - e.y0, cx: (e.x0 + e.x1) / 2, cy: (e.y0 + e.y1) / 2 };
}

function allShapes(shapes: readonly Shape[]): Shape[] {
  return shapes.flatMap((s) => (s.kind === 'group' ? [s, ...allShapes(s.children)] : [s]));
}

const o = 'test';

/** A living room with its walls, a door, two tables, a body, a car, markers and measurements. */
function livingRoom() {
  const doc = new Y.Doc();
  setCaseMeta(
    doc,
    {
      title: 'Vụ giết người tại số 12 phố Hàng Bạc',
      caseNumber: '15/2026/HS',
      offences: ['BLHS-123'],
    },
    o,
  );
  const boardId = addBoard(doc, { kind: 'scene', title: 'Phòng khách' }, o);
  const knife = addEntity(
    doc,
    { kind: 'evidence', fields: { name: 'Con dao bầu dài 30 cm, cán gỗ' } },
    o,
  );
  const add = (object: Parameters<typeof addSceneObject>[1]['object']) =>
    addSceneObject(doc, { boardId, object }, o);
  const room = add({
    shape: 'wall',
    points: [
      { x: 0, y: 0 },
      { x: 6, y: 0 },
      { x: 6, y: 4 },
      { x: 0, y: 4 },
    ],
    closed: true,
    thickness: 0.2,
  });
  add({ shape: 'symbol', symbol: 'door', x: 0.3, y: 3.1, w: 0.9, h: 0.9 });
  const table = add({
    shape: 'symbol',
    symbol: 'table',
    x: 3.6,
    y: 0.6,
    w: 1.2,
    h: 0.8,
    label: 'Bàn uống nước',
  });
  add({ shape: 'symbol', symbol: 'table', x: 3.6, y: 2.6, w: 1.2, h: 0.8 });
  const body = add({
    shape: 'symbol',
    symbol: 'body-back',
    x: 1.2,
    y: 1.4,
    w: 1.75,
    h: 0.5,
    rotation: 30,
    label: 'Nạn nhân Nguyễn Văn Hùng',
  });
  const car = add({
    shape: 'symbol',
    symbol: 'car',
    x: 8,
    y: 1,
    w: 4.5,
    h: 1.8,
    rotation: 90,
    locked: true,
  });
  const markers = [
    add({ shape: 'marker', x: 2.2, y: 1.0, entity: knife }),
    add({ shape: 'marker', x: 4.2, y: 2.2 }),
    add({ shape: 'marker', x: 1.8, y: 2.8 }),
  ];
  add({
    shape: 'measure',
    points: [
      { x: 0, y: 5 },
      { x: 6, y: 5 },
    ],
  });
  const pinned = add({
    shape: 'measure',
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ],
    pins: [body, table],
  });
  add({ shape: 'text', x: 0.4, y: 0.3, label: 'Phòng khách (tầng 1)' });
  add({ shape: 'refpoint', x: -0.8, y: -0.8, label: 'A' });
  add({ shape: 'north', x: 11, y: -0.5, rotation: 20 });
  return { doc, boardId, room, table, body, car, markers, pinned };
}

const A4_LANDSCAPE = { width: 786, height: 539 };
const sheet = (patch: Partial<SceneSheet> = {}): SceneSheet => ({
  ...A4_LANDSCAPE,
  scale: 100,
  language: 'vi',
  author: 'Trần Thị Lan',
  date: new Date('2026-03-14T09:00:00Z'),
  ...patch,
});

describe('renderScene', () => {
  it('writes every label, measurement, area and marker number, in the reader’s language', () => {
    const { doc, boardId, body, table } = livingRoom();
    const byId = new Map(listSceneObjects(doc, boardId).map((x) => [x.id, x]));
    const pinnedLength = distance(centreOf(byId.get(body)!), centreOf(byId.get(table)!));
    for (const language of ['vi', 'en']) {
      const texts = textsOf(renderScene(doc, boardId, { language }));
      expect(texts).toEqual(
        expect.arrayContaining([
          'Bàn uống nước',
          'Nạn nhân Nguyễn Văn Hùng',
          'Phòng khách (tầng 1)',
          'A',
          '1',
          '2',
          '3',
          formatMetres(6, language),
          formatMetres(pinnedLength, language),
          language === 'vi' ? '24,00 m²' : '24.00 m²',
          language === 'vi' ? 'B' : 'N',
        ]),
      );
    }
    // A decimal comma in Vietnamese: the room's 4 m sides read "4,00 m" twice.
    const vi = textsOf(renderScene(doc, boardId, { language: 'vi' }));
    expect(vi.filter((t) => t === '4,00 m')).toHaveLength(2);
    expect(vi.every((t) => t === t.normalize('NFC'))).toBe(true);
  });

  it('draws 50 units per metre: a 4 m wall is 200 units long', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'scene', title: 'Tường' }, o);
    const wall = addSceneObject(
      doc,
      {
        boardId,
        object: {
          shape: 'wall',
          points: [
            { x: 1, y: 1 },
            { x: 5, y: 1 },
          ],
          thickness: 0.2,
        },
      },
      o,
    );
    const picture = renderScene(doc, boardId, { language: 'vi' });
    const found = findGroup(picture.shapes, wall)!;
    const path = found.group.children.find((s) => s.kind === 'path')!;
    const [a, b] = parsePath(path.kind === 'path' ? path.d : '');
    expect(b!.points[0]! - a!.points[0]!).toBe(200);
    expect(path.kind === 'path' && path.strokeWidth).toBe(10);
    // The whole board: the wall, its thickness, and the margin on both sides.
    expect(picture.width).toBeCloseTo(200 + 10 + 80, 5);
  });

  it('turns a rotated object about its centre', () => {
    const { doc, boardId, car } = livingRoom();
    const place = placeOf(renderScene(doc, boardId, { language: 'vi' }).shapes, car);
    // A 4.5 m × 1.8 m car turned 90°: tall and narrow, centred where its box is.
    expect(place.h).toBeGreaterThan(220);
    expect(place.w).toBeLessThan(110);
    const centre = [(8 + 2.25) * 50, (1 + 0.9) * 50];
    const plain = renderScene(doc, boardId, {
      language: 'vi',
      frame: { x: 0, y: 0, w: 20, h: 10 },
    });
    const framed = placeOf(plain.shapes, car);
    expect(framed.cx).toBeCloseTo(centre[0]!, 0);
    expect(framed.cy).toBeCloseTo(centre[1]!, 0);
  });

  it('draws a frame, in metres, as a frame-sized picture clipped to it', () => {
    const { doc, boardId, markers } = livingRoom();
    const picture = renderScene(doc, boardId, {
      language: 'vi',
      frame: { x: 1, y: 0.5, w: 6, h: 4 },
    });
    expect([picture.width, picture.height]).toEqual([300, 200]);
    const root = picture.shapes[0]!;
    expect(root.kind === 'group' && root.clip).toEqual({ x: 50, y: 25, width: 300, height: 200 });
    // Marker 1 stands at (2.2 m, 1.0 m): 60 and 25 units from the frame's corner.
    const marker = placeOf(picture.shapes, markers[0]!);
    expect(marker.cx).toBeCloseTo(60, 5);
    expect(marker.cy).toBeCloseTo(25, 5);
  });

  it('leaves out objects waiting for a build step, or dims them', () => {
    const { doc, boardId, markers } = livingRoom();
    const waiting = new Set([markers[2]!]);
    const hidden = renderScene(doc, boardId, { language: 'vi', waiting });
    expect(findGroup(hidden.shapes, markers[2]!)).toBeNull();
    expect(textsOf(hidden)).not.toContain('3');
    const dimmed = renderScene(doc, boardId, { language: 'vi', waiting, dim: true });
    expect(findGroup(dimmed.shapes, markers[2]!)!.group.opacity).toBe(0.25);
    expect(findGroup(dimmed.shapes, markers[1]!)!.group.opacity).toBeUndefined();
  });

  it('keeps a measurement to an object of a later build step, and its label, where they are', () => {
    const { doc, boardId, body, pinned } = livingRoom();
    const all = findGroup(renderScene(doc, boardId, { language: 'vi' }).shapes, pinned)!;
    const step = renderScene(doc, boardId, { language: 'vi', waiting: new Set([body]) });
    expect(findGroup(step.shapes, body)).toBeNull();
    const hidden = findGroup(step.shapes, pinned)!;
    expect(hidden.group.children).toEqual(all.group.children);
  });

  it('draws the calibrated background image under everything, by its blob', () => {
    const { doc, boardId, room } = livingRoom();
    const hash = 'ab'.repeat(32);
    addFileRecord(doc, { hash, name: 'Ảnh chụp từ trên cao.jpg', mime: 'image/jpeg', size: 10 }, o);
    const background = addSceneObject(
      doc,
      {
        boardId,
        object: {
          shape: 'image',
          file: hash,
          x: -2,
          y: -1,
          w: 20,
          h: 12,
          background: true,
          opacity: 0.5,
        },
      },
      o,
    );
    const picture = renderScene(doc, boardId, { language: 'vi' });
    const groups = allShapes(picture.shapes).filter((s) => s.kind === 'group' && s.id);
    expect(groups[0]!.kind === 'group' && groups[0]!.id).toBe(background);
    expect(groups.findIndex((g) => g.kind === 'group' && g.id === room)).toBeGreaterThan(0);
    const image = allShapes(picture.shapes).find((s) => s.kind === 'image');
    expect(image).toMatchObject({
      hash,
      mime: 'image/jpeg',
      width: 1000,
      height: 600,
      opacity: 0.5,
    });
    expect(blobsOf(picture).images).toEqual(new Set([hash]));
  });

  it('writes paths only with the commands the PDF writer reads (the door’s arc as curves)', () => {
    const { doc, boardId } = livingRoom();
    const paths = allShapes(renderScene(doc, boardId, { language: 'vi' }).shapes).filter(
      (s) => s.kind === 'path',
    );
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expect(p.kind === 'path' && p.d).toMatch(/^[MLCQZ0-9 .e-]+$/);
  });

  it('draws every symbol of the library as picture shapes in its box', () => {
    for (const symbol of SYMBOLS) {
      const box = { x: 10, y: 20, w: symbol.w * 50, h: symbol.h * 50 };
      const shapes = symbolShapes(symbol, box);
      const elements = symbol.svg.match(/<(rect|circle|ellipse|path)\b/g)!.length;
      expect(shapes.length, symbol.id).toBeGreaterThanOrEqual(elements);
      for (const shape of shapes) {
        if (shape.kind === 'path') expect(shape.d, symbol.id).toMatch(/^[MLCQZ0-9 .e-]+$/);
        if ('fill' in shape && shape.fill)
          expect(shape.fill, symbol.id).toMatch(/^(#[0-9a-f]{6}|none)$/);
      }
      // Drawn within its box (strokes and the door's swing may reach a little past it).
      const e = extentOf(shapes)!;
      expect(e.x0, symbol.id).toBeGreaterThanOrEqual(box.x - 4);
      expect(e.x1, symbol.id).toBeLessThanOrEqual(box.x + box.w + 4);
      expect(e.y1, symbol.id).toBeLessThanOrEqual(box.y + box.h + 4);
    }
  });

  it('refuses a board that is not a scene', () => {
    const doc = new Y.Doc();
    const map = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ tư duy' }, o);
    expect(() => renderScene(doc, map, { language: 'vi' })).toThrow(NoSuchBoard);
  });
});

describe('renderSceneSheet', () => {
  it('draws at 1:100 a 5 m scale bar 50 mm long, and the drawing at the same scale', () => {
    const { doc, boardId, room } = livingRoom();
    const picture = renderSceneSheet(doc, boardId, sheet());
    const bar = placeOf(picture.shapes, 'scale-bar');
    const rects = findGroup(picture.shapes, 'scale-bar')!.group.children.filter(
      (s) => s.kind === 'rect',
    );
    const x0 = Math.min(...rects.map((r) => (r.kind === 'rect' ? r.x : 0)));
    const x1 = Math.max(...rects.map((r) => (r.kind === 'rect' ? r.x + r.width : 0)));
    expect(x1 - x0).toBeCloseTo((50 * 72) / 25.4, 1);
    expect(bar.w).toBeGreaterThan(141);
    expect(
      textsOf({ ...picture, shapes: [findGroup(picture.shapes, 'scale-bar')!.group] }),
    ).toEqual(expect.arrayContaining(['0', '5']));
    // The 6 m wall measures 60 mm on the paper (its 20 cm thickness adds 2 mm).
    const found = findGroup(picture.shapes, room)!;
    const line = found.group.children.find((s) => s.kind === 'path' && s.stroke);
    const wall = extentOf([line!], found.matrix)!;
    expect(wall.x1 - wall.x0).toBeCloseTo((62 * 72) / 25.4, 0);
    expect(textsOf(picture)).toEqual(
      expect.arrayContaining(['1:100', '15/2026/HS', 'Trần Thị Lan', '14/03/2026']),
    );
    expect(textsOf(picture).join(' ')).toContain('Điều 123 BLHS');
  });

  it('divides a long scale bar in round steps', () => {
    const { doc, boardId } = livingRoom();
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: 500 }));
    const bar = findGroup(picture.shapes, 'scale-bar')!.group;
    expect(textsOf({ ...picture, shapes: [bar] })).toEqual(['0', '5', '10', '15', '20', 'm']);
    const widths = bar.children.flatMap((s) => (s.kind === 'rect' ? [s.width] : []));
    // 5 m at 1:500 is 10 mm.
    for (const w of widths) expect(w).toBeCloseTo((10 * 72) / 25.4, 2);
  });

  it('lists each symbol used once with its Vietnamese name, and the markers with what they mark', () => {
    const { doc, boardId } = livingRoom();
    const texts = textsOf(renderSceneSheet(doc, boardId, sheet()));
    for (const name of ['Bàn', 'Cửa đi', 'Thi thể nằm ngửa', 'Xe ô tô con'])
      expect(texts.filter((t) => t === name)).toHaveLength(1);
    expect(texts).not.toContain('Xe buýt');
    expect(texts).toContain('Con dao bầu dài 30 cm, cán gỗ');
    expect(texts).toContain('(chưa mô tả)');
    const en = textsOf(renderSceneSheet(doc, boardId, sheet({ language: 'en' })));
    expect(en).toContain('Table');
    expect(en).not.toContain('Bàn');
  });

  it('fits the drawing when no scale is given, and says it is not to scale', () => {
    const { doc, boardId } = livingRoom();
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: null }));
    expect(textsOf(picture)).toContain('Không theo tỷ lệ');
    const drawing = placeOf(picture.shapes, 'drawing');
    // Fitted: as wide as the drawing area allows (the sheet less its side column and padding).
    expect(drawing.w).toBeGreaterThan(786 - 240 - 30);
  });

  it('prints a sketch drawn by eye as not to scale, without a scale bar', () => {
    const { doc, boardId } = livingRoom();
    setBoardSetting(doc, { id: boardId, key: 'notToScale', value: true }, o);
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: 100 }));
    expect(textsOf(picture)).toContain('Không theo tỷ lệ');
    expect(textsOf(picture)).not.toContain('1:100');
    expect(findGroup(picture.shapes, 'scale-bar')).toBeNull();
  });

  it('prints only the frame of a frame slide, at the stated scale', () => {
    const { doc, boardId } = livingRoom();
    const frame = { x: -1, y: -1, w: 8, h: 6 };
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: 50, frame }));
    const drawing = findGroup(picture.shapes, 'drawing')!;
    expect(drawing.group.clip).toEqual({ x: -50, y: -50, width: 400, height: 300 });
    // 8 m at 1:50 is 160 mm on the paper.
    expect(drawing.matrix[0] * 400).toBeCloseTo((160 * 72) / 25.4, 1);
    // The whole scene (the car 8 m to the right) would not fit at 1:50.
    expect(() => renderSceneSheet(doc, boardId, sheet({ scale: 50 }))).toThrow(SceneTooLarge);
  });

  it('ends a legend too long for the paper with how many more items there are', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'scene', title: 'Kho hàng' }, o);
    SYMBOLS.slice(0, 40).forEach((symbol, i) =>
      addSceneObject(
        doc,
        {
          boardId,
          object: {
            shape: 'symbol',
            symbol: symbol.id,
            x: (i % 8) * 3,
            y: Math.floor(i / 8) * 3,
            w: 1,
            h: 1,
          },
        },
        o,
      ),
    );
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: null }));
    const more = textsOf(picture).find((t) => t.startsWith('… và'));
    expect(more).toMatch(/^… và \d+ mục khác$/);
    const shown = SYMBOLS.slice(0, 40).filter((s) => textsOf(picture).includes(s.vi)).length;
    expect(shown + Number(/\d+/.exec(more!)![0])).toBe(40);
    const legendText = allShapes(picture.shapes).filter((s) => s.kind === 'text' && s.x > 540);
    for (const t of legendText) expect(t.kind === 'text' && t.y).toBeLessThanOrEqual(539);
  });

  it('prints an empty scene with its title block', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'scene', title: 'Hiện trường trống' }, o);
    const picture = renderSceneSheet(doc, boardId, sheet({ scale: null }));
    expect(textsOf(picture)).toContain('Hiện trường trống');
    expect(textsOf(renderScene(doc, boardId, { language: 'vi' }))).toEqual([]);
  });

  it('turns the north arrow as the board’s north arrow is turned', () => {
    const { doc, boardId } = livingRoom();
    const arrow = findGroup(renderSceneSheet(doc, boardId, sheet()).shapes, 'north-arrow')!;
    const turned = arrow.group.children.find((s) => s.kind === 'group');
    const t = turned?.kind === 'group' ? turned.transform! : IDENTITY;
    expect((Math.atan2(t[1], t[0]) * 180) / Math.PI).toBeCloseTo(20, 5);
  });

  it('says at which scale a scene too large for the paper fits', () => {
    const { doc, boardId } = livingRoom();
    let error: unknown;
    try {
      renderSceneSheet(doc, boardId, sheet({ scale: 20 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SceneTooLarge);
    const fits = (error as SceneTooLarge).fits;
    expect(fits).toBeGreaterThan(20);
    expect(() => renderSceneSheet(doc, boardId, sheet({ scale: fits }))).not.toThrow();
  });

  it('is what sheetRenderers loads for scenes', async () => {
    const { doc, boardId } = livingRoom();
    const render = await sheetRenderers.scene!();
    expect(textsOf(render(doc, boardId, sheet()))).toContain('SƠ ĐỒ HIỆN TRƯỜNG');
  });
});

const hasProgram = (name: string) => spawnSync('which', [name]).status === 0;
const tools = hasProgram('rsvg-convert') && hasProgram('pdftoppm') && hasProgram('pdftotext');

describe.skipIf(!tools)(
  'the SVG in rsvg-convert (skipped: rsvg-convert or poppler-utils missing)',
  () => {
    it('draws the board and the sheet with their Vietnamese text and the markers where they are', () => {
      const { doc, boardId, markers } = livingRoom();
      const dir = mkdtempSync(join(tmpdir(), 'scene-'));
      const picture = renderScene(doc, boardId, { language: 'vi' });
      writeFileSync(join(dir, 'board.svg'), toSvg(picture));
      execFileSync('rsvg-convert', [
        '-f',
        'pdf',
        '-o',
        join(dir, 'board.pdf'),
        join(dir, 'board.svg'),
      ]);
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'board.pdf'), '-'])
        .toString()
        .normalize('NFC');
      expect(text).toContain('Nạn nhân Nguyễn Văn Hùng');
      expect(text).toContain('Bàn uống nước');
      expect(text).toContain('Phòng khách (tầng 1)');
      expect(text).toContain('24,00 m²');
      // The marker's yellow at its centre, in a 96 dpi raster (rsvg-convert's 1 unit = 1 pixel).
      execFileSync('pdftoppm', ['-r', '96', join(dir, 'board.pdf'), join(dir, 'board')]);
      const ppm = readFileSync(join(dir, 'board-1.ppm'));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      const width = Number(header[1]);
      const at = placeOf(picture.shapes, markers[1]!);
      const offset = header[0].length + (Math.round(at.cy - 7) * width + Math.round(at.cx)) * 3;
      const [r, g, b] = [ppm[offset]!, ppm[offset + 1]!, ppm[offset + 2]!];
      expect(r).toBeGreaterThan(200);
      expect(g).toBeGreaterThan(150);
      expect(b).toBeLessThan(80);

      writeFileSync(join(dir, 'sheet.svg'), toSvg(renderSceneSheet(doc, boardId, sheet())));
      execFileSync('rsvg-convert', [
        '-f',
        'pdf',
        '-o',
        join(dir, 'sheet.pdf'),
        join(dir, 'sheet.svg'),
      ]);
      const sheetText = execFileSync('pdftotext', ['-raw', join(dir, 'sheet.pdf'), '-']).toString();
      expect(sheetText.normalize('NFC')).toContain('SƠ ĐỒ HIỆN TRƯỜNG');
      expect(sheetText.normalize('NFC')).toContain('Thi thể nằm ngửa');
    });
  },
);
