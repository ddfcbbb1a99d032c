import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMindMap } from '../../src/boards/mindmap/render.ts';
import { topicSizeWith } from '../../src/boards/mindmap/measure.ts';
import { measureLabel } from '../../src/boards/mindmap/renderTopic.ts';
import {
  listRelationships,
  listTopics,
  setRelationshipControl,
} from '../../src/core/commands/mindmap.ts';
import { nodesIn } from '../../src/core/commands/nodes.ts';
import { recordAt } from '../../src/core/doc.ts';
import { BOARD_MARGIN, NoSuchBoard, type Rect } from '../../src/render/board.ts';
import { textsOf, type Picture, type Shape } from '../../src/render/picture.ts';
import { toSvg } from '../../src/render/svg.ts';
import { boardPdf } from '../../src/export/documents/index.ts';
import { nodeResources } from '../../server/export/resources.ts';
import { makePng } from '../helpers/files.ts';
import { caseMap, IMAGE_HASH } from '../helpers/render-mindmap-case.ts';
import { darkPixels, decodePng, hasRsvg, rsvgEnv } from '../helpers/render-png.ts';

type Group = Extract<Shape, { kind: 'group' }>;
type Box = { x: number; y: number; width: number; height: number };

/** Every group with an id, by id (the first one for ids that repeat, such as icons). */
function groups(picture: Picture): Map<string, Group> {
  const out = new Map<string, Group>();
  const visit = (shape: Shape) => {
    if (shape.kind !== 'group') return;
    if (shape.id && !out.has(shape.id)) out.set(shape.id, shape);
    shape.children.forEach(visit);
  };
  picture.shapes.forEach(visit);
  return out;
}

const textsIn = (group: Group) =>
  textsOf({ width: 0, height: 0, background: null, title: '', shapes: [group] });

/** A topic's box in board units (its border rectangle is drawn 1 unit inside it). */
function boxOf(group: Group): Box {
  const rect = group.children[0]!;
  if (rect.kind !== 'rect') throw new Error('a topic starts with its box');
  return { x: rect.x - 1, y: rect.y - 1, width: rect.width + 2, height: rect.height + 2 };
}

/** The first and last points of path data. */
function ends(d: string): { start: [number, number]; end: [number, number] } {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  return {
    start: [numbers[0]!, numbers[1]!],
    end: [numbers[numbers.length - 2]!, numbers[numbers.length - 1]!],
  };
}

function onEdge([x, y]: [number, number], box: Box): boolean {
  const inside = x >= box.x - 0.6 && x <= box.x + box.width + 0.6;
  const inY = y >= box.y - 0.6 && y <= box.y + box.height + 0.6;
  const onSide =
    Math.abs(x - box.x) < 0.6 ||
    Math.abs(x - box.x - box.width) < 0.6 ||
    Math.abs(y - box.y) < 0.6 ||
    Math.abs(y - box.y - box.height) < 0.6;
  return inside && inY && onSide;
}

/** The translation of the picture's one top group (board units → picture units). */
function offset(picture: Picture): [number, number] {
  const top = picture.shapes[0]!;
  if (top.kind !== 'group' || !top.transform) throw new Error('one translated group');
  return [top.transform[4], top.transform[5]];
}

const LAYOUTS = ['balanced', 'logic-right', 'org-down', 'timeline'] as const;

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('render-mindmap: poppler-utils (pdftotext) not installed: skipped');
if (!hasRsvg) console.warn('render-mindmap: rsvg-convert (librsvg2-bin) not installed: skipped');

describe('mind-map renderer', () => {
  it('draws every topic label, in NFC, with wrapped lines that join back into the label', () => {
    const { doc, boardId, ids, ids2 } = caseMap();
    // A label stored in NFD (typed on a Mac, or written before labels were normalised).
    recordAt(nodesIn(doc, boardId), ids.victim)!.set('label', 'Trần Thị Mỹ Linh'.normalize('NFD'));
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const byId = groups(picture);
    const topics = listTopics(doc, boardId);
    const folded = new Set(topics.filter((t) => t.parent === ids2.folded).map((t) => t.id));
    for (const topic of topics) {
      if (folded.has(topic.id)) continue;
      const label = topic.label.normalize('NFC');
      const group = byId.get(topic.id);
      expect(group, label).toBeDefined();
      const texts = textsIn(group!);
      for (const text of texts) expect(text).toBe(text.normalize('NFC'));
      expect(texts.join(' '), label).toContain(label);
    }
    const all = textsOf(picture);
    expect(all).toContain('Trần Thị Mỹ Linh');
    expect(all.join('\n')).not.toContain('Trần Thị Mỹ Linh'.normalize('NFD'));
  });

  it('wraps a long label over several lines inside its box', () => {
    const { doc, boardId, ids2 } = caseMap();
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const group = groups(picture).get(ids2.long)!;
    const lines = group.children.filter(
      (s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text',
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const box = boxOf(group);
    for (const line of lines) {
      expect(line.y).toBeGreaterThan(box.y);
      expect(line.y).toBeLessThan(box.y + box.height);
    }
    // Each line sits below the one before.
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.y).toBeGreaterThan(lines[i - 1]!.y);
  });

  it.each(LAYOUTS)(
    'runs every branch line from its parent box edge to its child box, on the layout’s sides (%s)',
    (layout) => {
      const { doc, boardId, ids } = caseMap(layout);
      const picture = renderMindMap(doc, boardId, { language: 'vi' });
      const byId = groups(picture);
      let lines = 0;
      for (const topic of listTopics(doc, boardId)) {
        if (!topic.parent || !byId.has(topic.id)) continue;
        const edge = byId.get(`${topic.parent}->${topic.id}`);
        expect(edge, topic.label).toBeDefined();
        const path = edge!.children[0]!;
        if (path.kind !== 'path') throw new Error('a branch is a path');
        expect(path.d).toMatch(/^M[\d\s.CLQ-]+$/);
        const parent = boxOf(byId.get(topic.parent)!);
        const child = boxOf(byId.get(topic.id)!);
        const { start, end } = ends(path.d);
        expect(onEdge(start, parent), `${topic.label} starts on its parent`).toBe(true);
        expect(onEdge(end, child), `${topic.label} ends on its box`).toBe(true);
        // Which sides: sideways maps leave the parent's facing side; org charts leave its bottom.
        if (layout === 'org-down' || (layout === 'timeline' && topic.parent !== ids.root)) {
          expect(start[1]).toBeCloseTo(parent.y + parent.height, 1);
          expect(end[1]).toBeCloseTo(child.y, 1);
        } else if (child.x > parent.x) {
          expect(start[0]).toBeCloseTo(parent.x + parent.width, 1);
          expect(end[0]).toBeCloseTo(child.x, 1);
        } else {
          expect(start[0]).toBeCloseTo(parent.x, 1);
          expect(end[0]).toBeCloseTo(child.x + child.width, 1);
        }
        lines++;
      }
      expect(lines).toBeGreaterThan(20);
    },
  );

  it.each(LAYOUTS)('never overlaps two topic boxes (%s)', (layout) => {
    const { doc, boardId } = caseMap(layout);
    const byId = groups(renderMindMap(doc, boardId, { language: 'vi' }));
    const boxes = listTopics(doc, boardId)
      .filter((t) => byId.has(t.id))
      .map((t) => ({ label: t.label, box: boxOf(byId.get(t.id)!) }));
    expect(boxes.length).toBe(25);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.box, boxes[j]!.box];
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${boxes[i]!.label} / ${boxes[j]!.label}`).toBe(true);
      }
  });

  it('leaves out the children of a folded topic and shows how many it hides', () => {
    const { doc, boardId, ids2 } = caseMap();
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const byId = groups(picture);
    const children = listTopics(doc, boardId).filter((t) => t.parent === ids2.folded);
    expect(children).toHaveLength(3);
    for (const child of children) {
      expect(byId.has(child.id)).toBe(false);
      expect(textsOf(picture)).not.toContain(child.label);
    }
    expect(textsIn(byId.get(ids2.folded)!)).toContain('+3');
  });

  it('draws a floating topic, the relationship, the summary, the boundaries and the badges', () => {
    const { doc, boardId, ids, ids2 } = caseMap();
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const byId = groups(picture);
    const texts = textsOf(picture);
    expect(textsIn(byId.get(ids2.floating)!)).toEqual(['Ghi chú riêng của kiểm sát viên']);
    expect(texts).toContain('để lại dấu vân tay');
    expect(texts).toContain('Khoảng 50 phút');
    expect(textsIn(byId.get(`boundary:${ids.people}`)!)).toEqual(['Con người']);
    expect(byId.has(`boundary:${ids.events}`)).toBe(true);
    // The register link draws the entity's kind; the markers their icons; the page reference.
    const suspect = byId.get(ids.suspect)!;
    const icons = suspect.children.filter((s) => s.kind === 'group').map((s) => (s as Group).id);
    expect(icons).toEqual(['icon:suspect', 'icon:warning', 'icon:entity-person']);
    expect(textsIn(byId.get(ids.knife)!)).toContain('BL 12–14');
    const image = byId.get(ids.phone)!.children.find((s) => s.kind === 'image');
    expect(image).toMatchObject({ hash: IMAGE_HASH, mime: 'image/png', width: 72, height: 72 });
    expect(
      byId.get(ids2.record)!.children.some((s) => s.kind === 'group' && s.id === 'icon:note'),
    ).toBe(true);
  });

  it('starts a relationship below its source and points its arrow at the top of its target', () => {
    const { doc, boardId, ids } = caseMap('org-down');
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const byId = groups(picture);
    const source = boxOf(byId.get(ids.suspect)!);
    const target = boxOf(byId.get(ids.knife)!);
    const dashed = findShapes(picture, (s) => s.kind === 'path' && s.stroke === '#c2410c');
    expect(dashed).toHaveLength(1);
    const { start } = ends((dashed[0] as { d: string }).d);
    expect(start[0]).toBeCloseTo(source.x + source.width / 2, 1);
    expect(start[1]).toBeCloseTo(source.y + source.height, 1);
    const arrow = findShapes(picture, (s) => s.kind === 'path' && s.fill === '#c2410c')[0];
    const tip = ends((arrow as { d: string }).d).start;
    expect(tip[0]).toBeCloseTo(target.x + target.width / 2, 1);
    expect(tip[1]).toBeCloseTo(target.y, 1);
  });

  it.each(LAYOUTS)('puts a relationship’s label where it covers no topic (%s)', (layout) => {
    const { doc, boardId } = caseMap(layout);
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const pill = findShapes(picture, (s) => s.kind === 'rect' && s.fill === '#fff7ed')[0] as Box;
    expect(pill).toBeDefined();
    const label = findShapes(picture, (s) => s.kind === 'text' && s.text === 'để lại dấu vân tay');
    expect(label).toHaveLength(1);
    for (const topic of listTopics(doc, boardId)) {
      const group = groups(picture).get(topic.id);
      if (!group) continue;
      const b = boxOf(group);
      const apart =
        pill.x + pill.width <= b.x ||
        b.x + b.width <= pill.x ||
        pill.y + pill.height <= b.y ||
        b.y + b.height <= pill.y;
      expect(apart, topic.label).toBe(true);
    }
  });

  it('keeps the bend a person gave a relationship', () => {
    const { doc, boardId, ids } = caseMap('org-down');
    const [rel] = listRelationships(doc, boardId);
    setRelationshipControl(doc, { boardId, id: rel!.id, control: { dx: 30, dy: 200 } }, 'test');
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const byId = groups(picture);
    const source = boxOf(byId.get(ids.suspect)!);
    const target = boxOf(byId.get(ids.knife)!);
    const path = findShapes(picture, (s) => s.kind === 'path' && s.stroke === '#c2410c')[0];
    const [, , cx, cy] = ((path as { d: string }).d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    // The control point sits at the stored offset from the middle of the line.
    const mx = (source.x + source.width / 2 + target.x + target.width / 2) / 2;
    const my = (source.y + source.height + target.y) / 2;
    expect(cx).toBeCloseTo(mx + 30, 1);
    expect(cy).toBeCloseTo(my + 200, 1);
  });

  it('fits the whole board with a margin on a white background', () => {
    const { doc, boardId } = caseMap();
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    expect(picture.background).toBe('#ffffff');
    expect(picture.title).toBe('Sơ đồ vụ án trộm cắp');
    const [dx, dy] = offset(picture);
    const boxes = [...groups(picture).entries()]
      .filter(([id]) => !id.includes(':') && !id.includes('->'))
      .map(([, g]) => boxOf(g));
    const left = Math.min(...boxes.map((b) => b.x + dx));
    const top = Math.min(...boxes.map((b) => b.y + dy));
    const right = Math.max(...boxes.map((b) => b.x + b.width + dx));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height + dy));
    expect(left).toBeGreaterThanOrEqual(BOARD_MARGIN - 1);
    expect(top).toBeGreaterThanOrEqual(BOARD_MARGIN - 1);
    expect(right).toBeLessThanOrEqual(picture.width - BOARD_MARGIN + 1);
    expect(bottom).toBeLessThanOrEqual(picture.height - BOARD_MARGIN + 1);
    // Nothing but margin around the drawing: the picture is not padded beyond it.
    expect(Math.min(left, top)).toBeLessThan(BOARD_MARGIN + 40);
  });

  it('draws only a frame, clipped to it, at the frame’s size', () => {
    const { doc, boardId, ids } = caseMap();
    const whole = renderMindMap(doc, boardId, { language: 'vi' });
    const root = boxOf(groups(whole).get(ids.root)!);
    const frame: Rect = { x: root.x - 20, y: root.y - 30, w: 320, h: 180 };
    const picture = renderMindMap(doc, boardId, { language: 'vi', frame });
    expect([picture.width, picture.height]).toEqual([320, 180]);
    const top = picture.shapes[0] as Group;
    expect(top.clip).toEqual({ x: frame.x, y: frame.y, width: frame.w, height: frame.h });
    expect(top.transform).toEqual([1, 0, 0, 1, -frame.x, -frame.y]);
    // The root sits at the same place inside the frame as on the board.
    const inFrame = boxOf(groups(picture).get(ids.root)!);
    expect(inFrame.x - frame.x).toBeCloseTo(20, 5);
  });

  it('leaves out topics waiting for a build step with their branches and lines, or dims them', () => {
    const { doc, boardId, ids } = caseMap();
    const waiting = new Set([ids.people]);
    const people = listTopics(doc, boardId).filter((t) => t.parent === ids.people);
    const hidden = renderMindMap(doc, boardId, { language: 'vi', waiting });
    const byId = groups(hidden);
    for (const id of [ids.people, ...people.map((t) => t.id)]) expect(byId.has(id)).toBe(false);
    expect(byId.has(`${ids.root}->${ids.people}`)).toBe(false);
    expect(byId.has(`boundary:${ids.people}`)).toBe(false);
    expect(textsOf(hidden)).not.toContain('để lại dấu vân tay');
    expect(byId.has(ids.evidence)).toBe(true);

    const dimmed = renderMindMap(doc, boardId, { language: 'vi', waiting, dim: true });
    const dimGroups = findShapes(dimmed, (s) => s.kind === 'group' && s.opacity !== undefined);
    const dimIds = new Set(
      dimGroups.flatMap((g) => (g as Group).children.map((c) => (c.kind === 'group' ? c.id : ''))),
    );
    for (const id of [ids.people, ids.suspect, `${ids.root}->${ids.people}`])
      expect(dimIds.has(id), id).toBe(true);
    expect(dimIds.has(ids.evidence)).toBe(false);
    for (const g of dimGroups) expect((g as Group).opacity).toBeLessThan(0.3);
    expect(textsOf(dimmed)).toContain('Nguyễn Văn Hùng');
  });

  it('sizes topics with the editor’s rule and the font’s metrics', () => {
    const size = topicSizeWith({ label: 'Bị can', root: false, extras: 1 }, measureLabel);
    // "Bị can" at 14 px is about 45 px wide: box = text + 2 × 12 padding + 20 per marker + 8.
    expect(size.width).toBeGreaterThan(90);
    expect(size.width).toBeLessThan(110);
    expect(size.height).toBe(40);
    const long = topicSizeWith(
      {
        label: 'Biên bản khám nghiệm hiện trường vụ trộm cắp tài sản tại nhà riêng',
        root: false,
        extras: 0,
      },
      measureLabel,
    );
    expect(long.width).toBeLessThanOrEqual(220 + 24 + 8);
    // Whole lines of 20 px, more than one, with the padding and borders.
    expect(long.height).toBeGreaterThanOrEqual(2 * 20 + 20);
    expect((long.height - 20) % 20).toBe(0);
  });

  it('refuses a board that is missing or not a mind map', () => {
    const { doc } = caseMap();
    expect(() => renderMindMap(doc, 'nope', { language: 'vi' })).toThrow(NoSuchBoard);
  });

  it.skipIf(!hasRsvg)('converts with rsvg-convert into a PNG with ink in every topic box', () => {
    const { doc, boardId } = caseMap();
    const picture = renderMindMap(doc, boardId, { language: 'vi' });
    const dir = mkdtempSync(join(tmpdir(), 'mindmap-'));
    writeFileSync(join(dir, 'map.svg'), toSvg(picture));
    execFileSync('rsvg-convert', ['-o', join(dir, 'map.png'), join(dir, 'map.svg')], {
      env: rsvgEnv(),
    });
    const image = decodePng(new Uint8Array(readFileSync(join(dir, 'map.png'))));
    expect([image.width, image.height]).toEqual([picture.width, picture.height]);
    const [dx, dy] = offset(picture);
    const byId = groups(picture);
    let checked = 0;
    for (const topic of listTopics(doc, boardId)) {
      const group = byId.get(topic.id);
      if (!group) continue;
      const box = boxOf(group);
      // Inside the border: the label's ink (white text on the dark central topic counts as its fill).
      const inner = {
        x: box.x + dx + 4,
        y: box.y + dy + 4,
        width: box.width - 8,
        height: box.height - 8,
      };
      expect(darkPixels(image, inner), topic.label).toBeGreaterThan(20);
      checked++;
    }
    expect(checked).toBe(25);
    // The margin is left white.
    expect(darkPixels(image, { x: 0, y: 0, width: image.width, height: 10 })).toBe(0);
  });

  it.skipIf(!hasPdftotext).each(LAYOUTS)(
    'exports a PDF whose text holds every label a reader sees (%s)',
    async (layout) => {
      const { doc, boardId, ids2 } = caseMap(layout);
      const png = new Uint8Array(makePng(40, 30));
      const context = {
        resources: nodeResources(async (hash) => (hash === IMAGE_HASH ? png : null)),
        language: 'vi',
        date: new Date(2026, 11, 3),
        author: 'Trần Thị Lan',
      };
      const pdf = await boardPdf(doc, boardId, { paper: 'A4', orientation: 'landscape' }, context);
      const dir = mkdtempSync(join(tmpdir(), 'mindmap-pdf-'));
      writeFileSync(join(dir, 'map.pdf'), pdf);
      // Wrapped lines come out on lines of their own: compare with whitespace folded.
      const text = execFileSync('pdftotext', [join(dir, 'map.pdf'), '-'])
        .toString()
        .replace(/\s+/g, ' ');
      expect(text).toBe(text.normalize('NFC'));
      const labels = listTopics(doc, boardId)
        .filter((t) => t.parent !== ids2.folded)
        .map((t) => t.label.normalize('NFC'));
      for (const label of [...labels, 'để lại dấu vân tay', 'Khoảng 50 phút', 'Con người'])
        expect(text, label).toContain(label);
      expect(text).not.toContain('Năm 2019');
    },
  );
});

function findShapes(picture: Picture, test: (shape: Shape) => boolean): Shape[] {
  const out: Shape[] = [];
  const visit = (shape: Shape) => {
    if (test(shape)) out.push(shape);
    if (shape.kind === 'group') shape.children.forEach(visit);
  };
  picture.shapes.forEach(visit);
  return out;
}
