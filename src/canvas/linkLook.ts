import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { LinkType } from '../core/links.ts';
import { LINK_STROKES } from './linkGeometry.ts';

/**
 * Each link type has its own colour and dash, and always its word on the line: not colour alone.
 * The table is `LINK_STROKES` (linkGeometry.ts), which the exported pictures draw with too; on screen
 * a contradiction is marked ✕ (the export's font has only ×).
 */
export const LINK_LOOK: Record<LinkType, { color: string; dash?: string; glyph?: string }> =
  Object.fromEntries(
    Object.entries(LINK_STROKES).map(([type, { color, dash, glyph }]) => [
      type,
      { color, dash, glyph: glyph === '×' ? '✕' : glyph },
    ]),
  ) as Record<LinkType, { color: string; dash?: string; glyph?: string }>;
/** The arrowhead of a link type, for React Flow's `markerEnd`. */
export function linkMarker(type: LinkType): EdgeMarker {
  return { type: MarkerType.ArrowClosed, color: LINK_LOOK[type].color, width: 18, height: 18 };
}
