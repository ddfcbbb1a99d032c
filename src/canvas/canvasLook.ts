import type { Edge, Node } from '@xyflow/react';
import type { LodLook } from './lodDraw.ts';
import { LINK_LOOK } from './linkLook.ts';
import type { LinkEdgeData } from './links.ts';
import type { CanvasNode } from './projection.ts';

/** How the shared canvas's nodes and links look drawn simplified and on the minimap. */
export function edgeColor(edge: Edge): string {
  const type = (edge.data as LinkEdgeData | undefined)?.type;
  return type ? LINK_LOOK[type].color : '#94a3b8';
}
const KIND_FILL: Record<string, string> = {
  person: '#dbeafe',
  evidence: '#fef3c7',
  event: '#ede9fe',
  fact: '#dcfce7',
  place: '#fce7f3',
};
const STATUS_STROKE = { proven: '#15803d', disputed: '#b45309', unproven: '#b91c1c' };
export function canvasLook(node: Node): LodLook {
  const data = node.data as CanvasNode['data'];
  return {
    fill: (data.entityKind && KIND_FILL[data.entityKind]) || '#ffffff',
    stroke: data.brokenLink ? '#b91c1c' : data.status ? STATUS_STROKE[data.status] : '#94a3b8',
    ...(node.selected ? { ring: '#1d4ed8' } : {}),
  };
}
export const minimapFill = (node: Node) => canvasLook(node).fill;
export const minimapStroke = (node: Node) => canvasLook(node).stroke;
export function canvasLabel(node: Node): string {
  return String((node.data as CanvasNode['data']).label ?? '');
}
