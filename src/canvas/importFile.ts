import type * as Y from 'yjs';
import { importWorkbook } from '../core/commands/mindmap.ts';

/** The steps of an import, in order: what a progress bar shows of it. */
export const IMPORT_STEPS = ['read', 'parse', 'write'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** Lets the page draw (the progress bar) before the next step's work. */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/**
 * Reads a dropped or chosen mind-map file and writes it into the board, under `parent` (or as
 * roots), and the further sheets of an XMind workbook into new boards, in one step; nothing is written if the file is refused. `onStep` is told each step as it
 * starts, and the page draws between steps, so a big file shows its progress instead of a frozen
 * page.
 */
export async function importFile(
  doc: Y.Doc,
  boardId: string,
  origin: unknown,
  file: File,
  parent: string | null,
  onStep?: (step: ImportStep) => void,
): Promise<{ ids: string[]; count: number; sheets: number }> {
  onStep?.('read');
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The readers (XML, zip) come with the first import, not with the board.
  const { countTopics, importMindMap } = await import('../core/interop/index.ts');
  await nextFrame();
  onStep?.('parse');
  await nextFrame();
  const model = importMindMap(file.name, bytes);
  onStep?.('write');
  await nextFrame();
  // Further sheets of an XMind workbook become boards of their own.
  const { ids, boards } = importWorkbook(doc, { boardId, parent, model }, origin);
  return { ids, count: countTopics(model.roots), sheets: boards.length };
}
