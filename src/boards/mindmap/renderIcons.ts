import type { Marker } from '../../core/commands/mindmap.ts';
import type { EntityKind } from '../../core/register.ts';
import type { Shape } from '../../render/picture.ts';

/**
 * The topic icons the editor draws with lucide (markers, the linked entity's kind, the note), as
 * plain vector strokes on lucide's 24-unit grid, so that every export draws them without an icon or
 * emoji font. Arcs are written as quadratic curves (the picture format has no arcs).
 */

export type TopicIcon = Marker | `entity-${EntityKind}` | 'note';

type Part =
  { circle: [number, number, number] } | { rect: [number, number, number, number] } | string;

const DOC = 'M14 2L6 2Q4 2 4 4L4 20Q4 22 6 22L18 22Q20 22 20 20L20 8ZM14 2L14 8L20 8';
const PERSON_BODY = 'M2 21L2 19Q2 15 6 15L12 15Q16 15 16 19L16 21';

const PARTS: Record<TopicIcon, Part[]> = {
  suspect: [{ circle: [9, 7, 4] }, PERSON_BODY, 'M17 8L22 13M22 8L17 13'],
  victim: [{ circle: [12, 7, 4] }, 'M5 21L5 19Q5 15 9 15L15 15Q19 15 19 19L19 21'],
  witness: ['M2 12Q12 1 22 12Q12 23 2 12Z', { circle: [12, 12, 3] }],
  'physical-evidence': [DOC, { circle: [11.5, 14.5, 2.5] }, 'M13.3 16.3L15 18'],
  document: [DOC, 'M8 13L16 13M8 17L16 17M8 9L10 9'],
  expert: [
    'M6 18L14 18M3 22L21 22M14 22Q19 22 19 15Q19 10 14 9',
    'M9 12Q7 12 7 10L7 4L12 4L12 10Q12 12 10 12ZM9 14L11 14',
  ],
  deadline: [{ circle: [12, 12, 10] }, 'M12 6L12 12L16 14'],
  warning: [
    'M10.3 3.9L1.8 18Q1 20.5 3.6 21L20.4 21Q23 20.5 22.2 18L13.7 3.9Q12 1.5 10.3 3.9Z',
    'M12 9L12 13M12 17L12.01 17',
  ],
  question: [
    { circle: [12, 12, 10] },
    'M9.1 9Q9.5 6.5 12 6.5Q15 6.5 15 9Q15 11 12 12L12 13M12 17L12.01 17',
  ],
  done: [{ circle: [12, 12, 10] }, 'M9 12L11 14L15 10'],
  'entity-person': [
    { circle: [9, 7, 4] },
    PERSON_BODY,
    'M16 3.13Q19 4 19 7Q19 10 16 10.87M22 21L22 19Q22 16 19 15.13',
  ],
  'entity-evidence': [DOC, { circle: [11.5, 14.5, 2.5] }, 'M13.3 16.3L15 18'],
  'entity-event': [{ rect: [3, 4, 18, 18] }, 'M16 2L16 6M8 2L8 6M3 10L21 10'],
  'entity-fact': ['M4 15Q8 12 12 15Q16 18 20 15L20 3Q16 6 12 3Q8 0 4 3ZM4 22L4 15'],
  'entity-place': ['M20 10Q20 16 12 22Q4 16 4 10Q4 2 12 2Q20 2 20 10Z', { circle: [12, 10, 3] }],
  note: ['M16 3L5 3Q3 3 3 5L3 19Q3 21 5 21L19 21Q21 21 21 19L21 8ZM15 3L15 9L21 9'],
};

/** The colours of markers as the editor shows them (register.css, `.marker--*`). */
export function markerColor(marker: Marker, root: boolean): string {
  if (marker === 'suspect' || marker === 'warning') return '#b91c1c';
  if (marker === 'deadline') return '#b45309';
  if (marker === 'done') return '#15803d';
  return root ? '#ffffff' : '#475569';
}

/**
 * An icon of `size` px whose top-left corner is at (x, y), stroked in `color` (lucide's 2-unit
 * stroke, rounded).
 */
export function topicIcon(
  icon: TopicIcon,
  x: number,
  y: number,
  size: number,
  color: string,
): Shape {
  const s = size / 24;
  const stroke = { fill: 'none', stroke: color, strokeWidth: 2 } as const;
  const children: Shape[] = PARTS[icon].map((part): Shape => {
    if (typeof part === 'string')
      return { kind: 'path', d: part, ...stroke, lineCap: 'round', lineJoin: 'round' };
    if ('circle' in part) {
      const [cx, cy, r] = part.circle;
      return { kind: 'ellipse', cx, cy, rx: r, ry: r, ...stroke };
    }
    const [rx, ry, width, height] = part.rect;
    return { kind: 'rect', x: rx, y: ry, width, height, radius: 2, ...stroke };
  });
  return { kind: 'group', id: `icon:${icon}`, transform: [s, 0, 0, s, x, y], children };
}
