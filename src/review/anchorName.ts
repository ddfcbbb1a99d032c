import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { anchorParts } from '../core/noteAnchors.ts';
import type { NoteAnchor } from '../core/notes.ts';

/** Where a note is, for people: the board's title (if on a board) and the item's name. */
export interface AnchorName {
  board: string | null;
  boardId: string | null;
  item: string;
}

/**
 * Names what a note is pinned to in the reader's language: "Nội dung vụ án" and "Bị can
 * Nguyễn Văn A" for a topic; a link without a label is named by the nodes it joins.
 * @example anchorName(doc, { kind: 'case' }, t) // { board: null, boardId: null, item: 'Toàn vụ án' }
 */
export function anchorName(doc: Y.Doc, anchor: NoteAnchor, t: TFunction<'review'>): AnchorName {
  const parts = anchorParts(doc, anchor);
  const missing = t('where.missing');
  const board = parts.boardId ? (parts.board ?? missing) : null;
  let item: string;
  if (anchor.kind === 'case') item = t('where.case');
  else if (anchor.kind === 'slide') item = t('where.slide', { title: parts.item ?? missing });
  else if (anchor.kind === 'page')
    item = t('where.page', { file: parts.file ?? missing, page: parts.page });
  else if (parts.item) item = parts.item;
  else if (parts.ends) item = t('where.link', { from: parts.ends[0], to: parts.ends[1] });
  else item = missing;
  return { board, boardId: parts.boardId, item };
}
