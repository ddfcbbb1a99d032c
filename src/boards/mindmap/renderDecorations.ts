import { wrapText } from '../../render/metrics.ts';
import type { Shape } from '../../render/picture.ts';
import { bracketPath, type Box } from './renderLines.ts';
import { baseline } from './renderTopic.ts';
import { SUMMARY_HEIGHT, type BoundaryPlace, type SummaryPlace } from './decorationPlaces.ts';

/** Boundaries and summaries drawn where `decorationPlaces` puts them (decorationPlaces.ts). */

/** A boundary as the editor draws it (`.boundary`): dashed, faintly filled, its label on top. */
export function drawBoundary(b: BoundaryPlace, color: string): Shape {
  const children: Shape[] = [
    {
      kind: 'rect',
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      radius: 12,
      fill: '#94a3b8',
      opacity: 0.08,
    },
    {
      kind: 'rect',
      x: b.x + 1,
      y: b.y + 1,
      width: b.width - 2,
      height: b.height - 2,
      radius: 11,
      fill: 'none',
      stroke: color,
      strokeWidth: 2,
      dash: [6, 4],
    },
  ];
  if (b.label)
    children.push({
      kind: 'text',
      x: b.x + 12,
      y: b.y + 16,
      text: b.label.normalize('NFC'),
      size: 12,
      weight: 600,
      fill: '#475569',
    });
  return { kind: 'group', id: `boundary:${b.topic}`, children };
}

const SUMMARY_LINE = 17;

/**
 * A summary's bracket and its label (`.summary-topic`: 13 px, centred, in a rounded box that grows
 * when the label wraps), and the box the label takes.
 */
export function drawSummary(s: SummaryPlace): { bracket: Shape; label: Shape; box: Box } {
  const lines = wrapText(s.summary.label, 13, 400, s.box.width - 24);
  const height = Math.max(SUMMARY_HEIGHT, lines.length * SUMMARY_LINE + 16);
  const box = { ...s.box, y: s.box.y - (height - s.box.height) / 2, height };
  const top = box.y + box.height / 2 - (lines.length * SUMMARY_LINE) / 2;
  const texts = lines.map((text, i): Shape => ({
    kind: 'text',
    x: box.x + box.width / 2,
    y: baseline(top + i * SUMMARY_LINE, 13, SUMMARY_LINE),
    text,
    size: 13,
    fill: '#1f2937',
    anchor: 'middle',
  }));
  return {
    bracket: {
      kind: 'path',
      d: bracketPath(s.bracket, s.side),
      stroke: '#64748b',
      strokeWidth: 2,
      fill: 'none',
    },
    label: {
      kind: 'group',
      id: `summary:${s.summary.id}`,
      children: [
        {
          kind: 'rect',
          x: box.x + 1,
          y: box.y + 1,
          width: box.width - 2,
          height: box.height - 2,
          radius: 16,
          fill: '#f8fafc',
          stroke: '#64748b',
          strokeWidth: 2,
        },
        ...texts,
      ],
    },
    box,
  };
}
