import { memo } from 'react';
import { ViewportPortal, type Edge } from '@xyflow/react';
import { meets, type Area } from '../../canvas/viewWindow.ts';
import { branchPath } from './renderLines.ts';
import type { TopicNode } from './view.ts';

/** One branch line, in board coordinates, with the box it lies in. */
export interface MapLine {
  id: string;
  d: string;
  stroke: string;
  dim: boolean;
  box: Area;
}

/** Lines by edge id, with the two topic nodes each was computed from. */
export type LineCache = Map<string, { parent: TopicNode; child: TopicNode; line: MapLine }>;

/**
 * The branch lines of the map from the drawn topics (a dragged topic's line follows it), only those
 * meeting `area` (null: all). A line's path is computed again only when one of its two topics' node
 * objects changed, and only while it is in the area: an edit that moves half of a big map costs a
 * box per line, not a path per line. Relationships are React Flow edges and are not here.
 */
export function mapLines(
  edges: readonly Edge[],
  nodes: ReadonlyMap<string, TopicNode>,
  cache: LineCache,
  area: Area | null,
): MapLine[] {
  const lines: MapLine[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    if (edge.type === 'relationship' || edge.hidden) continue;
    const parent = nodes.get(edge.source);
    const child = nodes.get(edge.target);
    if (!parent || !child || parent.hidden || child.hidden) continue;
    const stroke = String(edge.style?.stroke ?? '#94a3b8');
    const dim = edge.className === 'is-build-dim';
    const cached = cache.get(edge.id);
    if (
      cached &&
      cached.parent === parent &&
      cached.child === child &&
      cached.line.stroke === stroke &&
      cached.line.dim === dim
    ) {
      if (area && !meetsBox(area, cached.line.box)) continue;
      seen.add(edge.id);
      lines.push(cached.line);
      continue;
    }
    const p = parent.position;
    const c = child.position;
    const box = {
      x0: Math.min(p.x, c.x),
      y0: Math.min(p.y, c.y),
      x1: Math.max(p.x + parent.data.width, c.x + child.data.width),
      y1: Math.max(p.y + parent.data.height, c.y + child.data.height),
    };
    if (area && !meetsBox(area, box)) continue;
    const d = branchPath(boxOf(parent), boxOf(child), child.data.side);
    const line: MapLine = { id: edge.id, d, stroke, dim, box };
    seen.add(edge.id);
    cache.set(edge.id, { parent, child, line });
    lines.push(line);
  }
  // Lines out of the area are forgotten: the cache holds what is drawn.
  if (cache.size > seen.size) for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return lines;
}

function meetsBox(area: Area, box: Area): boolean {
  return meets(area, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
}

function boxOf(node: TopicNode) {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.data.width,
    height: node.data.height,
  };
}

/**
 * The branch lines in view, as one SVG of plain paths beneath the topics: one element per line
 * instead of React Flow's SVG, wrapper and handle lookups per edge.
 */
export const MapLines = memo(function MapLines({ lines }: { lines: readonly MapLine[] }) {
  return (
    <ViewportPortal>
      <svg className="mindmap-lines" aria-hidden="true" data-testid="mindmap-lines">
        {lines.map((line) => (
          <path
            key={line.id}
            d={line.d}
            stroke={line.stroke}
            className={line.dim ? 'is-build-dim' : undefined}
            data-id={line.id}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
});
