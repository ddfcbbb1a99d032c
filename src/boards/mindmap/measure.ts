import { LruCache } from '../../ui/lruCache.ts';

/**
 * Topic sizes for the layout, computed from the text rather than measured in the DOM, so a layout
 * is one pass with no measure-then-move flicker. The node component renders with the same font,
 * padding and wrap width, so the boxes match.
 */
export const TOPIC_FONT = '14px "Be Vietnam Pro", system-ui, sans-serif';
export const ROOT_FONT = '600 18px "Be Vietnam Pro", system-ui, sans-serif';
export const TOPIC_TEXT_WIDTH = 220;
const PAD_X = 12;
const PAD_Y = 8;
const LINE = 20;
const ROOT_LINE = 26;
/** The side of a topic's image thumbnail. */
export const IMAGE = 72;

/**
 * How many topic sizes are kept: a 20,000-topic map's whole and more. Every layout asks for every
 * topic's size in the same order, so a cap below a map's size is a cache that never hits (a
 * 5,833-topic map under a cap of 5,000 measured every label again on every edit).
 */
export const TOPIC_SIZE_CAP = 50_000;

// The page's one canvas for measuring text, and the sizes it gave (bounded, forgotten when a web
// font loads). Words are measured once each: labels of a case map share most of their words, and a
// wrap that measured each growing line measured a 5,000-topic map's text some 50,000 times.
let context: CanvasRenderingContext2D | null = null;
let contextFont = '';
const cache = new LruCache<string, { width: number; height: number }>(TOPIC_SIZE_CAP);
const WORDS_CAP = 100_000;
const words = new Map<string, number>();

function measureText(text: string, font: string): number {
  if (typeof document === 'undefined') return text.length * 8;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 8;
  // Setting the font parses it: only when it changes.
  if (contextFont !== font) context.font = contextFont = font;
  return context.measureText(text).width;
}

/** A word's width in a font, measured once. */
function wordWidth(word: string, font: string): number {
  const key = `${font}\u0000${word}`;
  let width = words.get(key);
  if (width === undefined) {
    if (words.size >= WORDS_CAP) words.clear();
    width = measureText(word, font);
    words.set(key, width);
  }
  return width;
}

/**
 * Greedy word wrap at `max` px; returns the width of the widest line and the line count. A line's
 * width is the sum of its words' and spaces' widths (the font has no kerning across a space).
 */
function wrap(text: string, font: string, max: number): { width: number; lines: number } {
  const space = wordWidth(' ', font);
  let width = 0;
  let lines = 0;
  for (const paragraph of (text || ' ').split('\n')) {
    let line = 0;
    let started = false;
    for (const word of paragraph.split(/\s+/)) {
      const w = wordWidth(word, font);
      const candidate = started ? line + space + w : w;
      if (started && candidate > max) {
        width = Math.max(width, line);
        lines++;
        line = w;
      } else line = candidate;
      if (word) started = true;
    }
    width = Math.max(width, Math.min(max, line));
    lines++;
  }
  return { width: Math.min(max, width), lines };
}

/**
 * How a label's text is measured: the widest wrapped line and the line count at `max` px. The page
 * measures with its canvas (`topicSize`); the export renderer with Be Vietnam Pro's advance widths.
 */
export type LabelMeasure = (
  text: string,
  root: boolean,
  max: number,
) => { width: number; lines: number };

/** The wrap width of a topic's label. */
export const labelWrapWidth = (root: boolean): number =>
  root ? TOPIC_TEXT_WIDTH + 80 : TOPIC_TEXT_WIDTH;
/** The line height of a topic's label, in px. */
export const labelLineHeight = (root: boolean): number => (root ? ROOT_LINE : LINE);

/**
 * The box of a topic: its wrapped label plus room for markers and badges.
 * @example topicSize({ label: 'Bị can', root: false, extras: 1 }) // { width: 90, height: 36 }
 */
export function topicSize(args: {
  label: string;
  root: boolean;
  extras: number;
  image?: boolean;
}): {
  width: number;
  height: number;
} {
  const key = `${args.root ? 1 : 0}|${args.extras}|${args.image ? 1 : 0}|${args.label}`;
  let size = cache.get(key);
  if (!size) {
    size = topicSizeWith(args, (text, root, max) => wrap(text, root ? ROOT_FONT : TOPIC_FONT, max));
    cache.set(key, size);
  }
  return size;
}

/**
 * `topicSize` with the text measured by `measure` (no cache): the export renderer sizes topics with
 * the font's metric table so that it runs without a DOM.
 */
export function topicSizeWith(
  args: { label: string; root: boolean; extras: number; image?: boolean },
  measure: LabelMeasure,
): { width: number; height: number } {
  const text = measure(args.label, args.root, labelWrapWidth(args.root));
  const line = labelLineHeight(args.root);
  // Borders (2 px each side) and a little slack so the browser never wraps differently.
  return {
    width: Math.max(
      Math.ceil(text.width + PAD_X * 2 + args.extras * 20) + 8,
      args.image ? IMAGE + PAD_X * 2 + 8 : 0,
    ),
    height:
      Math.ceil(
        text.lines * line + PAD_Y * 2 + (args.root ? 8 : 0) + (args.image ? IMAGE + 4 : 0),
      ) + 4,
  };
}

/** Forgets measured sizes (when a web font finishes loading, text widths change). */
export function clearTopicSizes(): void {
  cache.clear();
  words.clear();
}

/** How many sizes are remembered now (for tests). */
export function topicSizesKept(): number {
  return cache.size;
}
