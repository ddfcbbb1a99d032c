import { describe, expect, it } from 'vitest';
import { addSlide, listSlides } from '../../src/core/commands/deck.ts';
import { addEntity } from '../../src/core/commands/register.ts';
import { addStatementPassage, deleteStatementPassage } from '../../src/core/commands/statements.ts';
import { CommandError } from '../../src/core/commands/boards.ts';
import { deckPdf, slidePicture } from '../../src/export/documents/index.ts';
import { textsOf, type Shape } from '../../src/render/picture.ts';
import { exportCase, installed, pageText, run, tempFile } from '../helpers/export-case.ts';

const poppler = installed('pdftotext');
const needPoppler = poppler ? it : it.skip;
if (!poppler) console.warn('statements-slide: poppler-utils not installed: PDF text skipped');

/** The export case with two statements of two people, and a side-by-side slide of them. */
async function caseWithSideBySide() {
  const c = await exportCase('none');
  const person = (name: string) =>
    addEntity(c.doc, { kind: 'person', fields: { name, role: 'witness' } }, 'me');
  const fact = addEntity(
    c.doc,
    { kind: 'fact', fields: { name: 'Thời gian xảy ra', factType: 'issue-crime' } },
    'me',
  );
  const statement = (name: string, givenBy: string, givenAt: string) =>
    addEntity(
      c.doc,
      {
        kind: 'evidence',
        fields: {
          name,
          evidenceType: 'statement',
          givenBy,
          givenAt,
          recordName: 'Biên bản số 07',
          pages: 'BL 41',
        },
      },
      'me',
    );
  const first = statement('Lời khai lần 1', person('Nguyễn Văn Ấn'), '14/3/2025');
  const second = statement('Lời khai lần 2', person('Đỗ Thị Lập'), '20/3/2025');
  const left = addStatementPassage(c.doc, first, {
    quote: 'Tôi về nhà lúc 20 giờ.',
    target: fact,
    file: c.pdfHash,
    page: 1,
    region: { x: 0.1, y: 0.05, w: 0.8, h: 0.1 },
  });
  const right = addStatementPassage(c.doc, second, {
    quote: 'Tôi thấy anh Ấn ở quán lúc 21 giờ 30.',
    target: fact,
  });
  const slide = addSlide(
    c.doc,
    {
      kind: 'statements',
      title: 'Đối chiếu lời khai',
      passages: [
        { statement: first, passage: left },
        { statement: second, passage: right },
      ],
    },
    'me',
  );
  return { ...c, slide, first, left };
}

function find(shapes: readonly Shape[], test: (s: Shape) => boolean): Shape[] {
  const found: Shape[] = [];
  const visit = (s: Shape) => {
    if (test(s)) found.push(s);
    if (s.kind === 'group') s.children.forEach(visit);
  };
  shapes.forEach(visit);
  return found;
}

describe('the side-by-side slide of two statement passages', () => {
  it('draws who and when over each passage, the words, and the page cut to the region', async () => {
    const c = await caseWithSideBySide();
    const slide = listSlides(c.doc).find((s) => s.id === c.slide)!;
    const picture = await slidePicture(c.doc, slide, 0, 'vi', c.context.resources);
    const texts = textsOf(picture);
    expect(texts).toContain('Nguyễn Văn Ấn — 14/3/2025');
    expect(texts).toContain('Đỗ Thị Lập — 20/3/2025');
    expect(texts).toContain('“Tôi về nhà lúc 20 giờ.”');
    expect(texts).toContain('Lời khai lần 1 · Biên bản số 07 · BL 41');
    // The left passage's region: the PDF page inside a group clipped to the region's box, which
    // is drawn larger than the region is on the page.
    const [region] = find(
      picture.shapes,
      (s) => s.kind === 'group' && s.id === `passage-${c.left}`,
    );
    expect(region?.kind === 'group' && region.clip).toBeTruthy();
    if (region?.kind !== 'group' || !region.clip) throw new Error('no region');
    const page = region.children[0]!;
    expect(page.kind).toBe('pdfPage');
    if (page.kind !== 'pdfPage') throw new Error('not a page');
    expect(region.clip.width).toBeCloseTo(page.width * 0.8, 3);
    expect(region.clip.width).toBeGreaterThan(600);
    // Both columns inside the slide, side by side.
    expect(region.clip.x + region.clip.width).toBeLessThanOrEqual(800);
  });

  it('says so when a passage is gone, and refuses a slide of a passage that does not exist', async () => {
    const c = await caseWithSideBySide();
    deleteStatementPassage(c.doc, { statementId: c.first, passageId: c.left }, 'me');
    const slide = listSlides(c.doc).find((s) => s.id === c.slide)!;
    const texts = textsOf(await slidePicture(c.doc, slide, 0, 'en', c.context.resources));
    expect(texts).toContain('This passage is no longer in the case');
    expect(texts).toContain('Đỗ Thị Lập — 20/3/2025');
    expect(() =>
      addSlide(
        c.doc,
        {
          kind: 'statements',
          passages: [
            { statement: c.first, passage: c.left },
            { statement: c.first, passage: c.left },
          ],
        },
        'me',
      ),
    ).toThrow(CommandError);
  });

  needPoppler('is a page of the deck PDF with its text selectable', async () => {
    const c = await caseWithSideBySide();
    const bytes = await deckPdf(c.doc, { perStep: false, notes: false }, c.context, () => {});
    const path = tempFile('statements-deck.pdf', bytes);
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+5\n/);
    const text = pageText(path, 5);
    expect(text).toContain('Nguyễn Văn Ấn — 14/3/2025');
    expect(text).toContain('Tôi thấy anh Ấn ở quán lúc 21 giờ 30.');
    expect(text.normalize('NFC')).toBe(text);
  });
});
