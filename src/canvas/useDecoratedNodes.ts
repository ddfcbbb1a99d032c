import { useMemo, useRef } from 'react';
import type { CanvasNode, CanvasNodeData } from './projection.ts';

/** What the canvas holds locally: the selection, and positions while a drag is under way. */
export interface LocalView {
  selected: Set<string>;
  dragging: Map<string, { x: number; y: number }>;
}

/** The projected nodes with the local selection, drag positions and a board's decoration applied. */
export function useDecoratedNodes(
  projected: readonly CanvasNode[],
  local: LocalView,
  decorate: ((node: CanvasNode) => Partial<CanvasNodeData> | undefined) | undefined,
): CanvasNode[] {
  // Decorated nodes keep their identity while base node, decoration and selection are unchanged,
  // so memoized node components re-render only for what changed.
  const decorated = useRef(new Map<string, { base: CanvasNode; key: string; out: CanvasNode }>());
  return useMemo(() => {
    const seen = new Set<string>();
    const out = projected.map((node) => {
      const drag = local.dragging.get(node.id);
      const selected = local.selected.has(node.id);
      const extra = decorate?.(node);
      if (!drag && !selected && !extra) return node;
      const key = `${selected}|${JSON.stringify(extra ?? null)}`;
      const cached = decorated.current.get(node.id);
      seen.add(node.id);
      if (!drag && cached && cached.base === node && cached.key === key) return cached.out;
      const next: CanvasNode = {
        ...node,
        selected,
        ...(drag ? { position: drag } : {}),
        ...(extra ? { data: { ...node.data, ...extra } } : {}),
      };
      if (!drag) decorated.current.set(node.id, { base: node, key, out: next });
      return next;
    });
    for (const id of decorated.current.keys()) if (!seen.has(id)) decorated.current.delete(id);
    return out;
  }, [projected, local, decorate]);
}
