import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type * as Y from 'yjs';
import { addNode } from '../core/commands/nodes.ts';
import { ENTITY_DRAG_TYPE } from '../register/drag.ts';
import { uploadDropped } from './drop.ts';

/**
 * Drops on the board: images become image nodes (and documents of the case file), entities dragged
 * from the register become linked nodes where they are dropped.
 */
export function useCanvasDrop(
  caseId: string,
  doc: Y.Doc,
  boardId: string,
  origin: unknown,
  readOnly: boolean,
  language: string,
) {
  const flow = useReactFlow();
  const onDragOver = (event: DragEvent) => {
    if (!readOnly && event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      return;
    }
    if (readOnly || !event.dataTransfer.types.includes(ENTITY_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'link';
  };
  const onDrop = (event: DragEvent) => {
    const images = [...event.dataTransfer.files].filter((f) =>
      /^image\/(png|jpeg|webp)$/.test(f.type),
    );
    if (!readOnly && images.length > 0) {
      // Images become image nodes here, and documents of the case file.
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      images.forEach(
        (image, i) =>
          void uploadDropped(caseId, doc, origin, image, language).then((hash) =>
            addNode(
              doc,
              { boardId, x: at.x + i * 24, y: at.y + i * 24, label: image.name, file: hash },
              origin,
            ),
          ),
      );
      return;
    }
    const entity = event.dataTransfer.getData(ENTITY_DRAG_TYPE);
    if (readOnly || !entity) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(doc, { boardId, x: position.x, y: position.y, entity }, origin);
  };
  return { onDragOver, onDrop };
}
