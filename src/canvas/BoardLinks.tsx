import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { LinkType } from '../core/links.ts';
import { LINK_LOOK } from './linkLook.ts';
import { LINK_WIDTH, LinkWord } from './LinkEdge.tsx';
import type { LinkEdge } from './links.ts';
import type { BoardLine } from './useDrawnBoard.ts';
import { meets, type Area } from './viewWindow.ts';

/** The id of a link type's arrowhead in the board's own link layer. */
const markerId = (type: LinkType) => `board-links-arrow-${type}`;

/**
 * The links of a big board that React Flow does not draw because one of their ends lies outside
 * the view window (`useDrawnBoard.ts`): one SVG of plain paths, with the same colour, width, dash,
 * arrowhead and word as a link React Flow draws. A click on one selects it: the link and both its
 * ends are then handed to React Flow, where it can be edited or deleted as any other.
 */
export const BoardLinks = memo(function BoardLinks({
  lines,
  area,
  onSelect,
}: {
  lines: readonly BoardLine<LinkEdge>[];
  /** The view window: a word is written only where it falls inside. */
  area: Area | null;
  onSelect(id: string): void;
}) {
  if (lines.length === 0) return null;
  const types = [...new Set(lines.map((line) => line.edge.data?.type).filter((x) => !!x))];
  return (
    <ViewportPortal>
      <svg className="board-links" data-testid="board-links">
        <defs>
          {types.map((type) => (
            <marker
              key={type}
              id={markerId(type!)}
              viewBox="-10 -10 20 20"
              markerWidth={18}
              markerHeight={18}
              markerUnits="strokeWidth"
              orient="auto-start-reverse"
              refX={0}
              refY={0}
            >
              <polyline
                points="-5,-4 0,0 -5,4 -5,-4"
                fill={LINK_LOOK[type!].color}
                stroke={LINK_LOOK[type!].color}
                strokeWidth={1}
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </marker>
          ))}
        </defs>
        {lines.map(({ edge, d, end }) => {
          const data = edge.data;
          if (!data) return null;
          const look = LINK_LOOK[data.type];
          return (
            <g
              key={edge.id}
              data-id={edge.id}
              data-testid="board-link"
              className={edge.className}
              opacity={data.dimmed ? 0.15 : 1}
              onClick={(event) => {
                event.stopPropagation();
                onSelect(edge.id);
              }}
            >
              <path
                d={d}
                fill="none"
                stroke={look.color}
                strokeWidth={LINK_WIDTH[data.strength ?? 'medium']}
                strokeDasharray={look.dash}
                strokeLinecap="round"
                markerEnd={edge.markerEnd && end ? `url(#${markerId(data.type)})` : undefined}
              />
              <path d={d} className="board-links__hit" />
            </g>
          );
        })}
      </svg>
      <div className="board-links__labels">
        {lines.map(({ edge, labelX, labelY }) => {
          const data = edge.data;
          if (!data || !area || !meets(area, labelX, labelY, 0, 0)) return null;
          return (
            <LinkWord
              key={edge.id}
              data={data}
              x={labelX}
              y={labelY}
              className={edge.className}
              onClick={(event) => {
                event.stopPropagation();
                onSelect(edge.id);
              }}
            />
          );
        })}
      </div>
    </ViewportPortal>
  );
});
