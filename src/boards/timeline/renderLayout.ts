import type { TimelineItem } from '../../core/timeline.ts';

/**
 * The timeline's layout without React: its opening zoom and its row stacking, for the editor
 * (TimelineBoard.tsx) and the renderer (render.ts) alike (tests/unit/render-timeline.test.ts pins
 * the numbers).
 */

export interface TimelineView {
  /** The instant at the left edge (UTC-coded local time). */
  from: number;
  msPerPx: number;
}

const MIN_MS_PER_PX = 60_000 / 240; // a minute is 240 px
const MAX_MS_PER_PX = (40 * 31_557_600_000) / 1000; // forty years in 1,000 px
/** About one character of the item labels, as the editor reserves room for them. */
export const LABEL_PX = 7;

/** A scale held between a minute in 240 px and forty years in 1,000 px. */
export function clampScale(msPerPx: number): number {
  return Math.min(MAX_MS_PER_PX, Math.max(MIN_MS_PER_PX, msPerPx));
}

/** The opening view: every event in `width` px, with room on the right for the last label. */
export function fitView(span: { from: number; to: number }, width: number): TimelineView {
  const ms = Math.max(span.to - span.from, 3_600_000);
  const msPerPx = clampScale(ms / Math.max(200, width - 300));
  return { from: span.from - 40 * msPerPx, msPerPx };
}

/** The evidence badge of an item: the names of one or two items, or how many. */
export function badgeText(item: TimelineItem): string {
  const names = item.evidence.map((e) => e.name);
  return names.length > 2 ? `${names.length}` : names.join(' · ');
}

/** Rows of a lane: each item goes in the first row where it does not run into the one before. */
export function stackRows(items: readonly TimelineItem[], view: TimelineView): TimelineItem[][] {
  const rows: Array<{ end: number; items: TimelineItem[] }> = [];
  for (const item of items) {
    const x = (item.start.at - view.from) / view.msPerPx;
    const bar = item.end ? Math.max(6, (item.end.until - item.start.at) / view.msPerPx) : 12;
    const badge = item.evidence.length === 0 ? 0 : 12 + 6 * Math.min(badgeText(item).length, 40);
    const end = x + bar + 8 + LABEL_PX * item.name.length + badge + 16;
    const row = rows.find((r) => r.end <= x);
    if (row) {
      row.end = end;
      row.items.push(item);
    } else rows.push({ end, items: [item] });
  }
  return rows.map((r) => r.items);
}
