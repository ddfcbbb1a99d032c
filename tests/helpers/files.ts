import { deflateSync, crc32 } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of `width`×`height` pixels of one colour (optionally padded to a size with a text chunk). */
export function makePng(
  width = 4,
  height = 3,
  rgb: [number, number, number] = [200, 30, 30],
  padTo = 0,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
  ];
  const size = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (padTo > size + 12) parts.push(chunk('tEXt', Buffer.alloc(padTo - size - 12, 0x61)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A real PDF with `pages` pages, each saying its number. */
export async function makePdf(pages = 3): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Page ${i} of the case file`, { x: 60, y: 760, size: 24, font });
  }
  return Buffer.from(await pdf.save());
}

/** The first bytes of a Linux executable: what must never be accepted as a photo. */
export const ELF_EXECUTABLE = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(200, 1),
]);

/** A PDF whose opening runs `app.alert` three times (issue 19, point 9, as the attack used). */
export const PDF_WITH_SCRIPT = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    "4 0 obj << /S /JavaScript /JS (app.alert('1'); app.alert('2'); app.alert('3');) >> endobj",
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);

/** Sniffed as a PDF ("%PDF-"), read as HTML by a browser that guessed from the name. */
export const PDF_HTML_POLYGLOT = Buffer.from(
  '%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n',
);
