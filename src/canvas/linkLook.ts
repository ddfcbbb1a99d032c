import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { LinkType } from '../core/links.ts';

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
/** The arrowhead of a link type, for React Flow's `markerEnd`. */
export function linkMarker(type: LinkType): EdgeMarker {
  return { type: MarkerType.ArrowClosed, color: LINK_LOOK[type].color, width: 18, height: 18 };
}
