import type * as Y from 'yjs';
import { boardsOf, readBoard, recordAt } from '../../core/doc.ts';
import { NoSuchBoard, type RenderOptions } from '../../render/board.ts';
import { cullClipped, type Picture } from '../../render/picture.ts';
import { rendererOf } from '../../boards/renderers.ts';

/** A board kind this version of CaseBoard cannot draw (a case written by a newer version). */
export class UnknownBoardKind extends Error {
  constructor(readonly kind: string) {
    super(`no renderer for boards of kind ${kind}`);
  }
}

/**
 * A board, or a frame of it, drawn by its kind's renderer (boards/renderers.ts).
 * @throws NoSuchBoard when the case has no such board; UnknownBoardKind for a kind without renderer
 * @example const picture = await boardPicture(doc, boardId, { language: 'vi' })
 */
export async function boardPicture(
  doc: Y.Doc,
  boardId: string,
  options: RenderOptions,
): Promise<Picture> {
  const record = recordAt(boardsOf(doc), boardId);
  const board = readBoard(record);
  if (!record || !board) {
    const kind = record?.get('kind');
    if (record && typeof kind === 'string') throw new UnknownBoardKind(kind);
    throw new NoSuchBoard(boardId);
  }
  const load = rendererOf(board.kind);
  if (!load) throw new UnknownBoardKind(board.kind);
  const render = await load();
  // A frame shows part of the board: what lies wholly outside it is left out of the file.
  const drawn = render(doc, boardId, options);
  const picture = options.frame ? cullClipped(drawn) : drawn;
  return picture.title ? picture : { ...picture, title: board.title };
}
