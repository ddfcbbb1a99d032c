import type * as Y from 'yjs';
import type { Picture } from '../../render/picture.ts';
import { boardPicture } from '../documents/picture.ts';
import type { ReportModel } from './model.ts';

/**
 * The pictures of the report's figures by board id, each board drawn once by its kind's renderer
 * (the export renderer, src/boards/renderers.ts). A board that cannot be drawn (deleted meanwhile,
 * a kind from a newer version) is left out: the report says so where it stood.
 */
export async function reportFigures(
  doc: Y.Doc,
  model: ReportModel,
  language: string,
): Promise<Map<string, Picture>> {
  const pictures = new Map<string, Picture>();
  for (const block of model.blocks) {
    if (block.kind !== 'figure' || pictures.has(block.boardId)) continue;
    try {
      pictures.set(block.boardId, await boardPicture(doc, block.boardId, { language }));
    } catch {
      // Shown as missing in the report.
    }
  }
  return pictures;
}
