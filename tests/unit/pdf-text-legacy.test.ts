import { expect, it } from 'vitest';
import { readPdfText, type PdfTextPage } from '../../server/ocr/pdfText.ts';
import { convertLegacy, restoreTcvn3SoftHyphens } from '../../src/core/legacyText.ts';
import { encodeTcvn3, encodeVni } from '../helpers/legacy.ts';
import { textPdf } from '../helpers/scans.ts';

/** The words of each page of a PDF's text layer, as the case-file reader stores them. */
async function pagesOf(bytes: Uint8Array): Promise<PdfTextPage[]> {
  const pages: PdfTextPage[] = [];
  await readPdfText(bytes, (page) => pages.push(page));
  return pages;
}

const text = (page: PdfTextPage) => page.words.map((w) => w.text).join(' ');

it('reads a text layer typed in TCVN3 (.VnTime) or VNI as Unicode, and says which it was', async () => {
  const pdf = await textPdf([
    [encodeTcvn3('Biên bản ghi lời khai'), encodeTcvn3('Người khai: Nguyễn Văn Hùng')],
    [encodeVni('Cộng hoà xã hội chủ nghĩa Việt Nam')],
    ['Biên bản khám nghiệm hiện trường'],
  ]);
  const [tcvn3, vni, unicode] = await pagesOf(new Uint8Array(pdf));
  expect(text(tcvn3!)).toBe('Biên bản ghi lời khai Người khai: Nguyễn Văn Hùng');
  expect(tcvn3!.encoding).toBe('tcvn3');
  expect(text(vni!)).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
  expect(vni!.encoding).toBe('vni');
  // A page already in Unicode is left as it is.
  expect(text(unicode!)).toBe('Biên bản khám nghiệm hiện trường');
  expect(unicode!.encoding).toBeNull();
  for (const page of [tcvn3!, vni!, unicode!])
    for (const word of page.words) expect(word.text).toBe(word.text.normalize('NFC'));
});

it('puts back the "ư" a PDF reader turned into a space or a hyphen, and nothing else', () => {
  const read = (unicode: string, as: ' ' | '-') =>
    convertLegacy(restoreTcvn3SoftHyphens(encodeTcvn3(unicode).replaceAll('\u00AD', as)), 'tcvn3');
  for (const sentence of [
    'Người làm chứng khai như vậy',
    'Ước tính giá trị tài sản',
    'Hiện trường ở đường Trường Chinh, cửa hàng thứ tư',
  ]) {
    expect(read(sentence, ' ')).toBe(sentence);
    expect(read(sentence, '-')).toBe(sentence);
  }
  // Words that are syllables already stay apart.
  expect(read('Biên bản khám nghiệm', ' ')).toBe('Biên bản khám nghiệm');
});
