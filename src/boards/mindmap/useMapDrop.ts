import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import type * as Y from 'yjs';
import { addTopic, setTopic, type Topic } from '../../core/commands/mindmap.ts';
import {
  acceptsDrop,
  importedText,
  importFailureText,
  readDrop,
  uploadDropped,
} from '../../canvas/drop.ts';
import { importFile } from '../../canvas/importFile.ts';
import { ENTITY_DRAG_TYPE } from '../../register/drag.ts';
import type { EntityLookup, TopicNode } from './view.ts';

/**
 * Drops onto the map, routed like the canvas's (`canvas/drop.ts`): a mind-map file becomes a
 * branch; an image a topic showing it (and a case-file document); a register entity a linked
 * topic under the topic it lands on. Each new topic is one transaction: one undo step.
 */
export function useMapDrop(options: {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  topics: Topic[];
  laidOut: TopicNode[];
  selection: string[];
  lookup: EntityLookup;
  select(ids: string[]): void;
  run(fn: () => void): void;
  onImported(text: string | null): void;
  onError(error: string | null): void;
  showError(err: unknown): void;
}) {
  const { caseId, doc, boardId, origin, readOnly, topics, laidOut, selection } = options;
  const { i18n } = useTranslation();
  const { t: tInterop } = useTranslation('interop');
  const flow = useReactFlow();

  const onDragOver = (event: DragEvent) => {
    if (acceptsDrop(event.dataTransfer, ENTITY_DRAG_TYPE, readOnly)) event.preventDefault();
  };

  const onDrop = (event: DragEvent) => {
    if (readOnly) return;
    const { images, mapFile, entity } = readDrop(event.dataTransfer, ENTITY_DRAG_TYPE);
    const root = topics.find((tp) => tp.parent === null)?.id ?? null;
    // Anything but a map file or an image falls through to the case file (the case page).
    if (mapFile || images.length > 0) {
      event.preventDefault();
      const parent = selection.at(-1) ?? root;
      if (mapFile)
        void importFile(doc, boardId, origin, mapFile, parent).then(
          ({ ids, count, sheets, legacy }) => {
            options.onError(null);
            options.onImported(importedText(tInterop, mapFile.name, count, sheets, legacy));
            options.select(ids);
          },
          (err: unknown) => {
            options.onImported(null);
            options.onError(importFailureText(tInterop, mapFile.name, err));
          },
        );
      for (const image of images)
        void uploadDropped(caseId, doc, origin, image, i18n.language).then(
          (hash) =>
            options.run(() =>
              doc.transact(() => {
                const label = image.name.replace(/\.[a-z]+$/i, '');
                const id = addTopic(doc, { boardId, parent, label }, origin);
                setTopic(doc, { boardId, id, patch: { image: hash } }, origin);
                options.select([id]);
              }, origin),
            ),
          options.showError,
        );
      return;
    }
    if (!entity) return;
    event.preventDefault();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const hit = laidOut.find(
      (n) =>
        p.x >= n.position.x &&
        p.x <= n.position.x + n.data.width &&
        p.y >= n.position.y &&
        p.y <= n.position.y + n.data.height,
    );
    const parent = hit?.id ?? root;
    options.run(() =>
      doc.transact(() => {
        const label = options.lookup(entity)?.name ?? '';
        const id = addTopic(doc, { boardId, parent, label }, origin);
        setTopic(doc, { boardId, id, patch: { entity } }, origin);
        options.select([id]);
      }, origin),
    );
  };

  return { onDragOver, onDrop };
}
