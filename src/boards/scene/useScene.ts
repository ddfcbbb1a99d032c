import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { boardsOf } from '../../core/doc.ts';
import { recordWatch, useDoc } from '../../sync/useDoc.ts';
import {
  listSceneObjects,
  readSceneSettings,
  type SceneSettings,
} from '../../core/commands/scene.ts';
import type { Point, SceneObject } from '../../core/scene.ts';

/**
 * The board's objects and settings, re-read on every change of the board; an object whose record
 * did not change keeps its identity, so memoized items do not re-render.
 */
export function useScene(
  doc: Y.Doc,
  boardId: string,
): { objects: SceneObject[]; settings: SceneSettings } {
  return useDoc(
    doc,
    (d) => recordWatch(boardsOf(d), boardId),
    (d) => ({ objects: listSceneObjects(d, boardId), settings: readSceneSettings(d, boardId) }),
    [boardId],
  );
}

export interface RemoteScene {
  cursors: Array<{ client: number; x: number; y: number; color: string; name: string }>;
  /** Objects someone is dragging right now, with how far. */
  drags: Map<string, { dx: number; dy: number }>;
}

interface SceneAwareness {
  boardId: string;
  cursor: Point | null;
  drag: { ids: string[]; dx: number; dy: number } | null;
}

/**
 * Cursors and drags in progress, shared through awareness (never stored). `publish` may be called
 * on every pointer move: it sends at most once per animation frame.
 */
export function useSceneAwareness(
  awareness: Awareness | null,
  boardId: string,
): { remote: RemoteScene; publish(update: Partial<Omit<SceneAwareness, 'boardId'>>): void } {
  const [remote, setRemote] = useState<RemoteScene>({ cursors: [], drags: new Map() });
  const [publish] = useState(() => {
    let pending: SceneAwareness = { boardId, cursor: null, drag: null };
    let frame = 0;
    return (update: Partial<Omit<SceneAwareness, 'boardId'>>) => {
      pending = { ...pending, ...update, boardId };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        awareness?.setLocalStateField('scene', pending);
      });
    };
  });
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const cursors: RemoteScene['cursors'] = [];
      const drags = new Map<string, { dx: number; dy: number }>();
      awareness.getStates().forEach((state, client) => {
        if (client === awareness.clientID) return;
        const s = state as { scene?: SceneAwareness; user?: { color?: string; name?: string } };
        if (s.scene?.boardId !== boardId) return;
        if (s.scene.cursor)
          cursors.push({
            client,
            ...s.scene.cursor,
            color: s.user?.color ?? '#f59e0b',
            name: s.user?.name ?? '',
          });
        if (s.scene.drag)
          for (const id of s.scene.drag.ids)
            drags.set(id, { dx: s.scene.drag.dx, dy: s.scene.drag.dy });
      });
      setRemote({ cursors, drags });
    };
    read();
    awareness.on('change', read);
    return () => {
      awareness.off('change', read);
      awareness.setLocalStateField('scene', null);
    };
  }, [awareness, boardId]);
  return { remote, publish };
}
