import type { Marker } from '../../core/commands/mindmap.ts';
import type { EntityKind } from '../../core/register.ts';
import { ASCENT, DESCENT, textWidth, wrapText } from '../../render/metrics.ts';
import type { Shape } from '../../render/picture.ts';
import {
  IMAGE,
  labelLineHeight,
  labelWrapWidth,
  topicSizeWith,
  type LabelMeasure,
} from './measure.ts';
import { markerColor, topicIcon } from './renderIcons.ts';
import type { Box, Side } from './renderLines.ts';

/**
 * One topic drawn as the editor's TopicNode shows it (register.css `.topic`): a rounded box with a
 * 2 px border in the branch colour (the central topic filled), a row of markers, the linked
 * entity's kind, the wrapped label, the page reference and the note icon, an image above them, and
 * beside a folded topic the count of topics it hides.
 */

export interface TopicLook {
  id: string;
  label: string;
  root: boolean;
  markers: Marker[];
  color?: string;
  entityKind?: EntityKind;
  pages?: string;
  note: boolean;
  hiddenCount: number;
  rescued: boolean;
  image?: { hash: string; mime: string };
}

/** The editor's colours (register.css). */
export const TOPIC_BORDER = '#94a3b8';
const ROOT_FILL = '#0f2a5a';
const TEXT = '#1f2937';
const MUTED = '#475569';

const fontOf = (root: boolean) => ({ size: root ? 18 : 14, weight: root ? 600 : 400 }) as const;

/** Label text measured with Be Vietnam Pro's advance widths (what `topicSizeWith` needs). */
export const measureLabel: LabelMeasure = (text, root, max) => {
  const { size, weight } = fontOf(root);
  const lines = wrapText(text, size, weight, max);
  let width = 0;
  for (const line of lines) width = Math.max(width, textWidth(line, size, weight));
  return { width: Math.min(max, width), lines: lines.length };
};

// A label is wrapped once per look, though sizing and drawing both need its lines.
const wrapped = new WeakMap<TopicLook, { lines: string[]; width: number }>();

function wrappedLabel(look: TopicLook): { lines: string[]; width: number } {
  let out = wrapped.get(look);
  if (!out) {
    const { size, weight } = fontOf(look.root);
    const lines = wrapText(look.label, size, weight, labelWrapWidth(look.root));
    let width = 0;
    for (const line of lines) width = Math.max(width, textWidth(line, size, weight));
    out = { lines, width };
    wrapped.set(look, out);
  }
  return out;
}

/** The label's lines as drawn. */
export function labelLines(look: TopicLook): string[] {
  return wrappedLabel(look).lines;
}

const PAGES_SIZE = 12;
const pagesWidth = (pages: string) => textWidth(pages, PAGES_SIZE) + 8;

/** Width and height of the row of icons, label and badges (flex items 4 px apart). */
function rowItems(look: TopicLook): Array<{ kind: string; width: number }> {
  const labelWidth = wrappedLabel(look).width;
  const items: Array<{ kind: string; width: number }> = look.markers.map((m) => ({
    kind: `marker:${m}`,
    width: 16,
  }));
  if (look.entityKind) items.push({ kind: 'entity', width: 16 });
  items.push({ kind: 'label', width: labelWidth });
  if (look.pages) items.push({ kind: 'pages', width: pagesWidth(look.pages) });
  if (look.note) items.push({ kind: 'note', width: 14 });
  return items;
}

const rowWidth = (items: ReadonlyArray<{ width: number }>) =>
  items.reduce((sum, item) => sum + item.width, 0) + 4 * Math.max(0, items.length - 1);

/**
 * The size of a topic's box: the editor's `topicSize` with the font's metric table, widened only
 * when a page reference is wider than the room the editor keeps for it.
 */
export function topicBoxSize(look: TopicLook): { width: number; height: number } {
  const extras =
    look.markers.length + (look.entityKind ? 1 : 0) + (look.note ? 1 : 0) + (look.pages ? 2 : 0);
  // The label is measured as it is drawn (same wrap, same width).
  const size = topicSizeWith(
    { label: look.label, root: look.root, extras, image: look.image !== undefined },
    () => {
      const { lines, width } = wrappedLabel(look);
      return { width: Math.min(labelWrapWidth(look.root), width), lines: lines.length };
    },
  );
  return {
    width: Math.max(size.width, Math.ceil(rowWidth(rowItems(look)) + 28 + 4)),
    height: size.height,
  };
}

/** The baseline of a line of `size` px text centred in a line box of `line` px from `top`. */
export function baseline(top: number, size: number, line: number): number {
  return top + (line - (ASCENT - DESCENT) * size) / 2 + ASCENT * size;
}

/** The topic's group (`id`: the topic's id). */
export function drawTopic(look: TopicLook, box: Box, side: Side): Shape {
  const { size, weight } = fontOf(look.root);
  const line = labelLineHeight(look.root);
  const border = look.color ?? (look.root ? ROOT_FILL : TOPIC_BORDER);
  const children: Shape[] = [
    {
      kind: 'rect',
      x: box.x + 1,
      y: box.y + 1,
      width: box.width - 2,
      height: box.height - 2,
      radius: 7,
      fill: look.root ? (look.color ?? ROOT_FILL) : '#ffffff',
      stroke: border,
      strokeWidth: 2,
      ...(look.rescued ? { dash: [6, 4] } : {}),
    },
  ];
  const padY = look.root ? 12 : 8;
  const left = box.x + 2 + 12;
  const width = box.width - 4 - 24;
  let top = box.y + 2 + padY;
  let height = box.height - 4 - padY * 2;
  if (look.image) {
    // A light square under the picture, in case a reader cannot show the picture.
    const square = { x: left + (width - IMAGE) / 2, y: top, width: IMAGE, height: IMAGE };
    children.push({ kind: 'rect', ...square, radius: 4, fill: '#f1f5f9' });
    children.push({
      kind: 'image',
      x: left + (width - IMAGE) / 2,
      y: top,
      width: IMAGE,
      height: IMAGE,
      hash: look.image.hash,
      mime: look.image.mime,
    });
    top += IMAGE + 4;
    height -= IMAGE + 4;
  }
  const items = rowItems(look);
  const lines = labelLines(look);
  // The central topic centres its row and text; others start at the left.
  let x = look.root ? left + (width - rowWidth(items)) / 2 : left;
  const middle = top + height / 2;
  const textColor = look.root ? '#ffffff' : TEXT;
  for (const item of items) {
    if (item.kind.startsWith('marker:')) {
      const marker = item.kind.slice(7) as Marker;
      children.push(topicIcon(marker, x, middle - 8, 16, markerColor(marker, look.root)));
    } else if (item.kind === 'entity' && look.entityKind) {
      children.push(
        topicIcon(`entity-${look.entityKind}`, x, middle - 8, 16, look.root ? '#ffffff' : MUTED),
      );
    } else if (item.kind === 'note') {
      children.push(topicIcon('note', x, middle - 7, 14, MUTED));
    } else if (item.kind === 'pages' && look.pages) {
      children.push(
        {
          kind: 'rect',
          x,
          y: middle - 10,
          width: item.width,
          height: 20,
          radius: 4,
          fill: '#f1f5f9',
        },
        {
          kind: 'text',
          x: x + 4,
          y: baseline(middle - 10, PAGES_SIZE, 20),
          text: look.pages,
          size: PAGES_SIZE,
          fill: MUTED,
        },
      );
    } else if (item.kind === 'label') {
      const blockTop = middle - (lines.length * line) / 2;
      lines.forEach((text, i) => {
        if (text === '') return;
        children.push({
          kind: 'text',
          x: look.root ? x + item.width / 2 : x,
          y: baseline(blockTop + i * line, size, line),
          text,
          size,
          weight,
          fill: textColor,
          ...(look.root ? { anchor: 'middle' as const } : {}),
        });
      });
    }
    x += item.width + 4;
  }
  if (look.hiddenCount > 0) children.push(...foldBadge(look.hiddenCount, box, side, line));
  return { kind: 'group', id: look.id, children };
}

/** The badge beside a folded topic: "+N" in a grey pill outside the box (`.topic__folded`). */
function foldBadge(count: number, box: Box, side: Side, line: number): Shape[] {
  const text = `+${count}`;
  const width = textWidth(text, 11) + 12;
  const height = line;
  const pill =
    side === 'down'
      ? { x: box.x + box.width / 2 - width / 2, y: box.y + box.height - 2 + 22 - height }
      : side === 'left'
        ? { x: box.x + 2 - 30, y: box.y + box.height / 2 - height / 2 }
        : { x: box.x + box.width - 2 + 30 - width, y: box.y + box.height / 2 - height / 2 };
  return [
    { kind: 'rect', ...pill, width, height, radius: height / 2, fill: '#64748b' },
    {
      kind: 'text',
      x: pill.x + width / 2,
      y: baseline(pill.y, 11, height),
      text,
      size: 11,
      fill: '#ffffff',
      anchor: 'middle',
    },
  ];
}

/** The box a topic's fold badge occupies (for the picture's bounds). */
export function foldBadgeBox(count: number, box: Box, side: Side, root: boolean): Box {
  const width = textWidth(`+${count}`, 11) + 12;
  const height = labelLineHeight(root);
  if (side === 'down')
    return {
      x: box.x + box.width / 2 - width / 2,
      y: box.y + box.height + 20 - height,
      width,
      height,
    };
  return side === 'left'
    ? { x: box.x - 28, y: box.y + box.height / 2 - height / 2, width, height }
    : { x: box.x + box.width + 28 - width, y: box.y + box.height / 2 - height / 2, width, height };
}
