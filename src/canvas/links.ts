import type { Edge } from '@xyflow/react';
import type * as Y from 'yjs';
import { boardsOf, mapField, recordAt, type YRecord } from '../core/doc.ts';
import { readLink } from '../core/commands/links.ts';
import type { BoardLink } from '../core/links.ts';
import { linkMarker } from './linkLook.ts';

export type LinkEdgeData = Omit<BoardLink, 'id' | 'source' | 'target'> & {
  /** Set by a relationship chart: outside the selected node's neighbourhood. */
  dimmed?: boolean;
};
export type LinkEdge = Edge<LinkEdgeData, 'link'>;

/**
 * The Y → React Flow projection of a board's links, kept incrementally like the node projection:
 * a changed link makes one new edge object, every other edge keeps its identity.
 */
export class LinkProjection {
  private readonly cache = new Map<string, LinkEdge>();
  private snapshot: LinkEdge[] = [];
  private readonly listeners = new Set<() => void>();
  /** Undefined when the board has no edges map (deleted, or broken by a hostile peer). */
  private readonly edges: YRecord | undefined;

  constructor(doc: Y.Doc, boardId: string) {
    this.edges = mapField(recordAt(boardsOf(doc), boardId), 'edges');
    this.rebuild(null);
    this.edges?.observeDeep(this.onEdges);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LinkEdge[] => this.snapshot;

  destroy(): void {
    this.edges?.unobserveDeep(this.onEdges);
    this.listeners.clear();
  }

  private readonly onEdges = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.edges)
        for (const key of event.changes.keys.keys()) touched.add(key);
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    this.rebuild(touched);
  };

  private rebuild(touched: Set<string> | null): void {
    let changed = touched === null;
    for (const id of touched ?? this.edges?.keys() ?? []) {
      const link = readLink(recordAt(this.edges, id));
      if (!link) {
        changed = this.cache.delete(id) || changed;
        continue;
      }
      const { id: _id, source, target, ...data } = link;
      this.cache.set(id, {
        id,
        source,
        target,
        type: 'link',
        data,
        // Corroboration and plain relations read both ways; the rest point from cause to claim.
        ...(data.type === 'corroborates' || data.type === 'related' || data.type === 'met'
          ? {}
          : { markerEnd: linkMarker(data.type) }),
      });
      changed = true;
    }
    if (!changed) return;
    this.snapshot = [...this.cache.values()];
    for (const listener of this.listeners) listener();
  }
}
