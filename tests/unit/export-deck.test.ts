import { describe, expect, it } from 'vitest';
import { listSlides, updateSlide } from '../../src/core/commands/deck.ts';
import {
  Cancelled,
  deckPdf,
  pictureSvg,
  slidePicture,
  type Progress,
} from '../../src/export/documents/index.ts';
import { textsOf, type Shape } from '../../src/render/picture.ts';
import {
  count,
  DOCUMENT_TEXT,
  exportCase,
  installed,
  MINDMAP_LABELS,
  pageText,
  run,
  pagePixels,
  tempFile,
} from '../helpers/export-case.ts';

const poppler = installed('pdftotext');
const needPoppler = poppler ? it : it.skip;
if (!poppler)
  console.warn('export-deck: poppler-utils (pdftotext, pdfimages) not installed: skipped');

const slideOf = (c: Awaited<ReturnType<typeof exportCase>>, id: string) =>
  listSlides(c.doc).find((s) => s.id === id)!;

function find(shapes: readonly Shape[], test: (s: Shape) => boolean): Shape[] {
  const found: Shape[] = [];
  const visit = (s: Shape) => {
    if (test(s)) found.push(s);
    if (s.kind === 'group') s.children.forEach(visit);
  };
  shapes.forEach(visit);
  return found;
}

describe('deck PDF', () => {
  needPoppler(
    'is a vector page per slide with notes after: titles, notes, the document page itself, searchable',
    async () => {
      const c = await exportCase('mat');
      const progress: Progress[] = [];
      const bytes = await deckPdf(c.doc, { perStep: false, notes: true }, c.context, (p) =>
        progress.push(p),
      );
      const path = tempFile('deck.pdf', bytes);
      // Title, frame, its notes, document, photo.
      expect(run('pdfinfo', [path])).toMatch(/Pages:\s+5\n/);
      expect(run('pdfinfo', [path])).toMatch(/Page size:\s+960 x 540 pts/);
      const pages = [1, 2, 3, 4, 5].map((n) => pageText(path, n));
      expect(pages[0]).toContain('Báo cáo vụ án');
      expect(pages[0]).toContain('Viện kiểm sát nhân dân huyện Hòa Bình');
      expect(pages[1]).toContain('Diễn biến vụ án');
      expect(pages[2]).toContain('Ghi chú — Diễn biến vụ án');
      expect(pages[2]).toContain('Nhấn mạnh lời khai của người làm chứng về hung khí.');
      expect(pages[3]).toContain('Biên bản khám nghiệm');
      // The record's own words: its page is embedded as a page, not a picture of it.
      expect(pages[3]).toContain(DOCUMENT_TEXT);
      expect(pages[3]).toContain('Dấu vết cạy khoá');
      for (const [i, text] of pages.entries()) {
        expect(count(text, 'MẬT')).toBe(2);
        expect(text).toContain(`Trang ${i + 1}/5`);
        expect(text).toContain('Ngày xuất 03/12/2026');
        expect(text).toContain('12/2026/HS-ST — Vụ giết người tại xã Hòa Bình');
      }
      // The title slide looks as on the courtroom screen: white words on the deep blue, the
      // footer light on it (the title's text is still text, found above).
      const title = pagePixels(path, 1, 36);
      const [r, g, b] = title.at(4, Math.round(title.height / 2));
      expect(r + g + b).toBeLessThan(150);
      const [fr, fg, fb] = pagePixels(path, 2, 36).at(4, Math.round(title.height / 2));
      expect(fr + fg + fb).toBeGreaterThan(700);
      expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
      expect(progress.filter((p) => p.done > 0).map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    },
  );

  needPoppler(
    'holds no picture of a page: the only image is the photo, at its own size',
    async () => {
      const c = await exportCase('none');
      const path = tempFile(
        'deck.pdf',
        await deckPdf(c.doc, { perStep: false, notes: false }, c.context),
      );
      const images = run('pdfimages', ['-list', path])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
      // page num type width height …: one image, on the photo slide's page (4), 320 × 240.
      expect(images).toHaveLength(1);
      const [page, , type, width, height, , , , enc] = images[0]!.trim().split(/\s+/);
      expect([page, type, width, height]).toEqual(['4', 'image', '320', '240']);
      expect(enc).not.toBe('jpeg');
      expect(run('pdffonts', [path])).toMatch(
        /\+BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
    },
  );

  needPoppler('gives a frame slide a page per build step when asked', async () => {
    const c = await exportCase('none');
    const path = tempFile(
      'steps.pdf',
      await deckPdf(c.doc, { perStep: true, notes: false, slideIds: [c.slides.frame] }, c.context),
    );
    // Two build steps: the start, then one page per step.
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+3\n/);
    expect(pageText(path, 3)).toContain('Trang 3/3');
    // Before the first step only the central topic shows; at the last every topic does.
    const children = MINDMAP_LABELS.slice(1).map((label) => label.normalize('NFC'));
    const flat = (n: number) => pageText(path, n).replace(/\s+/g, ' ');
    expect(flat(1)).toContain(MINDMAP_LABELS[0]);
    expect(children.filter((label) => flat(1).includes(label))).toEqual([]);
    expect(children.filter((label) => !flat(3).includes(label))).toEqual([]);
    expect(pageText(path, 1)).not.toContain('MẬT');
  });

  needPoppler('continues long notes on further pages, every line kept', async () => {
    const c = await exportCase('none');
    const lines = Array.from(
      { length: 30 },
      (_, i) => `Dòng ghi chú số ${i + 1}: lời khai của bị can.`,
    );
    updateSlide(c.doc, { id: c.slides.title, patch: { notes: lines.join('\n') } }, 'test');
    const path = tempFile(
      'notes.pdf',
      await deckPdf(c.doc, { perStep: false, notes: true, slideIds: [c.slides.title] }, c.context),
    );
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+3\n/);
    const notes = pageText(path, 2) + pageText(path, 3);
    expect(pageText(path, 2)).toContain('Ghi chú — Báo cáo vụ án (1/2)');
    expect(lines.filter((line) => !notes.includes(line))).toEqual([]);
  });

  needPoppler('makes one page naming the case for a deck without slides', async () => {
    const c = await exportCase('mat');
    const path = tempFile(
      'empty.pdf',
      await deckPdf(c.doc, { perStep: false, notes: false, slideIds: [] }, c.context),
    );
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+1\n/);
    const text = pageText(path, 1);
    expect(text).toContain('Bộ trình chiếu chưa có trang nào');
    expect(count(text, 'MẬT')).toBe(2);
  });

  it('stops with Cancelled when the person cancels', async () => {
    const c = await exportCase('none');
    const controller = new AbortController();
    const seen: Progress[] = [];
    const run = deckPdf(
      c.doc,
      { perStep: true, notes: true },
      c.context,
      (p) => {
        seen.push(p);
        if (p.done === 1) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(seen.at(-1)!.done).toBe(1);
    expect(seen.at(-1)!.total).toBeGreaterThan(3);
  });
});

describe('slide pictures', () => {
  it('mark a classified case at the top and the bottom of every slide', async () => {
    const c = await exportCase('toi-mat');
    for (const id of Object.values(c.slides)) {
      const picture = await slidePicture(c.doc, slideOf(c, id), 0, 'vi', c.context.resources);
      expect(textsOf(picture).filter((t) => t === 'TỐI MẬT')).toHaveLength(2);
      expect([picture.width, picture.height]).toEqual([1600, 900]);
    }
    // A classification this version does not know is marked as written, never left unmarked.
    const odd = await exportCase('none');
    odd.doc.getMap('meta').set('classification', 'tuyệt mật');
    const oddPicture = await slidePicture(odd.doc, slideOf(odd, odd.slides.title), 0, 'vi');
    expect(textsOf(oddPicture).filter((t) => t === 'TUYỆT MẬT')).toHaveLength(2);
    const plain = await exportCase('none');
    const picture = await slidePicture(plain.doc, slideOf(plain, plain.slides.title), 0, 'vi');
    expect(textsOf(picture).some((t) => t.includes('MẬT'))).toBe(false);
  });

  it('draw a document page in its own proportions with its callout copy zooming the region', async () => {
    const c = await exportCase('none');
    const picture = await slidePicture(
      c.doc,
      slideOf(c, c.slides.document),
      0,
      'vi',
      c.context.resources,
    );
    const pages = find(picture.shapes, (s) => s.kind === 'pdfPage');
    // The page, and the page again inside the callout's copy.
    expect(pages).toHaveLength(2);
    const page = pages[0]!;
    if (page.kind !== 'pdfPage') return;
    expect(page.width / page.height).toBeCloseTo(595 / 842, 3);
    const copy = find(picture.shapes, (s) => s.kind === 'group' && !!s.clip && !!s.transform)[0];
    if (copy?.kind !== 'group' || !copy.transform || !copy.clip) throw new Error('no callout copy');
    // The region (x 0.1–0.45 of the page) is enlarged, and lands inside the page's box.
    expect(copy.transform[0]).toBeGreaterThan(1);
    expect(copy.clip.x).toBeCloseTo(page.x + 0.1 * page.width, 3);
    expect(copy.clip.width).toBeCloseTo(0.35 * page.width, 3);
    const [s, , , , tx] = copy.transform;
    const copyLeft = tx + copy.clip.x * s;
    expect(copyLeft).toBeGreaterThanOrEqual(page.x - 0.001);
    expect(copyLeft + copy.clip.width * s).toBeLessThanOrEqual(page.x + page.width + 0.001);
    expect(textsOf(picture)).toContain('Dấu vết cạy khoá');
  });

  it('draw a photo slide with the photo at its proportions, and a title slide with its words', async () => {
    const c = await exportCase('none');
    const photo = await slidePicture(
      c.doc,
      slideOf(c, c.slides.scan),
      0,
      'en',
      c.context.resources,
    );
    const [image] = find(photo.shapes, (s) => s.kind === 'image');
    expect(image?.kind === 'image' && image.width / image.height).toBeCloseTo(4 / 3, 3);
    const title = await slidePicture(c.doc, slideOf(c, c.slides.title), 0, 'vi');
    expect(textsOf(title)).toEqual(['Báo cáo vụ án', 'Viện kiểm sát nhân dân huyện Hòa Bình']);
    const svg = await pictureSvg(photo, c.context.resources);
    expect(svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
  });
});
