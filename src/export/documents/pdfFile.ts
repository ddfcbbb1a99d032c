import { PDFDocument } from 'pdf-lib';
import { embedFonts, type PdfFonts } from '../../render/pdf.ts';
import type { ExportContext } from './types.ts';

/**
 * A new PDF for an export, with its document information (title, author, creator, dates, language,
 * shown by readers' document properties) and Be Vietnam Pro embedded.
 */
export async function createExportPdf(
  context: ExportContext,
  info: { title: string; subject: string },
): Promise<{ pdf: PDFDocument; fonts: PdfFonts }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(info.title.normalize('NFC'), { showInWindowTitleBar: true });
  pdf.setSubject(info.subject.normalize('NFC'));
  if (context.author) pdf.setAuthor(context.author.normalize('NFC'));
  pdf.setCreator('CaseBoard');
  pdf.setProducer('CaseBoard (pdf-lib)');
  pdf.setCreationDate(context.date);
  pdf.setModificationDate(context.date);
  pdf.setLanguage(context.language.startsWith('en') ? 'en' : 'vi');
  const fonts = await embedFonts(pdf, await context.resources.fonts());
  return { pdf, fonts };
}
