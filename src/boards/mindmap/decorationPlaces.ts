import type { Summary, Topic } from '../../core/commands/mindmap.ts';
import type { Box, Side } from './renderLines.ts';

/**
 * Where boundaries and summaries sit, for the editor (`decorations.tsx`) and the renderer
 * (`renderDecorations.ts`) alike: a boundary surrounds a topic's visible branch with a label band on
 * top; a summary's bracket runs along the outer edge of its run's branches and its label sits beyond
 * it, inside the run's band, so it never covers another topic.
 */

export interface PlacedBox extends Box {
  side: Side;
}

export interface BoundaryPlace extends Box {
  topic: string;
  label: string;
}

export interface SummaryPlace {
  summary: Summary;
  /** The topics the bracket spans (for build steps). */
  run: string[];
  side: Side;
  bracket: Box;
  box: Box;
}

const PAD = 10;
const LABEL = 18;
/** The height of a one-line summary label. */
export const SUMMARY_HEIGHT = 34;

function branchBox(id: string, children: Map<string, string[]>, placed: Map<string, PlacedBox>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const stack = [id];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const box = placed.get(node);
    if (!box) continue;
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
    stack.push(...(children.get(node) ?? []));
  }
  return { minX, minY, maxX, maxY };
}

/** The boundaries and summaries of a laid-out map (`placed`: the topics drawn). */
export function decorationPlaces(
  topics: readonly Topic[],
  summaries: readonly Summary[],
  placed: Map<string, PlacedBox>,
): { boundaries: BoundaryPlace[]; summaries: SummaryPlace[] } {
  const children = new Map<string, string[]>();
  for (const t of topics) {
    if (!t.parent) continue;
    const list = children.get(t.parent);
    if (list) list.push(t.id);
    else children.set(t.parent, [t.id]);
  }
  const boundaries: BoundaryPlace[] = [];
  for (const topic of topics) {
    if (topic.boundary === undefined || !placed.has(topic.id)) continue;
    const box = branchBox(topic.id, children, placed);
    const band = topic.boundary ? LABEL : 0;
    boundaries.push({
      topic: topic.id,
      label: topic.boundary,
      x: box.minX - PAD,
      y: box.minY - PAD - band,
      width: box.maxX - box.minX + PAD * 2,
      height: box.maxY - box.minY + PAD * 2 + band,
    });
  }
  const out: SummaryPlace[] = [];
  for (const summary of summaries) {
    const run = (children.get(summary.parent) ?? []).filter((id) => placed.has(id));
    const ids = run.length
      ? runBetween(
          topics.filter((t) => run.includes(t.id)),
          summary.from,
          summary.to,
        )
      : [];
    if (ids.length === 0) continue;
    const side = placed.get(ids[0]!)!.side;
    const boxes = ids.map((id) => branchBox(id, children, placed));
    const minY = Math.min(...boxes.map((b) => b.minY));
    const maxY = Math.max(...boxes.map((b) => b.maxY));
    const minX = Math.min(...boxes.map((b) => b.minX));
    const maxX = Math.max(...boxes.map((b) => b.maxX));
    const labelWidth = Math.min(240, 24 + summary.label.length * 8);
    if (side === 'down') {
      out.push({
        summary,
        run: ids,
        side,
        bracket: { x: minX, y: maxY + 6, width: maxX - minX, height: 14 },
        box: {
          x: (minX + maxX) / 2 - labelWidth / 2,
          y: maxY + 28,
          width: labelWidth,
          height: SUMMARY_HEIGHT,
        },
      });
      continue;
    }
    const x = side === 'left' ? minX - 20 : maxX + 6;
    out.push({
      summary,
      run: ids,
      side,
      bracket: { x, y: minY, width: 14, height: maxY - minY },
      box: {
        x: side === 'left' ? x - 12 - labelWidth : x + 26,
        y: (minY + maxY) / 2 - SUMMARY_HEIGHT / 2,
        width: labelWidth,
        height: SUMMARY_HEIGHT,
      },
    });
  }
  return { boundaries, summaries: out };
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
