import { createContext, memo, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { LinkStrength } from '../core/links.ts';
import { LINK_LOOK } from './linkLook.ts';
import type { LinkEdge } from './links.ts';
import { NoteBadge } from './noteBadges.tsx';

export const LINK_WIDTH: Record<LinkStrength, number> = { weak: 1.25, medium: 2.25, strong: 3.75 };

/**
 * React Flow's edge-label layer, found once by the board: `EdgeLabelRenderer` looks it up with a
 * `querySelector` in every edge on every change of React Flow's store (each frame of a pan), which
 * on a board of thousands of links took most of the frame.
 */
export const EdgeLabelLayer = createContext<Element | null | undefined>(undefined);

function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayer);
  if (layer === undefined) return <EdgeLabelRenderer>{children}</EdgeLabelRenderer>;
  return layer ? createPortal(children, layer) : null;
}

/** A typed link of an evidence or relationship chart: its look, its word and its label. */
export const LinkEdgeView = memo(function LinkEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<LinkEdge>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  if (!data) return null;
  const look = LINK_LOOK[data.type];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{
          stroke: look.color,
          strokeWidth: LINK_WIDTH[data.strength ?? 'medium'] + (selected ? 1 : 0),
          strokeDasharray: look.dash,
          strokeLinecap: 'round',
          opacity: data.dimmed ? 0.15 : 1,
        }}
      />
      <EdgeLabel>
        <LinkWord
          data={data}
          x={labelX}
          y={labelY}
          className={selected ? 'is-selected' : undefined}
          badge={<NoteBadge edge={id} flow />}
        />
      </EdgeLabel>
    </>
  );
});

/**
 * A link's word at (x, y) of the board, in its type's colour with its glyph and a mark for a note:
 * the same for a React Flow edge and for a link the board draws itself (`BoardLinks.tsx`).
 */
export function LinkWord({
  data,
  x,
  y,
  className,
  onClick,
  badge,
}: {
  data: NonNullable<LinkEdge['data']>;
  x: number;
  y: number;
  className?: string | undefined;
  onClick?: (event: React.MouseEvent) => void;
  /** The link's review-note badge (noteBadges.tsx), drawn on the word's corner. */
  badge?: ReactNode;
}) {
  const { t } = useTranslation('graph');
  const look = LINK_LOOK[data.type];
  return (
    <div
      className={`link-label link-label--${data.type}${data.dimmed ? ' is-dimmed' : ''}${className ? ` ${className}` : ''}`}
      style={{
        transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`,
        borderColor: look.color,
        color: look.color,
      }}
      data-testid="link-label"
      data-type={data.type}
      onClick={onClick}
    >
      {look.glyph && <span aria-hidden>{look.glyph} </span>}
      {data.label || t(`links.${data.type}`)}
      {data.note && <span title={data.note}> ✎</span>}
      {badge}
    </div>
  );
}

export const edgeTypes = { link: LinkEdgeView };
