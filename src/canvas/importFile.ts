import type * as Y from 'yjs';
import { importMap } from '../core/commands/mindmap.ts';

/**
 * Reads a dropped or chosen mind-map file and writes it into the board, under `parent` (or as
 * roots), in one step; nothing is written if the file is refused.
 */
export async function importFile(
  doc: Y.Doc,
  boardId: string,
  origin: unknown,
  file: File,
  parent: string | null,
): Promise<{ ids: string[]; count: number }> {
  // The readers (XML, zip) come with the first import, not with the board.
  const { countTopics, importMindMap } = await import('../core/interop/index.ts');
  const model = importMindMap(file.name, new Uint8Array(await file.arrayBuffer()));
  const ids = importMap(doc, { boardId, parent, model }, origin);
  return { ids, count: countTopics(model.roots) };
}
