/**
 * OCR part of `npm run bench`: generated scans of Vietnamese text (known lines drawn in Be Vietnam
 * Pro with pdf-lib, rasterised by pdftoppm, put back into a PDF with no text layer), read through
 * the server's own pipeline (CaseFileReader: pdftoppm at 300 dpi, then tesseract -l vie), and
 * compared with the lines drawn: character error rate and pages per minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { FileBlobStore } from '../server/files/BlobStore.ts';
import { CaseFileReader } from '../server/ocr/CaseFileReader.ts';
import { PageTexts } from '../server/ocr/PageTexts.ts';
import { detectTesseract } from '../server/ocr/tesseract.ts';
import { SqliteStore } from '../server/store/sqlite.ts';
import { scannedPdf, type ScanOptions } from '../tests/helpers/scans.ts';
import { random } from '../tests/helpers/random.ts';
import type { BenchTable } from './report.ts';

/** Lines of the kind a case file holds: records, statements, conclusions, with names and numbers. */
const LINES = [
  'BIÊN BẢN GHI LỜI KHAI',
  'Hôm nay, lúc 14 giờ 30 phút ngày 12 tháng 3 năm 2026,',
  'tại Cơ quan Cảnh sát điều tra Công an thành phố Đà Lạt,',
  'Điều tra viên Nguyễn Văn Hùng tiến hành ghi lời khai của',
  'bà Trần Thị Đào, sinh năm 1968, nơi cư trú: phường Xuân Hương.',
  'Khoảng 21 giờ, tôi thấy một người đàn ông mặc áo khoác đen',
  'dắt chiếc xe máy biển số 49B1-123.45 ra khỏi sân nhà tôi.',
  'Tôi không quen biết người này và không cho ai mượn xe.',
  'Kết luận giám định số 127/KL-KTHS ngày 20/3/2026 xác định',
  'dấu vết vân tay thu trên tay lái trùng với vân tay của Lê Văn Tám.',
  'Giá trị tài sản bị chiếm đoạt là 18.500.000 đồng',
  '(mười tám triệu năm trăm nghìn đồng).',
  'Bị can khai nhận hành vi phù hợp với lời khai của người làm chứng.',
  'Viện kiểm sát nhân dân khu vực 1 – Lâm Đồng yêu cầu điều tra bổ sung.',
  'Người khai đã đọc lại biên bản, xác nhận đúng và ký tên dưới đây.',
];

/** Pages of 10–14 lines drawn from LINES, the same for the same seed. */
function pagesOf(count: number, seed: number): string[][] {
  const { next } = random(seed);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 10 + Math.floor(next() * 5) },
      () => LINES[Math.floor(next() * LINES.length)]!,
    ),
  );
}

/** Levenshtein distance over code points (the texts are NFC). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[y.length]!;
}

/** Text as compared: NFC, every run of white space one space. */
const plain = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

interface Condition {
  name: string;
  options: ScanOptions;
}

const CONDITIONS: Condition[] = [
  { name: 'clean scan, 300 dpi', options: { dpi: 300 } },
  { name: 'clean scan, 200 dpi', options: { dpi: 200 } },
  { name: '300 dpi, specks, turned 0.6°', options: { dpi: 300, specks: 1500, rotate: 0.6 } },
];

/** Reads eight generated pages per condition; quick: one page of the first condition. */
export async function benchOcr(quick: boolean): Promise<BenchTable> {
  const method =
    "Generated scans (bench/ocr.ts): pages of 10–14 Vietnamese case-file lines (names, dates, plate and money numbers) drawn at 14 pt in Be Vietnam Pro with pdf-lib, rasterised by pdftoppm in greyscale at the dpi shown (specks: 1,500 dark dots per page; turned: the text rotated), put back into a PDF with no text layer, uploaded into the server's blob store and read by its own pipeline (CaseFileReader, one file at a time: pdftoppm at 300 dpi, tesseract 5 -l vie, one thread). CER: Levenshtein distance over NFC code points between the drawn lines and the read page text (white space collapsed), over the total drawn characters. Pages per minute: from queueing the file until it is read, parsing and storing included.";
  if (!(await detectTesseract()))
    return {
      id: 'ocr',
      title: 'OCR of scanned Vietnamese pages',
      method,
      columns: ['scans', 'pages', 'CER', 'pages per minute'],
      rows: [['tesseract with the vie model not installed: not measured', '', '', '']],
    };
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-ocr-'));
  const store = new SqliteStore(dir, false);
  const blobs = new FileBlobStore(dir);
  const texts = PageTexts.of(store);
  const reader = await CaseFileReader.start(texts, blobs, {
    concurrency: 1,
    ocr: true,
    dataDir: dir,
    log: () => undefined,
  });
  const rows: string[][] = [];
  try {
    for (const [index, condition] of (quick ? CONDITIONS.slice(0, 1) : CONDITIONS).entries()) {
      const pages = pagesOf(quick ? 1 : 8, 25 + index);
      const pdf = await scannedPdf(pages, condition.options);
      const blob = await blobs.put(Readable.from([pdf]), 1 << 30);
      const started = performance.now();
      await reader.add(blob.hash);
      await reader.whenIdle();
      const minutes = (performance.now() - started) / 60_000;
      const read = await texts.texts(blob.hash);
      if (read.length !== pages.length)
        throw new Error(`read ${read.length} of ${pages.length} pages`);
      let errors = 0;
      let chars = 0;
      for (const [i, lines] of pages.entries()) {
        const expected = plain(lines.join('\n'));
        errors += editDistance(expected, plain(read[i]!.text));
        chars += [...expected].length;
      }
      rows.push([
        condition.name,
        String(pages.length),
        `${((100 * errors) / chars).toFixed(2)} % (${errors} of ${chars})`,
        (pages.length / minutes).toFixed(1),
      ]);
    }
  } finally {
    await reader.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    id: 'ocr',
    title: 'OCR of scanned Vietnamese pages',
    method,
    columns: ['scans', 'pages', 'CER', 'pages per minute'],
    rows,
  };
}
