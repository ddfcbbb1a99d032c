import type * as Y from 'yjs';
import { boardsOf, deckOf, filesOf, mapField, recordAt, registerOf, textField } from './doc.ts';
import type { NoteAnchor } from './notes.ts';

/**
 * What a note is pinned to, in the document's own words (no translations): the board's title and
 * the item's name, null where there is none or it was deleted. The notes panel and the exports'
 * appendix word them for people.
 */
export interface AnchorParts {
  kind: NoteAnchor['kind'];
  boardId: string | null;
  board: string | null;
  /** A node's or slide's name, a link's label; null when deleted (or a link without a label). */
  item: string | null;
  /** A link's two ends, by name. */
  ends?: [string, string];
  /** A page anchor: the file's name and the page. */
  file?: string | null;
  page?: number;
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
 * Names the parts of an anchor; a timeline item is its register event.
 * @example anchorParts(doc, { kind: 'node', board: b, node: t }) // { board: 'Sơ đồ tư duy', item: 'Bị can A', … }
 */
export function anchorParts(doc: Y.Doc, anchor: NoteAnchor): AnchorParts {
  const none = { kind: anchor.kind, boardId: null, board: null };
  switch (anchor.kind) {
    case 'case':
      return { ...none, item: null };
    case 'slide':
      return { ...none, item: textField(recordAt(deckOf(doc), anchor.slide), 'title') || null };
    case 'page': {
      const file = recordAt(filesOf(doc), anchor.file);
      return {
        ...none,
        item: null,
        file: file ? textField(file, 'name') : null,
        page: anchor.page,
      };
    }
    case 'node':
    case 'edge': {
      const board = recordAt(boardsOf(doc), anchor.board);
      const base = {
        kind: anchor.kind,
        boardId: anchor.board,
        board: board ? textField(board, 'title') : null,
      };
      const nodes = mapField(board, 'nodes');
      if (anchor.kind === 'node') {
        const node = recordAt(nodes, anchor.node);
        const item = node
          ? nodeName(doc, node)
          : textField(recordAt(registerOf(doc), anchor.node), 'name');
        return { ...base, item: item || null };
      }
      const edge = recordAt(mapField(board, 'edges'), anchor.edge);
      if (!edge) return { ...base, item: null };
      return {
        ...base,
        item: textField(edge, 'label') || null,
        ends: [
          nodeName(doc, recordAt(nodes, textField(edge, 'source'))) || '?',
          nodeName(doc, recordAt(nodes, textField(edge, 'target'))) || '?',
        ],
      };
    }
  }
}
