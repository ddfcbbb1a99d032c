import type * as Y from 'yjs';
import { importMap } from '../core/commands/mindmap.ts';
import { countTopics, importMindMap } from '../core/interop/index.ts';

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
  const model = importMindMap(file.name, new Uint8Array(await file.arrayBuffer()));
  const ids = importMap(doc, { boardId, parent, model }, origin);
  return { ids, count: countTopics(model.roots) };
}
