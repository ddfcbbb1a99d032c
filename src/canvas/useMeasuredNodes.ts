import { useCallback, useMemo, useRef, useState } from 'react';
import type { Node, NodeChange } from '@xyflow/react';

type Size = { width: number; height: number };

/**
 * React Flow's measured sizes put back on a controlled board's nodes. React Flow measures every
 * node but tells a controlled board only through `dimensions` changes; a node without `measured`
 * is left out of the minimap (an empty box) and counts as 0 × 0 in `getNodesBounds` (exports).
 * A node keeps its identity while it and its size are unchanged.
 *
 * @example const measured = useMeasuredNodes(nodes); <ReactFlow nodes={measured.nodes} onNodesChange={(c) => measured.onChanges(c)} />
 */
export function useMeasuredNodes<N extends Node>(
  nodes: N[],
): { nodes: N[]; onChanges(changes: readonly NodeChange<N>[]): void } {
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const cache = useRef(new Map<string, { base: N; size: Size; out: N }>());

  const onChanges = useCallback((changes: readonly NodeChange<N>[]) => {
    const measured = changes.flatMap((c) =>
      c.type === 'dimensions' && c.dimensions ? [{ id: c.id, size: c.dimensions }] : [],
    );
    if (measured.length === 0) return;
    setSizes((previous) => {
      const changed = measured.filter(({ id, size }) => {
        const old = previous.get(id);
        return !old || old.width !== size.width || old.height !== size.height;
      });
      if (changed.length === 0) return previous;
      const next = new Map(previous);
      for (const { id, size } of changed) next.set(id, size);
      return next;
    });
  }, []);

  const measuredNodes = useMemo(() => {
    const seen = new Set<string>();
    const out = nodes.map((node) => {
      const size = sizes.get(node.id);
      if (!size) return node;
      seen.add(node.id);
      const cached = cache.current.get(node.id);
      if (cached && cached.base === node && cached.size === size) return cached.out;
      const next = { ...node, measured: size };
      cache.current.set(node.id, { base: node, size, out: next });
      return next;
    });
    for (const id of cache.current.keys()) if (!seen.has(id)) cache.current.delete(id);
    return out;
  }, [nodes, sizes]);

  return { nodes: measuredNodes, onChanges };
}
