import { renderedPicture } from './capture.ts';

/** A board on a sheet of paper with a title block, as a PDF (pdf-lib); the page is a picture. */

export type Paper = 'A4' | 'A3';
const PAPER_POINTS: Record<Paper, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
};

export interface TitleBlock {
  caseNumber: string;
  boardTitle: string;
  date: string;
  author: string;
  labels: { caseNumber: string; board: string; date: string; author: string };
}

/** A board's picture on one sheet, scaled to fit above a title block, at about 150 dpi. */
export async function boardPdf(
  picture: Blob,
  paper: Paper,
  landscape: boolean,
  block: TitleBlock,
): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const [w, h] = landscape ? [PAPER_POINTS[paper][1], PAPER_POINTS[paper][0]] : PAPER_POINTS[paper];
  const px = (pt: number) => Math.round((pt / 72) * 150);
  // A data: URL, not a blob: one: html-to-image fetches every <img> it copies, and the page's CSP
  // (`connect-src 'self'`) refuses fetches of blob: URLs.
  const url = await dataUrlOf(picture);
  const sheet = await renderedPicture(
    <div className="pdf-page pdf-sheet">
      <div className="pdf-sheet__board">
        <img src={url} alt="" />
      </div>
      <table className="pdf-sheet__block">
        <tbody>
          <tr>
            <th>{block.labels.caseNumber}</th>
            <td>{block.caseNumber}</td>
            <th>{block.labels.board}</th>
            <td>{block.boardTitle}</td>
          </tr>
          <tr>
            <th>{block.labels.date}</th>
            <td>{block.date}</td>
            <th>{block.labels.author}</th>
            <td>{block.author}</td>
          </tr>
        </tbody>
      </table>
    </div>,
    px(w),
    px(h),
    300,
  );
  const pdf = await PDFDocument.create();
  pdf.setTitle(block.boardTitle);
  pdf.setCreator('CaseBoard');
  const image = await pdf.embedJpg(new Uint8Array(await sheet.arrayBuffer()));
  pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  return pdf.save();
}

/** A picture as a data: URL. */
function dataUrlOf(picture: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(picture);
  });
}
