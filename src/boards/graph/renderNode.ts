import type { Shape } from '../../render/picture.ts';
import { ASCENT, DESCENT, textWidth, wrapText } from '../../render/metrics.ts';
import type { FontWeight } from '../../render/fonts.ts';
import type { PartyType } from '../../core/links.ts';
import type { FactStatus } from '../../core/proof.ts';
import type { EntityKind } from '../../core/register.ts';
import { icon, type IconName } from './renderIcons.ts';

/**
 * A canvas node (src/canvas/CanvasNode.tsx with its CSS in register.css and graph.css) laid out
 * with Be Vietnam Pro's widths as the browser lays it out: a white box, 8 × 12 px padding, one row
 * of kind icon, thumbnail, label (15 px, wrapping, the whole node at most 260 px wide) and proof
 * badge, centred vertically. The export adds the entity's page reference ("BL 12–15") under the
 * label, in small grey type, which the editor keeps in the register.
 */

export interface NodeLook {
  id: string;
  x: number;
  y: number;
  label: string;
  entityKind?: EntityKind;
  party?: PartyType;
  brokenLink?: boolean;
  status?: FactStatus;
  /** The word of the status, in the export's language. */
  statusWord?: string;
  /** The entity's case-file page reference, as stored ("BL 12–15"). */
  pages?: string;
  /** The first picture of the entity, or the image node's picture. */
  thumbnail?: { hash: string; mime: string; size: number };
}

export interface NodeLayout {
  w: number;
  h: number;
  shapes: Shape[];
}

const FONT = 15;
const LINE = 1.45;
const PAD_X = 12;
const PAD_Y = 8;
const GAP = 6;
const MAX_W = 260;
const ICON = 14;
const BADGE_FONT = 11;
const PAGES_FONT = 12;
const TEXT = '#1f2937';
const MUTED = '#6b7280';
const BORDER = '#d6dae1';

const ICON_COLOR: Record<string, string> = {
  person: '#7c3aed',
  evidence: '#b45309',
  event: '#0f766e',
  fact: '#be123c',
};
const ACCENT = '#1d4ed8';
export const STATUS_LOOK: Record<
  FactStatus,
  { border: string; width: number; dash?: number[]; color: string; background: string }
> = {
  proven: { border: '#15803d', width: 1, color: '#15803d', background: '#dcfce7' },
  disputed: { border: '#b45309', width: 2, color: '#92400e', background: '#fef3c7' },
  unproven: { border: '#b91c1c', width: 2, dash: [6, 4], color: '#b91c1c', background: '#fee2e2' },
};

/** The baseline of text of `size` px set in a line box `lineHeight` px tall from `top`. */
export function baselineIn(top: number, size: number, lineHeight = size * LINE): number {
  return top + (lineHeight - (ASCENT - DESCENT) * size) / 2 + ASCENT * size;
}

function text(
  x: number,
  y: number,
  value: string,
  size: number,
  fill: string,
  weight: FontWeight = 400,
): Shape {
  return { kind: 'text', x, y, text: value, size, fill, weight };
}

/** A node's size and its shapes, relative to its top-left corner. */
export function layoutNode(node: NodeLook): NodeLayout {
  const status = node.status ? STATUS_LOOK[node.status] : null;
  const border = node.brokenLink ? 1 : (status?.width ?? 1);
  const iconName: IconName | null =
    node.entityKind ?? node.party ?? (node.brokenLink ? 'broken' : null);
  const thumb = node.thumbnail ? node.thumbnail.size : 0;
  const badgeWord = node.status ? (node.statusWord ?? node.status) : '';
  const badgeW = node.status ? 6 + ICON + 3 + textWidth(badgeWord, BADGE_FONT, 600) + 6 : 0;
  const badgeH = BADGE_FONT * LINE + 2;

  const fixed = [iconName ? ICON : 0, thumb, badgeW].filter((v) => v > 0);
  const room = MAX_W - 2 * border - 2 * PAD_X - fixed.reduce((a, b) => a + b + GAP, 0);
  const label = node.label || '…';
  const lines = wrapText(label, FONT, 400, Math.max(room, 20));
  const pages = node.pages ? wrapText(node.pages, PAGES_FONT, 400, Math.max(room, 20)) : [];
  const labelW = Math.min(
    Math.max(room, 20),
    Math.max(
      ...lines.map((l) => textWidth(l, FONT)),
      ...pages.map((l) => textWidth(l, PAGES_FONT)),
    ),
  );
  const labelH = lines.length * FONT * LINE + pages.length * PAGES_FONT * LINE;
  const innerH = Math.max(labelH, iconName ? ICON : 0, thumb, node.status ? badgeH : 0);
  const w = 2 * border + 2 * PAD_X + labelW + fixed.reduce((a, b) => a + b + GAP, 0);
  const h = 2 * border + 2 * PAD_Y + innerH;

  const shapes: Shape[] = [
    // The box's soft shadow (0 1px 2px rgba(0,0,0,.08)), then the box.
    { kind: 'rect', x: 0, y: 1, width: w, height: h, radius: 8, fill: '#000000', opacity: 0.06 },
    {
      kind: 'rect',
      x: border / 2,
      y: border / 2,
      width: w - border,
      height: h - border,
      radius: 8,
      fill: '#ffffff',
      stroke: node.brokenLink ? '#b91c1c' : (status?.border ?? BORDER),
      strokeWidth: border,
      ...(node.brokenLink ? { dash: [6, 4] } : status?.dash ? { dash: status.dash } : {}),
    },
  ];
  const middle = h / 2;
  let x = border + PAD_X;
  if (iconName) {
    const color = node.brokenLink ? '#b91c1c' : (ICON_COLOR[node.entityKind ?? ''] ?? ACCENT);
    shapes.push(icon(iconName, x, middle - ICON / 2, color));
    x += ICON + GAP;
  }
  if (node.thumbnail) {
    const t = node.thumbnail;
    if (t.mime.startsWith('image/'))
      shapes.push({
        kind: 'image',
        x,
        y: middle - thumb / 2,
        width: thumb,
        height: thumb,
        hash: t.hash,
        mime: t.mime,
      });
    else
      shapes.push({
        kind: 'rect',
        x,
        y: middle - thumb / 2,
        width: thumb,
        height: thumb,
        radius: 4,
        fill: '#f1f5f9',
        stroke: BORDER,
      });
    x += thumb + GAP;
  }
  let top = middle - labelH / 2;
  for (const value of lines) {
    shapes.push(text(x, baselineIn(top, FONT), value, FONT, TEXT));
    top += FONT * LINE;
  }
  for (const value of pages) {
    shapes.push(text(x, baselineIn(top, PAGES_FONT), value, PAGES_FONT, MUTED));
    top += PAGES_FONT * LINE;
  }
  x += labelW + GAP;
  if (node.status && status) {
    const y = middle - badgeH / 2;
    shapes.push(
      { kind: 'rect', x, y, width: badgeW, height: badgeH, radius: 8, fill: status.background },
      icon(node.status, x + 6, middle - ICON / 2, status.color),
      text(
        x + 6 + ICON + 3,
        baselineIn(y + 1, BADGE_FONT),
        badgeWord,
        BADGE_FONT,
        status.color,
        600,
      ),
    );
  }
  return { w, h, shapes };
}
