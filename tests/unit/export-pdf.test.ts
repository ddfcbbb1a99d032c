import { degrees, PDFDocument, rgb } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addBoard, addSceneObject, boardsOf } from '../../src/core/index.ts';
import {
  boardPdf,
  boardPicture,
  boardSvg,
  Cancelled,
  exportTexts,
  UnknownBoardKind,
} from '../../src/export/documents/index.ts';
import { boardSheet } from '../../src/export/documents/boardPdf.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { drawPicture, embedFonts, pathOperators } from '../../src/render/pdf.ts';
import { textsOf, type Picture } from '../../src/render/picture.ts';
import { nodeFonts, nodeResources } from '../../server/export/resources.ts';
import {
  count,
  exportCase,
  installed,
  MINDMAP_LABELS,
  pagePixels,
  pageText,
  run,
  tempFile,
} from '../helpers/export-case.ts';

const poppler = installed('pdftotext');
const rsvg = installed('rsvg-convert', ['--version']);
const needPoppler = poppler ? it : it.skip;
if (!poppler)
  console.warn('export-pdf: poppler-utils (pdftotext, pdffonts) not installed: skipped');

/** A picture of every shape kind, with the text a reader must get back. */
const sample: Picture = {
  width: 400,
  height: 200,
  background: '#ffffff',
  title: 'Mẫu',
  shapes: [
    { kind: 'rect', x: 20, y: 20, width: 100, height: 60, fill: '#ff0000', radius: 8 },
    { kind: 'ellipse', cx: 300, cy: 50, rx: 40, ry: 25, fill: '#0000ff' },
    {
      kind: 'path',
      d: 'M20 120L120 120Q170 120 170 170Z',
      fill: '#00aa00',
      stroke: '#000000',
      strokeWidth: 2,
      dash: [4, 2],
    },
    {
      kind: 'group',
      transform: [1, 0, 0, 1, 200, 100],
      clip: { x: 0, y: 0, width: 50, height: 50 },
      opacity: 0.5,
      // Clipped to its top-left 50 × 50: the rest of this square must not be drawn.
      children: [{ kind: 'rect', x: 0, y: 0, width: 100, height: 100, fill: '#000000' }],
    },
    { kind: 'text', x: 200, y: 190, text: 'Nguyễn Văn Hùng', size: 16, anchor: 'middle' },
    { kind: 'text', x: 390, y: 150, text: 'Bị can', size: 14, weight: 700, anchor: 'end' },
    { kind: 'text', x: 20, y: 110, text: 'Hung khí'.normalize('NFD'), size: 12, weight: 600 },
  ],
};

async function samplePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  const fonts = await embedFonts(pdf, await nodeFonts());
  const page = pdf.addPage([400, 200]);
  await drawPicture(
    pdf,
    page,
    sample,
    { x: 0, y: 0, width: 400, height: 200 },
    fonts,
    async () => null,
  );
  return tempFile('sample.pdf', await pdf.save());
}

describe('the PDF writer', () => {
  needPoppler(
    'writes text a reader extracts exactly, in NFC, in embedded subsets of Be Vietnam Pro',
    async () => {
      const path = await samplePdf();
      const text = pageText(path, 1);
      for (const label of textsOf(sample)) expect(text).toContain(label.normalize('NFC'));
      const fonts = run('pdffonts', [path]);
      // name type encoding emb sub uni: every font embedded, as a subset, with a ToUnicode map.
      const rows = fonts.split('\n').filter((line) => line.includes('BeVietnamPro'));
      expect(rows).toHaveLength(3);
      for (const row of rows)
        expect(row).toMatch(/\+BeVietnamPro-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    },
  );

  needPoppler(
    'puts shapes where the picture has them, y down, clipped, anchored text',
    async () => {
      const path = await samplePdf();
      // 144 dpi: 2 pixels a point, and the picture's units are points here.
      const pixels = pagePixels(path, 1, 144);
      expect(pixels.width).toBe(800);
      const near = (rgb: number[], want: number[]) =>
        rgb.every((c, i) => Math.abs(c - want[i]!) < 40);
      expect(near(pixels.at(140, 100), [255, 0, 0])).toBe(true); // the red rect, top left
      expect(near(pixels.at(600, 100), [0, 0, 255])).toBe(true); // the blue ellipse, top right
      expect(near(pixels.at(41, 41), [255, 255, 255])).toBe(true); // the rect's rounded corner
      expect(near(pixels.at(46, 46), [255, 0, 0])).toBe(true); // just inside the corner's curve
      expect(near(pixels.at(200, 250), [0, 170, 0])).toBe(true); // inside the path
      expect(near(pixels.at(450, 250), [128, 128, 128])).toBe(true); // the clipped square at half opacity
      expect(near(pixels.at(550, 350), [255, 255, 255])).toBe(true); // its part outside the clip
      const words = run('pdftotext', ['-bbox', path, '-']);
      const box = (word: string) => {
        const match = new RegExp(
          `xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}<`,
        ).exec(words);
        return match ? match.slice(1).map(Number) : null;
      };
      // 'middle': "Nguyễn Văn Hùng" centred on x = 200; 'end': "Bị can" ends at x = 390.
      const [first] = box('Nguyễn')!;
      const [, , last] = box('Hùng')!;
      expect(Math.abs((first! + last!) / 2 - 200)).toBeLessThan(2);
      expect(Math.abs(box('can')![2]! - 390)).toBeLessThan(2);
      // The baseline at y = 190 (from the top): the word's box ends just under it.
      expect(box('Hùng')![3]).toBeGreaterThan(188);
      expect(box('Hùng')![3]).toBeLessThan(196);
    },
  );

  needPoppler('draws a case-file PDF page as a page, turned as its /Rotate shows it', async () => {
    // A landscape page, red on its left half, shown turned a quarter clockwise: red on top.
    const source = await PDFDocument.create();
    const turned = source.addPage([200, 100]);
    turned.drawRectangle({ x: 0, y: 0, width: 100, height: 100, color: rgb(1, 0, 0) });
    turned.setRotation(degrees(90));
    const bytes = await source.save();
    const pdf = await PDFDocument.create();
    const fonts = await embedFonts(pdf, await nodeFonts());
    const page = pdf.addPage([100, 200]);
    const picture: Picture = {
      width: 100,
      height: 200,
      background: '#ffffff',
      title: '',
      shapes: [{ kind: 'pdfPage', x: 0, y: 0, width: 100, height: 200, hash: 'h', page: 1 }],
    };
    await drawPicture(
      pdf,
      page,
      picture,
      { x: 0, y: 0, width: 100, height: 200 },
      fonts,
      async (hash) => (hash === 'h' ? bytes : null),
    );
    const path = tempFile('turned.pdf', await pdf.save());
    const pixels = pagePixels(path, 1, 72);
    expect(pixels.at(75, 50)).toEqual([255, 0, 0]);
    expect(pixels.at(25, 150)).toEqual([255, 255, 255]);
    // Embedded as a form (a page), not as a picture.
    expect(
      run('pdfimages', ['-list', path])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim()),
    ).toEqual([]);
  });

  needPoppler(
    'draws a picture it cannot read as a grey box, the text beside it intact',
    async () => {
      const pdf = await PDFDocument.create();
      const fonts = await embedFonts(pdf, await nodeFonts());
      const page = pdf.addPage([200, 100]);
      const picture: Picture = {
        width: 200,
        height: 100,
        background: '#ffffff',
        title: '',
        shapes: [
          { kind: 'image', x: 10, y: 10, width: 80, height: 80, hash: 'webp', mime: 'image/webp' },
          { kind: 'image', x: 110, y: 10, width: 80, height: 80, hash: 'gone', mime: 'image/png' },
          { kind: 'text', x: 10, y: 98, text: 'Ảnh\u0007 số 1', size: 8 },
        ],
      };
      const blob = async (hash: string) =>
        hash === 'webp' ? new Uint8Array([82, 73, 70, 70]) : null;
      await drawPicture(pdf, page, picture, { x: 0, y: 0, width: 200, height: 100 }, fonts, blob);
      const path = tempFile('grey.pdf', await pdf.save());
      const pixels = pagePixels(path, 1, 72);
      expect(pixels.at(50, 50)).toEqual([229, 231, 235]);
      expect(pixels.at(150, 50)).toEqual([229, 231, 235]);
      expect(pageText(path, 1)).toContain('Ảnh số 1');
    },
  );

  needPoppler('embeds a JPEG photo as it is, at its own resolution', async () => {
    // A real JPEG: the sample page photographed by pdftoppm at 30 dpi (167 × 84 pixels).
    const prefix = tempFile('photo', '');
    run('pdftoppm', ['-jpeg', '-r', '30', '-singlefile', await samplePdf(), prefix]);
    const jpeg = new Uint8Array(readFileSync(`${prefix}.jpg`));
    const pdf = await PDFDocument.create();
    const fonts = await embedFonts(pdf, await nodeFonts());
    const picture: Picture = {
      width: 100,
      height: 50,
      background: null,
      title: '',
      shapes: [
        { kind: 'image', x: 0, y: 0, width: 100, height: 50, hash: 'j', mime: 'image/jpeg' },
      ],
    };
    await drawPicture(
      pdf,
      pdf.addPage([100, 50]),
      picture,
      { x: 0, y: 0, width: 100, height: 50 },
      fonts,
      async () => jpeg,
    );
    const list = run('pdfimages', ['-list', tempFile('jpeg.pdf', await pdf.save())]);
    const [row] = list
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    const [, , , width, height, , , , enc] = row!.trim().split(/\s+/);
    expect([width, height, enc]).toEqual(['167', '84', 'jpeg']);
  });

  it('reads path data: quadratics as cubics, H and V, implicit lines, closes', () => {
    const names = (d: string) => pathOperators(d).map((op) => op.toString().split(' ').pop());
    expect(names('M0 0L10 0Q20 0 20 10Z')).toEqual(['m', 'l', 'c', 'h']);
    expect(names('M0 0 10 0 10 10H0V5Z')).toEqual(['m', 'l', 'l', 'l', 'l', 'h']);
    expect(pathOperators('M0 0L10').map(String)).toEqual(['0 0 m']);
  });
});

describe('board PDF', () => {
  needPoppler(
    'holds every label of the mind map, the marking twice, the footer and the title block',
    async () => {
      const c = await exportCase('mat');
      const bytes = await boardPdf(
        c.doc,
        c.mindmap,
        { paper: 'A4', orientation: 'portrait' },
        c.context,
      );
      const path = tempFile('board.pdf', bytes);
      const text = pageText(path, 1);
      const flat = text.replace(/\s+/g, ' ');
      for (const label of MINDMAP_LABELS) {
        // A label may be wrapped over lines inside its topic: each of its words is there.
        for (const word of label.normalize('NFC').split(' ')) expect(flat).toContain(word);
      }
      expect(count(text, 'MẬT')).toBe(2);
      expect(flat).toContain('12/2026/HS-ST — Vụ giết người tại xã Hòa Bình');
      expect(flat).toContain('Trang 1/1');
      expect(flat).toContain('Ngày xuất 03/12/2026');
      expect(flat).toContain('Người lập');
      expect(flat).toContain('Trần Thị Lan');
      expect(run('pdffonts', [path])).toMatch(
        /BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(/Page size:\s+595\.27\d* x 841\.89 pts \(A4\)/);
      expect(info).toMatch(/Title:\s+Sơ đồ vụ án/);
      expect(info).toMatch(/Creator:\s+CaseBoard/);
    },
  );

  needPoppler('an unclassified case carries no marking; A3 landscape; English words', async () => {
    const c = await exportCase('none', 'en');
    const bytes = await boardPdf(
      c.doc,
      c.mindmap,
      { paper: 'A3', orientation: 'landscape' },
      c.context,
    );
    const path = tempFile('board-a3.pdf', bytes);
    const text = pageText(path, 1);
    expect(text).not.toContain('MẬT');
    expect(text).toContain('Page 1/1');
    expect(text).toContain('Exported 3 Dec 2026');
    expect(run('pdfinfo', [path])).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
  });

  needPoppler('a top-secret case is marked TỐI MẬT at the top and the bottom', async () => {
    const c = await exportCase('toi-mat');
    const bytes = await boardPdf(
      c.doc,
      c.mindmap,
      { paper: 'A4', orientation: 'landscape' },
      c.context,
    );
    const lines = pageText(tempFile('top.pdf', bytes), 1)
      .split('\n')
      .filter((line) => line.trim());
    expect(lines[0]!.trim()).toBe('TỐI MẬT');
    // The last line is the footer; the marking stands right above it.
    expect(lines.at(-2)!.trim()).toBe('TỐI MẬT');
  });

  it('keeps the drawing inside the printable area, clear of the title block and the markings', async () => {
    const c = await exportCase('mat');
    const sheet = await boardSheet(
      c.doc,
      c.mindmap,
      { paper: 'A4', orientation: 'portrait' },
      c.context,
    );
    const drawing = sheet.shapes.find((s) => s.kind === 'group' && s.id === 'drawing');
    const block = sheet.shapes.find((s) => s.kind === 'group' && s.id === 'title-block');
    const markings = sheet.shapes.filter((s) => s.kind === 'group' && s.id === 'marking');
    expect(drawing?.kind === 'group' && drawing.transform).toBeTruthy();
    if (drawing?.kind !== 'group' || block?.kind !== 'group' || !drawing.transform || !drawing.clip)
      return;
    const [scale, , , , x, y] = drawing.transform;
    const bottom = y + drawing.clip.height * scale;
    const blockTop = block.children[0]!.kind === 'rect' ? block.children[0]!.y : 0;
    expect(x).toBeGreaterThanOrEqual(42.5);
    expect(x + drawing.clip.width * scale).toBeLessThanOrEqual(sheet.width - 42.5 + 0.01);
    expect(bottom).toBeLessThan(blockTop);
    expect(markings).toHaveLength(2);
    const [topMark] = markings;
    const markBottom =
      topMark?.kind === 'group' && topMark.children[0]!.kind === 'rect'
        ? topMark.children[0]!.y + topMark.children[0]!.height
        : Infinity;
    expect(y).toBeGreaterThan(markBottom);
  });

  needPoppler(
    'prints a scene on its own sheet at the stated scale, marked and footed',
    async () => {
      const c = await exportCase('mat');
      const scene = addBoard(c.doc, { kind: 'scene', title: 'Hiện trường nhà ông Hùng' }, 'test');
      const room = [
        { x: 0, y: 0 },
        { x: 8, y: 0 },
        { x: 8, y: 6 },
        { x: 0, y: 6 },
      ];
      addSceneObject(
        c.doc,
        { boardId: scene, object: { shape: 'wall', points: room, closed: true, thickness: 0.2 } },
        'test',
      );
      const options = { paper: 'A4', orientation: 'landscape', scale: 100 } as const;
      const sheet = await boardSheet(c.doc, scene, options, c.context);
      const drawing = sheet.shapes.find((s) => s.kind === 'group' && s.id === 'drawing');
      // Not scaled to fit: 1 m must stay 10 mm on paper at 1:100.
      expect(drawing?.kind === 'group' && drawing.transform?.[0]).toBe(1);
      const text = pageText(
        tempFile('scene.pdf', await boardPdf(c.doc, scene, options, c.context)),
        1,
      );
      // The sheet's own title block (not the plain boards' one) with the scale.
      expect(text).toMatch(/Tỷ lệ\s+1:100/);
      expect(text).toContain('SƠ ĐỒ HIỆN TRƯỜNG');
      expect(text).not.toContain('Người lập');
      expect(text).toContain('Hiện trường nhà ông Hùng');
      expect(count(text, 'MẬT')).toBe(2);
      expect(text).toContain('Trang 1/1');
    },
  );

  it('refuses a board the case does not have, and a kind it cannot draw', async () => {
    const c = await exportCase('none');
    await expect(boardPicture(c.doc, 'nope', { language: 'vi' })).rejects.toBeInstanceOf(
      NoSuchBoard,
    );
    await expect(
      boardPdf(c.doc, 'nope', { paper: 'A4', orientation: 'portrait' }, c.context),
    ).rejects.toBeInstanceOf(NoSuchBoard);
    const record = boardsOf(c.doc).get(c.mindmap) as Y.Map<unknown>;
    c.doc.transact(() => record.set('kind', 'hologram'));
    await expect(boardPicture(c.doc, c.mindmap, { language: 'vi' })).rejects.toBeInstanceOf(
      UnknownBoardKind,
    );
  });

  it('stops when cancelled before it starts', async () => {
    const c = await exportCase('none');
    const controller = new AbortController();
    controller.abort();
    await expect(
      boardPdf(
        c.doc,
        c.mindmap,
        { paper: 'A4', orientation: 'portrait' },
        c.context,
        undefined,
        controller.signal,
      ),
    ).rejects.toBeInstanceOf(Cancelled);
  });
});

describe('board SVG', () => {
  it('is plain vector SVG with every label and the web font embedded', async () => {
    const c = await exportCase('none');
    const svg = await boardSvg(c.doc, c.mindmap, {}, c.context);
    expect(svg).not.toContain('foreignObject');
    expect(svg).toContain("@font-face{font-family:'Be Vietnam Pro';font-weight:400");
    const flat = svg.replace(/<style>.*<\/style>/s, '').replace(/\s+/g, ' ');
    const words = MINDMAP_LABELS.flatMap((label) => label.normalize('NFC').split(' '));
    expect(words.filter((word) => !flat.includes(word))).toEqual([]);
  });

  (rsvg ? it : it.skip)('converts with rsvg-convert', async () => {
    const c = await exportCase('none');
    const path = tempFile('board.svg', await boardSvg(c.doc, c.mindmap, {}, c.context));
    const png = path.replace(/svg$/, 'png');
    run('rsvg-convert', ['-o', png, path]);
    expect(run('file', [png])).toMatch(/PNG image data/);
  });
});

describe('Node resources', () => {
  it('read blobs from a blob store (has, open) as bytes, and the fonts from node_modules', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const store = {
      has: async (hash: string) => hash === 'abc',
      open: () =>
        Readable.from([Buffer.from(bytes.subarray(0, 2)), Buffer.from(bytes.subarray(2))]),
    };
    const resources = nodeResources(store);
    expect(await resources.blob('abc')).toEqual(bytes);
    expect(await resources.blob('nope')).toBeNull();
    const fonts = await resources.fonts();
    // TrueType files begin with version 1.0 (00 01 00 00).
    expect([...fonts[700].subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  });
});

describe('export words', () => {
  it('date the export in the zone asked for, as each language writes dates', () => {
    // 06:30 in Hà Nội on 3 December is still 2 December in UTC.
    const early = new Date('2026-12-02T23:30:00Z');
    expect(exportTexts('vi').formatDate(early, 'Asia/Ho_Chi_Minh')).toBe('03/12/2026');
    expect(exportTexts('en').formatDate(early, 'Asia/Ho_Chi_Minh')).toBe('3 Dec 2026');
    expect(exportTexts('vi').formatDate(early, 'UTC')).toBe('02/12/2026');
    expect(exportTexts('vi').page(2, 7)).toBe('Trang 2/7');
    expect(exportTexts('en-GB').classification['toi-mat']).toBe('TỐI MẬT (TOP SECRET)');
  });
});
