import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { Summary, Topic } from '../../core/commands/mindmap.ts';
import type { TopicNode } from './view.ts';

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

const PAD = 10;
const LABEL = 18;

/** The box around a topic and its visible branch. */
function branchBox(id: string, children: Map<string, string[]>, placed: Map<string, TopicNode>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const stack = [id];
  while (stack.length > 0) {
    const node = placed.get(stack.pop()!);
    if (!node) continue;
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + node.data.width);
    maxY = Math.max(maxY, node.position.y + node.data.height);
    stack.push(...(children.get(node.id) ?? []));
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Boundaries around branches and summary brackets, as nodes drawn beneath the topics. A summary
 * topic sits beyond the outer edge of its run's branches, inside the run's own band, so it never
 * covers another topic.
 */
export function decorations(
  topics: readonly Topic[],
  summaries: readonly Summary[],
  placed: Map<string, TopicNode>,
): DecorationNode[] {
  const children = new Map<string, string[]>();
  for (const t of topics)
    if (t.parent) children.set(t.parent, [...(children.get(t.parent) ?? []), t.id]);
  const out: DecorationNode[] = [];
  for (const topic of topics) {
    if (topic.boundary === undefined || !placed.has(topic.id)) continue;
    const box = branchBox(topic.id, children, placed);
    const width = box.maxX - box.minX + PAD * 2;
    const height = box.maxY - box.minY + PAD * 2 + (topic.boundary ? LABEL : 0);
    out.push({
      id: `boundary:${topic.id}`,
      type: 'boundary',
      position: { x: box.minX - PAD, y: box.minY - PAD - (topic.boundary ? LABEL : 0) },
      data: { label: topic.boundary, color: placed.get(topic.id)!.data.color, width, height },
      width,
      height,
      draggable: false,
      selectable: false,
      zIndex: -1,
    });
  }
  for (const summary of summaries) {
    const run = (children.get(summary.parent) ?? []).filter((id) => placed.has(id));
    const order = topics.filter((t) => run.includes(t.id));
    const ids = run.length ? runBetween(order, summary.from, summary.to) : [];
    if (ids.length === 0) continue;
    const side = placed.get(ids[0]!)!.data.side;
    const boxes = ids.map((id) => branchBox(id, children, placed));
    const minY = Math.min(...boxes.map((b) => b.minY));
    const maxY = Math.max(...boxes.map((b) => b.maxY));
    const minX = Math.min(...boxes.map((b) => b.minX));
    const maxX = Math.max(...boxes.map((b) => b.maxX));
    const labelWidth = Math.min(240, 24 + summary.label.length * 8);
    if (side === 'down') {
      out.push({
        id: `bracket:${summary.id}`,
        type: 'bracket',
        position: { x: minX, y: maxY + 6 },
        data: { side, width: maxX - minX, height: 14 },
        draggable: false,
        selectable: false,
      });
      out.push({
        id: `summary:${summary.id}`,
        type: 'summary',
        position: { x: (minX + maxX) / 2 - labelWidth / 2, y: maxY + 28 },
        data: { label: summary.label, summary: summary.id, width: labelWidth, height: 34 },
        draggable: false,
        selectable: false,
      });
      continue;
    }
    const x = side === 'left' ? minX - 20 : maxX + 6;
    out.push({
      id: `bracket:${summary.id}`,
      type: 'bracket',
      position: { x, y: minY },
      data: { side, width: 14, height: maxY - minY },
      draggable: false,
      selectable: false,
    });
    out.push({
      id: `summary:${summary.id}`,
      type: 'summary',
      position: { x: side === 'left' ? x - 12 - labelWidth : x + 26, y: (minY + maxY) / 2 - 17 },
      data: { label: summary.label, summary: summary.id, width: labelWidth, height: 34 },
      draggable: false,
      selectable: false,
    });
  }
  return out;
}

function runBetween(ordered: readonly Topic[], from: string, to: string): string[] {
  const sorted = [...ordered].sort((a, b) =>
    a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  const i = sorted.findIndex((t) => t.id === from);
  const j = sorted.findIndex((t) => t.id === to);
  if (i < 0 || j < 0) return [];
  return sorted.slice(Math.min(i, j), Math.max(i, j) + 1).map((t) => t.id);
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
