import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  MarkerType,
  type EdgeMarker,
  type EdgeProps,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { LinkStrength, LinkType } from '../core/links.ts';
import type { LinkEdge } from './links.ts';

/** Each link type has its own colour and dash, and always its word on the line: not colour alone. */
export const LINK_LOOK: Record<LinkType, { color: string; dash?: string; glyph?: string }> = {
  supports: { color: '#15803d' },
  contradicts: { color: '#b91c1c', dash: '8 5', glyph: '✕' },
  corroborates: { color: '#1d4ed8', dash: '2 5', glyph: '+' },
  relation: { color: '#64748b' },
  called: { color: '#0f766e', dash: '6 3' },
  met: { color: '#7c3aed' },
  owns: { color: '#b45309' },
  paid: { color: '#15803d', dash: '10 3 2 3' },
  related: { color: '#64748b', dash: '4 4' },
};
const WIDTH: Record<LinkStrength, number> = { weak: 1.25, medium: 2.25, strong: 3.75 };

/** The arrowhead of a link type, for React Flow's `markerEnd`. */
export function linkMarker(type: LinkType): EdgeMarker {
  return { type: MarkerType.ArrowClosed, color: LINK_LOOK[type].color, width: 18, height: 18 };
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
  const { t } = useTranslation('graph');
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
  const word = data.label || t(`links.${data.type}`);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{
          stroke: look.color,
          strokeWidth: WIDTH[data.strength ?? 'medium'] + (selected ? 1 : 0),
          strokeDasharray: look.dash,
          strokeLinecap: 'round',
          opacity: data.dimmed ? 0.15 : 1,
        }}
      />
      <EdgeLabelRenderer>
        <div
          className={`link-label link-label--${data.type}${selected ? ' is-selected' : ''}${data.dimmed ? ' is-dimmed' : ''}`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            borderColor: look.color,
            color: look.color,
          }}
          data-testid="link-label"
          data-type={data.type}
        >
          {look.glyph && <span aria-hidden>{look.glyph} </span>}
          {word}
          {data.note && <span title={data.note}> ✎</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes = { link: LinkEdgeView };
