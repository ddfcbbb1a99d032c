import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { Summary, Topic } from '../../core/commands/mindmap.ts';
import type { TopicNode } from './view.ts';
import { decorationPlaces, type PlacedBox } from './decorationPlaces.ts';

export type BoundaryNode = Node<
  { label: string; color?: string; width: number; height: number },
  'boundary'
>;
export type BracketNode = Node<
  { side: 'left' | 'right' | 'down'; width: number; height: number },
  'bracket'
>;
export type SummaryNode = Node<
  { label: string; summary: string; width: number; height: number },
  'summary'
>;
export type DecorationNode = BoundaryNode | BracketNode | SummaryNode;

/**
 * Boundaries around branches and summary brackets, as nodes drawn beneath the topics, where
 * `decorationPlaces` puts them (the exported picture uses the same places).
 */
export function decorations(
  topics: readonly Topic[],
  summaries: readonly Summary[],
  placed: Map<string, TopicNode>,
): DecorationNode[] {
  const boxes = new Map<string, PlacedBox>();
  for (const [id, node] of placed)
    boxes.set(id, {
      x: node.position.x,
      y: node.position.y,
      width: node.data.width,
      height: node.data.height,
      side: node.data.side,
    });
  const places = decorationPlaces(topics, summaries, boxes);
  const fixed = { draggable: false, selectable: false } as const;
  const out: DecorationNode[] = places.boundaries.map((b) => ({
    id: `boundary:${b.topic}`,
    type: 'boundary',
    position: { x: b.x, y: b.y },
    data: {
      label: b.label,
      color: placed.get(b.topic)!.data.color,
      width: b.width,
      height: b.height,
    },
    width: b.width,
    height: b.height,
    // Beneath the branch lines (z-index -1 in the viewport).
    zIndex: -2,
    ...fixed,
  }));
  for (const s of places.summaries) {
    out.push({
      id: `bracket:${s.summary.id}`,
      type: 'bracket',
      position: { x: s.bracket.x, y: s.bracket.y },
      data: { side: s.side, width: s.bracket.width, height: s.bracket.height },
      ...fixed,
    });
    out.push({
      id: `summary:${s.summary.id}`,
      type: 'summary',
      position: { x: s.box.x, y: s.box.y },
      data: {
        label: s.summary.label,
        summary: s.summary.id,
        width: s.box.width,
        height: s.box.height,
      },
      ...fixed,
    });
  }
  return out;
}

const BoundaryView = memo(function BoundaryView({ data }: NodeProps<BoundaryNode>) {
  return (
    <div
      className="boundary"
      style={{ width: data.width, height: data.height, borderColor: data.color }}
      data-testid="boundary"
    >
      {data.label && <span className="boundary__label">{data.label}</span>}
    </div>
  );
});

const BracketView = memo(function BracketView({ data }: NodeProps<BracketNode>) {
  const { width: w, height: h, side } = data;
  const d =
    side === 'down'
      ? `M0,0 Q0,${h / 2} ${w / 2},${h / 2} Q${w},${h / 2} ${w},0`
      : side === 'left'
        ? `M${w},0 Q0,0 0,${h / 2} Q0,${h} ${w},${h}`
        : `M0,0 Q${w},0 ${w},${h / 2} Q${w},${h} 0,${h}`;
  return (
    <svg width={w} height={h} className="bracket" data-testid="summary-bracket">
      <path d={d} fill="none" stroke="#64748b" strokeWidth={2} />
    </svg>
  );
});

const SummaryView = memo(function SummaryView({ data }: NodeProps<SummaryNode>) {
  return (
    <div
      className="summary-topic"
      style={{ width: data.width, minHeight: data.height }}
      data-testid="summary-topic"
    >
      {data.label}
    </div>
  );
});

export const decorationTypes = {
  boundary: BoundaryView,
  bracket: BracketView,
  summary: SummaryView,
};
