import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntityNode,
  addFileRecord,
  addLink,
  addNode,
  attachFile,
} from '../../src/core/index.ts';
import { recordAt, registerOf } from '../../src/core/doc.ts';
import { nodesIn } from '../../src/core/commands/nodes.ts';
import { getBezierPath, Position } from '@xyflow/system';
import { renderGraph } from '../../src/boards/graph/render.ts';
import { listLinks } from '../../src/core/commands/links.ts';
import { textWidth } from '../../src/render/metrics.ts';
import { blobsOf, textsOf, type Picture, type Shape } from '../../src/render/picture.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { renderCase } from '../helpers/render-graph-fixture.ts';
import { darkPixels, decodePng } from '../helpers/render-png.ts';
import { boardPdf } from '../../src/export/documents/index.ts';
import { nodeResources } from '../../server/export/resources.ts';
import {
  groupById,
  hasPdftotext,
  hasRsvg,
  pdfText,
  pathEnds,
  placed,
  rsvgPng,
  textsIn,
} from '../helpers/render-graph-shapes.ts';

/** A node's box in picture coordinates: its group's place and its outline rect. */
function nodeBox(picture: Picture, id: string) {
  const group = groupById(picture, id);
  if (!group) return undefined;
  const outline = group.shape.children.find(
    (c): c is Extract<Shape, { kind: 'rect' }> => c.kind === 'rect' && c.fill === '#ffffff',
  )!;
  const [, , , , e, f] = group.shape.transform!;
  const half = (outline.strokeWidth ?? 1) / 2;
  return {
    x: group.dx + e,
    y: group.dy + f,
    w: outline.width + 2 * half,
    h: outline.height + 2 * half,
    group,
  };
}

describe('evidence chart picture', () => {
  const c = renderCase();
  const picture = renderGraph(c.doc, c.evidence, { language: 'vi' });

  it('writes every node’s name in NFC, the one stored in NFD too', () => {
    const texts = textsOf(picture);
    const joined = texts.join(' ');
    for (const name of c.names.evidence) expect(joined).toContain(name);
    for (const text of texts) expect(text).toBe(text.normalize('NFC'));
    expect(picture.title).toBe('Sơ đồ chứng cứ vụ trộm xe');
  });

  it('marks each fact with its proof verdict and each item with its page reference', () => {
    const words = (name: string) => textsIn(groupById(picture, c.nodes[name]!)!.shape);
    expect(words('Bị can lấy chiếc xe máy Honda Wave')).toContain('Đã chứng minh');
    expect(words('Bị can có mặt tại chợ lúc 21 giờ')).toContain('Có mâu thuẫn');
    expect(words('Động cơ: trả nợ cờ bạc')).toContain('Chưa chứng minh');
    expect(words('Biên bản khám nghiệm hiện trường')).toContain('BL 12–15');
    // Evidence has no verdict.
    expect(words('Trích xuất camera chợ Bến Thành').join(' ')).not.toMatch(/chứng minh/);
  });

  it('keeps every text of a node inside its box', () => {
    for (const id of Object.values(c.nodes)) {
      const box = nodeBox(picture, id)!;
      for (const child of box.group.shape.children) {
        if (child.kind !== 'text') continue;
        const left = box.x + child.x;
        expect(left).toBeGreaterThanOrEqual(box.x + 8);
        expect(left + textWidth(child.text, child.size, child.weight)).toBeLessThanOrEqual(
          box.x + box.w - 8,
        );
        expect(box.y + child.y).toBeLessThan(box.y + box.h - 4);
        expect(box.y + child.y - child.size).toBeGreaterThan(box.y);
      }
    }
  });

  it('routes each link as the editor does: source’s right side to target’s left side', () => {
    const links = listLinks(c.doc, c.evidence);
    expect(links.length).toBe(9);
    for (const link of links) {
      const group = groupById(picture, link.id)!;
      const line = group.shape.children[0] as Extract<Shape, { kind: 'path' }>;
      const { start, end } = pathEnds(line.d);
      const source = nodeBox(picture, link.source)!;
      const target = nodeBox(picture, link.target)!;
      const [sx, sy] = [start[0] + group.dx, start[1] + group.dy];
      const [tx, ty] = [end[0] + group.dx, end[1] + group.dy];
      // On the border (React Flow's 6 px handle straddles it), halfway down.
      expect(Math.abs(sx - (source.x + source.w))).toBeLessThanOrEqual(3.01);
      expect(sy).toBeCloseTo(source.y + source.h / 2, 1);
      expect(Math.abs(tx - target.x)).toBeLessThanOrEqual(3.01);
      expect(ty).toBeCloseTo(target.y + target.h / 2, 1);
      // React Flow's own curve between the same two points.
      const [expected] = getBezierPath({
        sourceX: sx - group.dx,
        sourceY: sy - group.dy,
        targetX: tx - group.dx,
        targetY: ty - group.dy,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
      });
      const want = (expected.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
      const got = (line.d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
      expect(got).toHaveLength(8);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 1));
    }
  });

  it('draws each type’s colour and dash, arrowheads where the editor has them, and words', () => {
    const links = listLinks(c.doc, c.evidence);
    const byType = (type: string) => links.find((l) => l.type === type)!;
    const line = (id: string) => groupById(picture, id)!.shape.children;
    const contradicts = line(byType('contradicts').id);
    expect(contradicts[0]).toMatchObject({ stroke: '#b91c1c', dash: [8, 5] });
    expect(contradicts).toHaveLength(2); // the curve and its arrowhead
    const corroborates = line(byType('corroborates').id);
    expect(corroborates).toHaveLength(1); // reads both ways: no arrowhead
    expect(corroborates[0]).toMatchObject({ dash: [2, 5], strokeWidth: 1.25 }); // weak
    expect(line(byType('supports').id)[0]).toMatchObject({ stroke: '#15803d' });
    const labelOf = (id: string) => textsIn(groupById(picture, `${id}:label`)!.shape);
    expect(labelOf(byType('contradicts').id)).toEqual(['× mâu thuẫn']);
    expect(labelOf(byType('corroborates').id)).toEqual(['+ củng cố']);
    expect(textsOf(picture)).toContain('định giá ngày 20/3');
    // The label sits on a white pill in the link's colour.
    const pill = groupById(picture, `${byType('contradicts').id}:label`)!.shape.children[0];
    expect(pill).toMatchObject({ kind: 'rect', fill: '#ffffff', stroke: '#b91c1c' });
  });

  it('fits the whole board with its margin on a white page', () => {
    expect(picture.background).toBe('#ffffff');
    for (const id of Object.values(c.nodes)) {
      const box = nodeBox(picture, id)!;
      expect(box.x).toBeGreaterThanOrEqual(39);
      expect(box.y).toBeGreaterThanOrEqual(39);
      expect(box.x + box.w).toBeLessThanOrEqual(picture.width - 39);
      expect(box.y + box.h).toBeLessThanOrEqual(picture.height - 39);
    }
  });

  it('draws a frame at its own size, moved and clipped to it', () => {
    const frame = { x: 600, y: -20, w: 500, h: 300 };
    const framed = renderGraph(c.doc, c.evidence, { language: 'vi', frame });
    expect([framed.width, framed.height]).toEqual([500, 300]);
    const root = framed.shapes[0] as Extract<Shape, { kind: 'group' }>;
    expect(root.clip).toEqual({ x: 600, y: -20, width: 500, height: 300 });
    // The first fact (at 700, 0 on the board) is 100, 20 from the frame's corner.
    const fact = nodeBox(framed, c.nodes['Bị can lấy chiếc xe máy Honda Wave']!)!;
    expect([fact.x, fact.y]).toEqual([100, 20]);
  });

  it('leaves out waiting nodes and their links, or dims them', () => {
    const waiting = new Set([c.nodes['Trích xuất camera chợ Bến Thành']!]);
    const links = listLinks(c.doc, c.evidence).filter(
      (l) => waiting.has(l.source) || waiting.has(l.target),
    );
    expect(links.length).toBe(2);
    const hidden = renderGraph(c.doc, c.evidence, { language: 'vi', waiting });
    expect(textsOf(hidden)).not.toContain('Trích xuất camera chợ Bến Thành');
    for (const link of links) expect(groupById(hidden, link.id)).toBeUndefined();
    expect(textsOf(hidden).join(' ')).toContain('Lời khai bị can Nguyễn Văn Hùng');

    const dimmed = renderGraph(c.doc, c.evidence, { language: 'vi', waiting, dim: true });
    const node = groupById(dimmed, [...waiting][0]!)!;
    expect(node.shape.opacity).toBeCloseTo(0.25);
    for (const link of links) expect(groupById(dimmed, link.id)!.shape.opacity).toBeCloseTo(0.25);
    const other = groupById(dimmed, c.nodes['Lời khai bị can Nguyễn Văn Hùng']!)!;
    expect(other.shape.opacity ?? 1).toBe(1);
  });

  it('speaks English when asked', () => {
    const english = textsOf(renderGraph(c.doc, c.evidence, { language: 'en' }));
    expect(english).toContain('Proven');
    expect(english).toContain('× contradicts');
    expect(english).not.toContain('Đã chứng minh');
  });

  it('draws paths with the commands every writer understands (absolute M, L, C, Q, Z)', () => {
    const paths = placed(picture).flatMap((p) => (p.shape.kind === 'path' ? [p.shape.d] : []));
    expect(paths.length).toBeGreaterThan(10);
    for (const d of paths) expect(d).toMatch(/^M[-\d. ]+([MLCQZ][-\d. ]*)*$/);
  });

  it('refuses a board of another kind', () => {
    expect(() => renderGraph(c.doc, c.timeline, { language: 'vi' })).toThrow(NoSuchBoard);
    expect(() => renderGraph(c.doc, 'nope', { language: 'vi' })).toThrow(NoSuchBoard);
  });

  it.skipIf(!hasRsvg)('converts with rsvg-convert to a PNG of the picture’s size', () => {
    const png = rsvgPng(picture);
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    // Every node's name is inked inside its box.
    const image = decodePng(png.bytes);
    for (const id of Object.values(c.nodes)) {
      const box = nodeBox(picture, id)!;
      expect(
        darkPixels(image, { x: box.x + 20, y: box.y + 6, width: box.w - 26, height: box.h - 12 }),
      ).toBeGreaterThan(60);
    }
    // A node waiting for its build step leaves its place blank.
    const camera = nodeBox(picture, c.nodes['Trích xuất camera chợ Bến Thành']!)!;
    const waiting = new Set([c.nodes['Trích xuất camera chợ Bến Thành']!]);
    const hidden = decodePng(
      rsvgPng(renderGraph(c.doc, c.evidence, { language: 'vi', waiting })).bytes,
    );
    expect(
      darkPixels(hidden, { x: camera.x, y: camera.y, width: camera.w, height: camera.h }),
    ).toBe(0);
  });
});

describe('relationship chart picture', () => {
  const c = renderCase();
  const picture = renderGraph(c.doc, c.relationship, { language: 'vi' });

  it('names every person, phone, vehicle, account and place, and every link', () => {
    const joined = textsOf(picture).join(' ');
    for (const name of c.names.relationship) expect(joined).toContain(name);
    for (const word of ['sở hữu', 'gặp', 'chuyển tiền', 'có quan hệ', '14 cuộc gọi'])
      expect(joined).toContain(word);
    // No proof verdicts on a relationship chart.
    expect(joined).not.toMatch(/chứng minh/);
  });

  it('draws a kind icon on every node and arrowheads only on directed links', () => {
    const nodes = placed(picture).filter(
      (p) =>
        p.shape.kind === 'group' && p.shape.transform && p.shape.id && !p.shape.id.includes(':'),
    );
    const links = listLinks(c.doc, c.relationship);
    for (const link of links) {
      const group = groupById(picture, link.id)!;
      expect(group.shape.children.length).toBe(
        link.type === 'met' || link.type === 'related' ? 1 : 2,
      );
    }
    expect(nodes.length).toBe(9);
    for (const node of nodes) {
      const inner = (node.shape as Extract<Shape, { kind: 'group' }>).children;
      expect(inner.some((s) => s.kind === 'group')).toBe(true); // the icon
    }
  });

  it.skipIf(!hasRsvg)('converts with rsvg-convert to a PNG of the picture’s size', () => {
    const png = rsvgPng(picture);
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
  });
});

describe('chart pictures of unusual nodes', () => {
  it('draws an evidence item’s first picture, an image node, a deleted entity’s node and a free node', () => {
    const doc = new Y.Doc();
    const board = addBoard(doc, { kind: 'evidence', title: 'Ảnh' }, 'test');
    const hash = 'a'.repeat(64);
    addFileRecord(doc, { hash, name: 'hiện trường.jpg', mime: 'image/jpeg', size: 10 }, 'test');
    const knife = addEntityNode(
      doc,
      { boardId: board, kind: 'evidence', name: 'Con dao dài 25 cm', x: 0, y: 0 },
      'test',
    );
    const entity = recordAt(nodesIn(doc, board), knife)!.get('entity') as string;
    attachFile(doc, { entityId: entity, hash }, 'test');
    const photo = addNode(doc, { boardId: board, x: 0, y: 200, file: hash }, 'test');
    const gone = addEntityNode(
      doc,
      { boardId: board, kind: 'person', name: 'Người đã xoá', x: 400, y: 0 },
      'test',
    );
    const goneEntity = recordAt(nodesIn(doc, board), gone)!.get('entity') as string;
    registerOf(doc).delete(goneEntity);
    const free = addNode(doc, { boardId: board, x: 400, y: 200, label: 'Ghi chú tự do' }, 'test');

    const picture = renderGraph(doc, board, { language: 'vi' });
    expect(blobsOf(picture).images).toEqual(new Set([hash]));
    const image = (id: string) =>
      groupById(picture, id)!.shape.children.find((s) => s.kind === 'image') as
        Extract<Shape, { kind: 'image' }> | undefined;
    expect(image(knife)).toMatchObject({ width: 40, height: 40, hash });
    expect(image(photo)).toMatchObject({ width: 200, height: 200, hash });
    // A node whose entity was deleted keeps the name it showed, in a dashed red box.
    const broken = nodeBox(picture, gone)!;
    expect(broken.group.shape.children[1]).toMatchObject({ stroke: '#b91c1c', dash: [6, 4] });
    expect(textsOf(picture)).toContain('Ghi chú tự do');
    expect(nodeBox(picture, free)!.w).toBeGreaterThan(textWidth('Ghi chú tự do', 15));
  });

  it('draws an empty chart as a small blank page', () => {
    const doc = new Y.Doc();
    const board = addBoard(doc, { kind: 'relationship', title: 'Trống' }, 'test');
    const picture = renderGraph(doc, board, { language: 'vi' });
    expect(textsOf(picture)).toEqual([]);
    expect(picture.width).toBeGreaterThan(0);
  });

  it('draws a chart of 2,000 nodes and links quickly', () => {
    const doc = new Y.Doc();
    const board = addBoard(doc, { kind: 'evidence', title: 'Lớn' }, 'test');
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < 2000; i++)
        ids.push(
          addNode(
            doc,
            {
              boardId: board,
              x: (i % 40) * 300,
              y: Math.floor(i / 40) * 120,
              label: `Nút số ${i}`,
            },
            'test',
          ),
        );
      for (let i = 1; i < 2000; i++)
        addLink(
          doc,
          { boardId: board, source: ids[i - 1]!, target: ids[i]!, type: 'supports' },
          'test',
        );
    });
    const started = performance.now();
    const picture = renderGraph(doc, board, { language: 'vi' });
    // A guard against a quadratic slip, not a benchmark (npm run bench measures).
    expect(performance.now() - started).toBeLessThan(5000);
    expect(textsOf(picture)).toContain('Nút số 1999');
  });
});

describe('chart PDFs', () => {
  it.skipIf(!hasPdftotext)(
    'carry every word of every name as text a reader can search, in NFC',
    async () => {
      const c = renderCase();
      const context = {
        resources: nodeResources(async () => null),
        language: 'vi',
        date: new Date(Date.UTC(2026, 2, 20)),
      };
      for (const [board, names] of [
        [c.evidence, c.names.evidence],
        [c.relationship, c.names.relationship],
      ] as const) {
        const text = pdfText(
          await boardPdf(c.doc, board, { paper: 'A4', orientation: 'landscape' }, context),
        );
        expect(text).toBe(text.normalize('NFC'));
        // Wrapped names come back line by line, in the reader's order: word by word.
        for (const name of names) for (const word of name.split(' ')) expect(text).toContain(word);
      }
    },
  );
});
