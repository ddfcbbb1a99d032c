import * as Y from 'yjs';
import {
  boardsOf,
  eachRecord,
  readBoard,
  recordAt,
  type BoardSummary,
  type YRecord,
} from '../doc.ts';
import { newId } from '../ids.ts';
import { compareOrdered, orderAfterLast, orderAt } from '../order.ts';
import { boardTitleSchema, BOARD_KINDS, type BoardKind } from '../schema.ts';

/** A command refused because its arguments do not fit the document; `code` is an i18n key. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * All boards of a case in their tab order.
 * @example listBoards(doc).map((b) => b.title) // ['Sơ đồ tư duy', 'Hiện trường']
 */
export function listBoards(doc: Y.Doc): BoardSummary[] {
  const boards: BoardSummary[] = [];
  eachRecord(boardsOf(doc), (record) => {
    const board = readBoard(record);
    if (board) boards.push(board);
  });
  return boards.sort(compareOrdered);
}

/**
 * Adds a board at the end of the tabs and returns its id.
 * @example addBoard(doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, origin)
 */
export function addBoard(
  doc: Y.Doc,
  args: { kind: BoardKind; title: string; id?: string },
  origin: unknown,
): string {
  if (!BOARD_KINDS.includes(args.kind))
    throw new CommandError('board.badKind', `Unknown board kind: ${args.kind}`);
  const title = parseTitle(args.title);
  const id = args.id ?? newId();
  const order = orderAfterLast(listBoards(doc));
  doc.transact(() => {
    const board: YRecord = new Y.Map();
    board.set('id', id);
    board.set('kind', args.kind);
    board.set('title', title);
    board.set('order', order);
    board.set('settings', new Y.Map());
    board.set('nodes', new Y.Map());
    board.set('edges', new Y.Map());
    boardsOf(doc).set(id, board);
  }, origin);
  return id;
}

/** Renames a board. */
export function renameBoard(
  doc: Y.Doc,
  args: { id: string; title: string },
  origin: unknown,
): void {
  const board = requireBoard(doc, args.id);
  const title = parseTitle(args.title);
  doc.transact(() => board.set('title', title), origin);
}

/** Moves a board to `index` in the tab order (0 is first). */
export function moveBoard(doc: Y.Doc, args: { id: string; index: number }, origin: unknown): void {
  const board = requireBoard(doc, args.id);
  const others = listBoards(doc).filter((b) => b.id !== args.id);
  const order = orderAt(others, args.index);
  doc.transact(() => board.set('order', order), origin);
}

/** Deletes a board with its nodes and edges. */
export function deleteBoard(doc: Y.Doc, args: { id: string }, origin: unknown): void {
  requireBoard(doc, args.id);
  doc.transact(() => boardsOf(doc).delete(args.id), origin);
}

function requireBoard(doc: Y.Doc, id: string): YRecord {
  const board = recordAt(boardsOf(doc), id);
  if (!board) throw new CommandError('board.notFound', `No board ${id} in this case.`);
  return board;
}

function parseTitle(title: string): string {
  const parsed = boardTitleSchema.safeParse(title);
  if (!parsed.success)
    throw new CommandError('board.badTitle', 'A board title is 1 to 120 characters.');
  return parsed.data;
}

/** Reads one board setting (such as a mind map's layout). */
export function boardSetting(doc: Y.Doc, boardId: string, key: string): unknown {
  const settings = recordAt(boardsOf(doc), boardId)?.get('settings');
  return settings instanceof Y.Map ? settings.get(key) : undefined;
}

/** Changes one board setting; shared with everyone on the case. */
export function setBoardSetting(
  doc: Y.Doc,
  args: { id: string; key: string; value: string | number | boolean },
  origin: unknown,
): void {
  const board = requireBoard(doc, args.id);
  doc.transact(() => {
    let settings = board.get('settings');
    if (!(settings instanceof Y.Map)) {
      settings = new Y.Map();
      board.set('settings', settings);
    }
    (settings as Y.Map<unknown>).set(args.key, args.value);
  }, origin);
}
