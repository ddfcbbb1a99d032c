import { describe, expect, it } from 'vitest';
import { addNote, replyToNote, setNoteState } from '../../src/core/commands/notes.ts';
import { boardPdf } from '../../src/export/documents/index.ts';
import { exportCase, installed, run, tempFile } from '../helpers/export-case.ts';

/**
 * Review notes never reach an export unless asked for: a board's PDF without "Kèm ý kiến" holds
 * no word of a note; with it, an appendix lists each note with where it is, its author, state and
 * replies (docs/review.md).
 */

const needPoppler = installed('pdftotext') ? it : it.skip;
const allText = (path: string) => run('pdftotext', ['-layout', path, '-']).normalize('NFC');
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))?.[1]);

describe('notes in a board PDF', () => {
  needPoppler('carries no note text without the option, and the appendix with it', async () => {
    const c = await exportCase('mat');
    const topic = c.topicIds[0]!;
    const lan = { id: 'u-lan', name: 'Trần Thị Lan' };
    const an = { id: 'u-an', name: 'Nguyễn Văn Ấn' };
    const note = addNote(
      c.doc,
      {
        anchor: { kind: 'node', board: c.mindmap, node: topic },
        text: 'Làm rõ khuỷu tay bị hại',
        author: an,
      },
      'test',
    );
    replyToNote(c.doc, { note, text: 'Đã bổ sung giám định BL 46', author: lan }, 'test');
    const resolved = addNote(
      c.doc,
      {
        anchor: { kind: 'node', board: c.mindmap, node: topic },
        text: 'Xem lại hoà giải',
        author: lan,
      },
      'test',
    );
    setNoteState(c.doc, { note: resolved, state: 'resolved', by: an }, 'test');
    // A note elsewhere (the whole case) is not the board's.
    addNote(c.doc, { anchor: { kind: 'case' }, text: 'Ý kiến toàn vụ', author: an }, 'test');

    const plain = tempFile(
      'plain.pdf',
      await boardPdf(c.doc, c.mindmap, { paper: 'A4', orientation: 'landscape' }, c.context),
    );
    const plainText = allText(plain);
    for (const word of ['khuỷu', 'BL 46', 'hoà giải', 'Phụ lục', 'Nguyễn Văn Ấn', 'toàn vụ'])
      expect(plainText).not.toContain(word);
    expect(pages(plain)).toBe(1);

    const withNotes = tempFile(
      'notes.pdf',
      await boardPdf(
        c.doc,
        c.mindmap,
        { paper: 'A4', orientation: 'landscape', includeNotes: true },
        c.context,
      ),
    );
    expect(pages(withNotes)).toBe(2);
    const appendix = run('pdftotext', ['-layout', '-f', '2', '-l', '2', withNotes, '-'])
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(appendix).toContain('Phụ lục: Ý kiến');
    expect(appendix).toContain('Làm rõ khuỷu tay bị hại');
    expect(appendix).toContain('Nguyễn Văn Ấn');
    expect(appendix).toContain('Chưa giải quyết');
    expect(appendix).toContain('Đã bổ sung giám định BL 46');
    expect(appendix).toContain('Xem lại hoà giải');
    expect(appendix).toContain('Đã giải quyết');
    expect(appendix).not.toContain('toàn vụ');
    // The appendix carries the case's marking too.
    expect(appendix).toContain('MẬT');
  });
});
