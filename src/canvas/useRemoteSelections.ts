import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Publishes this person's selection on a board through awareness, and returns what the others have
 * selected there: topic id → their colour.
 */
export function useRemoteSelections(
  awareness: Awareness | null,
  boardId: string,
  selection: readonly string[],
): Map<string, string> {
  const [remote, setRemote] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    awareness?.setLocalStateField('selection', { boardId, ids: [...selection] });
  }, [awareness, boardId, selection]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const next = new Map<string, string>();
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const s = state as {
          selection?: { boardId?: string; ids?: string[] };
          user?: { color?: string };
        };
        if (s.selection?.boardId !== boardId) return;
        for (const id of s.selection.ids ?? []) next.set(id, s.user?.color ?? '#f59e0b');
      });
      setRemote((previous) => (sameMap(previous, next) ? previous : next));
    };
    read();
    awareness.on('change', read);
    return () => {
      awareness.off('change', read);
      awareness.setLocalStateField('selection', null);
    };
  }, [awareness, boardId]);
  return remote;
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
