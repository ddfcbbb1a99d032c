import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import {
  boardsOf,
  deckOf,
  filesOf,
  mapField,
  recordAt,
  registerOf,
  textField,
} from '../core/doc.ts';
import type { NoteAnchor } from '../core/notes.ts';

/** Where a note is, for people: the board's title (if on a board) and the item's name. */
export interface AnchorName {
  board: string | null;
  boardId: string | null;
  item: string;
}

/** The name a node shows: its label, its entity's name, a marker's number, its symbol or shape. */
function nodeName(doc: Y.Doc, node: Y.Map<unknown> | undefined): string {
  if (!node) return '';
  const label = textField(node, 'label');
  if (label) return label;
  const entity = textField(node, 'entity');
  if (entity) return textField(recordAt(registerOf(doc), entity), 'name');
  const number = node.get('number');
  if (typeof number === 'number') return `#${number}`;
  return textField(node, 'symbol') || textField(node, 'shape');
}

/**
 * Names what a note is pinned to: "Sơ đồ tư duy" and "Bị can Nguyễn Văn A" for a topic; a
 * timeline item is its event; a link is named by the nodes it joins.
 * @example anchorName(doc, { kind: 'case' }, t) // { board: null, boardId: null, item: 'Toàn vụ án' }
 */
export function anchorName(doc: Y.Doc, anchor: NoteAnchor, t: TFunction<'review'>): AnchorName {
  const missing = t('where.missing');
  switch (anchor.kind) {
    case 'case':
      return { board: null, boardId: null, item: t('where.case') };
    case 'slide': {
      const title = textField(recordAt(deckOf(doc), anchor.slide), 'title');
      return { board: null, boardId: null, item: t('where.slide', { title: title || missing }) };
    }
    case 'page': {
      const file = textField(recordAt(filesOf(doc), anchor.file), 'name') || missing;
      return { board: null, boardId: null, item: t('where.page', { file, page: anchor.page }) };
    }
    case 'node':
    case 'edge': {
      const board = recordAt(boardsOf(doc), anchor.board);
      const boardTitle = board ? textField(board, 'title') : missing;
      const nodes = mapField(board, 'nodes');
      if (anchor.kind === 'node') {
        const node = recordAt(nodes, anchor.node);
        // A timeline item is its register event.
        const item = node
          ? nodeName(doc, node)
          : textField(recordAt(registerOf(doc), anchor.node), 'name');
        return { board: boardTitle, boardId: anchor.board, item: item || missing };
      }
      const edge = recordAt(mapField(board, 'edges'), anchor.edge);
      const item = edge
        ? textField(edge, 'label') ||
          t('where.link', {
            from: nodeName(doc, recordAt(nodes, textField(edge, 'source'))) || '?',
            to: nodeName(doc, recordAt(nodes, textField(edge, 'target'))) || '?',
          })
        : missing;
      return { board: boardTitle, boardId: anchor.board, item };
    }
  }
}
