import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addFileRecord, blOfPage, listFiles, setFirstBl } from '../../src/core/commands/files.ts';
import { addEntity, getEntity } from '../../src/core/commands/register.ts';
import { validateCaseDoc } from '../../src/core/validate.ts';
import { citeHit, evidenceFromHit, hitRegion } from '../../src/files/citeHit.ts';
import type { SearchHit } from '../../src/files/searchApi.ts';
import { parseTesseractTsv } from '../../server/ocr/tesseract.ts';
import {
  foldText,
  matchPage,
  pageText,
  parseQuery,
  type PageWord,
} from '../../server/ocr/textSearch.ts';

const words = (text: string): PageWord[] =>
  text.split(/\s+/).map((t, i) => ({ text: t, x: i / 100, y: 0.1, w: 0.009, h: 0.02 }));

describe('folding Vietnamese for search', () => {
  it('drops diacritics and case, reads đ as d, and treats NFC and NFD alike', () => {
    expect(foldText('Nguyễn Văn Hùng')).toBe('nguyen van hung');
    expect(foldText('ĐÀ LẠT')).toBe('da lat');
    expect(foldText('Nguyễn Văn Hùng'.normalize('NFD'))).toBe(foldText('Nguyễn Văn Hùng'));
    expect(foldText('Trần Thị Đào, ở đường Hồ Tùng Mậu')).toBe('tran thi dao, o duong ho tung mau');
  });

  it('reads a query: words folded, quotes asking for the phrase only', () => {
    expect(parseQuery('  Nguyễn  VĂN ')).toEqual({ tokens: ['nguyen', 'van'], phraseOnly: false });
    expect(parseQuery('“tran thi dao”')).toEqual({
      tokens: ['tran', 'thi', 'dao'],
      phraseOnly: true,
    });
    expect(parseQuery('!!!').tokens).toEqual([]);
  });
});

describe('matching a page', () => {
  const page = words('Người khai: Nguyễn Văn Hùng, sinh năm 1985. Hùng ở cùng Nguyễn Thị Văn.');

  it('finds the phrase typed without diacritics, marks its words and gives their boxes', () => {
    const match = matchPage(page, parseQuery('nguyen van hung'))!;
    expect(match.phrase).toBe(true);
    expect(match.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Nguyễn Văn Hùng']);
    // The comma after the name is not marked.
    expect(match.snippet.map((p) => p.text).join('')).toContain('Nguyễn Văn Hùng, sinh');
    expect(match.boxes.map((b) => b.x)).toEqual([0.02, 0.03, 0.04]);
  });

  it('ranks a phrase above the same words scattered, and needs every word', () => {
    const phrase = matchPage(page, parseQuery('nguyen van hung'))!;
    const scattered = matchPage(words('Hùng gặp Văn và Nguyễn'), parseQuery('nguyen van hung'))!;
    expect(scattered.phrase).toBe(false);
    expect(phrase.score).toBeGreaterThan(scattered.score);
    expect(matchPage(page, parseQuery('nguyen van tam'))).toBeNull();
    expect(matchPage(words('Hùng gặp Văn và Nguyễn'), parseQuery('"nguyen van hung"'))).toBeNull();
  });

  it('matches whole words, and the last typed word as a beginning', () => {
    expect(matchPage(words('Hùngcường'), parseQuery('hung'))).not.toBeNull(); // prefix of the last
    expect(matchPage(words('Vănphòng Hùng'), parseQuery('van hung'))).toBeNull();
    expect(matchPage(words('biển số 49B1-123.45'), parseQuery('49b1-123.45'))?.boxes).toHaveLength(
      1,
    );
  });

  it('cuts long pages to the words around the first match', () => {
    const long = words(`${'một '.repeat(40)}Nguyễn Văn Hùng${' hai'.repeat(40)}`);
    const text = matchPage(long, parseQuery('nguyen van hung'))!
      .snippet.map((p) => p.text)
      .join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.split(' ').length).toBeLessThan(30);
  });

  it('writes a page as text with its lines', () => {
    expect(pageText([{ ...words('a')[0]!, eol: true }, ...words('b c')])).toBe('a\nb c');
  });
});

describe('tesseract tsv', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t',
    '4\t1\t1\t1\t1\t0\t100\t200\t500\t40\t-1\t',
    '5\t1\t1\t1\t1\t1\t100\t200\t150\t40\t96.5\tNguyễn',
    '5\t1\t1\t1\t1\t2\t260\t200\t90\t40\t91\tVăn',
    '5\t1\t1\t1\t2\t1\t100\t260\t120\t40\t88\tHùng',
    '5\t1\t1\t1\t2\t2\t300\t260\t10\t10\t5\t.',
    '5\t1\t1\t1\t2\t3\t400\t260\t10\t10\t95\t ',
  ].join('\n');

  it('gives the words with boxes as fractions of the page, lines ended, unsure specks left out', () => {
    const page = parseTesseractTsv(tsv);
    expect(page.words.map((w) => w.text)).toEqual(['Nguyễn', 'Văn', 'Hùng']);
    expect(page.words[0]).toEqual({ text: 'Nguyễn', x: 0.1, y: 0.1, w: 0.15, h: 0.02 });
    expect(page.words[1]!.eol).toBe(true);
    expect(pageText(page.words)).toBe('Nguyễn Văn\nHùng');
    expect(page.confidence).toBeCloseTo((96.5 + 91 + 88) / 3);
  });

  it('gives words in NFC whatever tesseract wrote', () => {
    const nfd = tsv.replace('Hùng', 'Hùng'.normalize('NFD'));
    expect(parseTesseractTsv(nfd).words[2]!.text).toBe('Hùng');
  });
});

describe('BL numbering and acting on a found page', () => {
  const HASH = 'a'.repeat(64);
  function caseDoc() {
    const doc = new Y.Doc();
    addFileRecord(
      doc,
      { hash: HASH, name: 'Lời khai.pdf', mime: 'application/pdf', size: 10 },
      'test',
    );
    return doc;
  }
  const hit = (bl: number | null): SearchHit => ({
    hash: HASH,
    name: 'Lời khai.pdf',
    page: 2,
    bl,
    snippet: [
      { text: 'nhà bà ', hit: false },
      { text: 'Trần Thị Đào', hit: true },
    ],
    boxes: [],
    phrase: true,
    source: 'ocr',
    encoding: null,
  });

  it('numbers a file’s pages from its first BL, and refuses what is not a BL number', () => {
    const doc = caseDoc();
    setFirstBl(doc, { hash: HASH, firstBl: 45 }, 'test');
    const [file] = listFiles(doc);
    expect(file!.firstBl).toBe(45);
    expect(blOfPage(file!, 3)).toBe(47);
    expect(() => setFirstBl(doc, { hash: HASH, firstBl: 0 }, 'test')).toThrow();
    expect(() => setFirstBl(doc, { hash: HASH, firstBl: 2.5 }, 'test')).toThrow();
    expect(listFiles(doc)[0]!.firstBl).toBe(45);
    expect(validateCaseDoc(doc)).toEqual([]);
    setFirstBl(doc, { hash: HASH, firstBl: null }, 'test');
    expect(blOfPage(listFiles(doc)[0]!, 3)).toBeNull();
  });

  it('makes an evidence item citing the file and the page’s BL, in one undo step', () => {
    const doc = caseDoc();
    const undo = new Y.UndoManager(doc.getMap('register'), { trackedOrigins: new Set(['me']) });
    const id = evidenceFromHit(doc, hit(46), 'Lời khai, BL 46', 'me');
    expect(getEntity(doc, id)).toMatchObject({
      kind: 'evidence',
      name: 'Lời khai, BL 46',
      pages: 'BL 46',
      files: [HASH],
      description: '“nhà bà Trần Thị Đào”',
    });
    undo.undo();
    expect(getEntity(doc, id)).toBeNull();
  });

  it('adds the page to an entity’s citations, merged with those it had', () => {
    const doc = caseDoc();
    const person = addEntity(
      doc,
      { kind: 'person', fields: { name: 'Trần Thị Đào', pages: 'BL 12, 45' } },
      'test',
    );
    expect(citeHit(doc, person, hit(46), 'test')).toEqual({ bl: true, file: false });
    expect(getEntity(doc, person)!.pages).toBe('BL 12, 45–46');
    const knife = addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, 'test');
    expect(citeHit(doc, knife, hit(null), 'test')).toEqual({ bl: false, file: true });
    expect(getEntity(doc, knife)!.files).toEqual([HASH]);
  });
});

describe('a found page as a statement passage', () => {
  it('keeps the region the found words cover, with a margin, inside the page', () => {
    const region = hitRegion({
      boxes: [
        { x: 0.3, y: 0.1, w: 0.1, h: 0.02 },
        { x: 0.42, y: 0.1, w: 0.08, h: 0.02 },
        { x: 0.005, y: 0.13, w: 0.1, h: 0.02 },
      ],
    })!;
    expect(region.x).toBe(0);
    expect(region.y).toBeCloseTo(0.09);
    expect(region.x + region.w).toBeCloseTo(0.51);
    expect(region.y + region.h).toBeCloseTo(0.16);
  });
  it('has no region when the page gave no word boxes', () => {
    expect(hitRegion({ boxes: [] })).toBeUndefined();
  });
});
