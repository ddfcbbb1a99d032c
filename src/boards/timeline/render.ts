import type * as Y from 'yjs';
import type { Picture } from '../../render/picture.ts';
import type { RenderOptions } from '../../render/board.ts';

/** The timeline board drawn from the document (see render/board.ts). STUB: issue 21 fills it in. */
export function renderTimeline(_doc: Y.Doc, _boardId: string, _options: RenderOptions): Picture {
  return { width: 100, height: 100, background: '#ffffff', shapes: [], title: '' };
}
