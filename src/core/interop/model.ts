import { fixLegacyTexts, type LegacyEncoding } from '../legacyText.ts';
import { stripControls } from '../text.ts';

/**
 * What every mind-map importer produces and every exporter reads: a forest of topics with notes,
 * fold state and relationship lines between topics. Importers are pure functions from bytes to this
 * model; `importMap` (core/commands/mindmap/interop.ts) writes it into a board in one transaction,
 * and pasted outlines take the same path (`insertOutline`).
 */

export interface MapTopic {
  label: string;
  note?: string;
  collapsed?: boolean;
  /** The topic's id in the source file, for relationships. */
  ref?: string;
  children: MapTopic[];
  /** Summaries over runs of `children`. */
  summaries?: MapSummary[];
  /** Where a floating topic (a root after the first) sits, from the central topic, in pixels. */
  position?: { x: number; y: number };
  /** CaseBoard markers (`MARKERS` in core/commands/mindmap/topics.ts). */
  markers?: string[];
  /** Branch colour, `#rrggbb`. */
  color?: string;
  /** A boundary around this topic's branch, with its label ('' for none). */
  boundary?: string;
  /** The register entry the topic is linked to (its id in the case). */
  entity?: string;
  /** Case-file pages cited ("12–15", shown "BL 12–15"). */
  pages?: string;
  /** The case file shown in the topic (its id in the case). */
  image?: string;
  /** What other programs have and CaseBoard keeps in the note (see `extrasOf` in commands). */
  href?: string;
  /** XMind labels. */
  labels?: string[];
  /** Freeplane attributes, OPML attributes without a field here, XMind callouts and comments. */
  attributes?: Array<{ name: string; value: string }>;
  /** Markers and icons of other programs with no CaseBoard marker (their names there). */
  icons?: string[];
  /** The side a main topic was put on (Freeplane, XMind). */
  side?: 'left' | 'right';
}

/**
 * Where a floating topic without a position of its own is put in a file that needs one (XMind,
 * Freeplane): below and right of the central topic, one under the other.
 */
export function floatingPosition(topic: MapTopic, index: number): { x: number; y: number } {
  return topic.position ?? { x: 360, y: 220 + 140 * index };
}

/**
 * A summary over the children `from`…`to` (indices, inclusive) of a topic. Its `topic` is the
 * summary's label, and in XMind and Freeplane it may have children and be the end of a
 * relationship like any topic.
 */
export interface MapSummary {
  from: number;
  to: number;
  topic: MapTopic;
}

/** Every topic of a forest, summary topics and their children included (iteratively). */
export function eachTopic(roots: readonly MapTopic[], visit: (topic: MapTopic) => void): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const topic = stack.pop()!;
    visit(topic);
    stack.push(...topic.children);
    for (const summary of topic.summaries ?? []) stack.push(summary.topic);
  }
}

export interface MapRelationship {
  from: string;
  to: string;
  label?: string;
}

export interface MindMapModel {
  title?: string;
  roots: MapTopic[];
  relationships: MapRelationship[];
  /** The further sheets of an XMind workbook, each a map of its own. */
  sheets?: MindMapModel[];
  /** Texts the file held in TCVN3 or VNI, converted to Unicode on import (`fixLegacyMap`). */
  legacy?: { encoding: LegacyEncoding; count: number };
}

/** Limits every importer keeps: a file past them is refused, never half read. */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  topics: 20_000,
  depth: 1_000,
  /** Zip archives: entries, and bytes once unpacked. */
  zipEntries: 2_000,
  zipBytes: 100 * 1024 * 1024,
  /** Characters in a label: the most a topic holds (see `setTopicLabel`). */
  label: 5_000,
};

/** A file that cannot be imported; `code` is an i18n key under `interop.errors`, `params` fill it. */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/**
 * An importer that keeps its contract: it returns a model within the limits, its texts in
 * Unicode (TCVN3 and VNI converted: `fixLegacyMap`), or throws
 * `ImportError`. A file shaped unlike its format (a number where a list belongs, `null` for a
 * topic) makes the reader throw whatever the engine throws; that becomes `malformed`, so a person
 * sees a translated sentence, never a TypeError.
 * @example importer('XMind', readXMind)(bytes) // throws ImportError('malformed', { format: 'XMind' })
 */
export function importer(
  format: string,
  read: (bytes: Uint8Array) => MindMapModel,
): (bytes: Uint8Array) => MindMapModel {
  return (bytes) => {
    let model: MindMapModel;
    try {
      model = read(bytes);
    } catch (err) {
      if (err instanceof ImportError) throw err;
      throw new ImportError('malformed', { format });
    }
    checkLabels(model);
    return fixLegacyMap(model);
  };
}

/** Refuses a label past `IMPORT_LIMITS.label`, naming where it starts (iteratively: deep maps). */
function checkLabels(model: MindMapModel): void {
  const tooLong = (text: string | undefined) =>
    text !== undefined && text.length > IMPORT_LIMITS.label;
  const refuse = (text: string) =>
    new ImportError('labelTooLong', {
      limit: IMPORT_LIMITS.label,
      length: text.length,
      start: text.slice(0, 40).trimEnd(),
    });
  eachTopic(model.roots, (topic) => {
    if (tooLong(topic.label)) throw refuse(topic.label);
  });
  for (const relation of model.relationships)
    if (tooLong(relation.label)) throw refuse(relation.label!);
}

/** Counts topics and depth as a tree is built, and stops at the limits with a clear error. */
export class TreeGuard {
  topics = 0;
  check(depth: number): void {
    if (depth > IMPORT_LIMITS.depth)
      throw new ImportError('tooDeep', { limit: IMPORT_LIMITS.depth });
    if (++this.topics > IMPORT_LIMITS.topics)
      throw new ImportError('tooMany', { limit: IMPORT_LIMITS.topics });
  }
}

/** NFC, and runs of white space inside a label made one space. */
export function cleanText(text: string): string {
  return stripControls(text).replace(/\s+/gu, ' ').trim();
}

/**
 * A label read from a format that stores it as plain text (an XML attribute, a JSON string, a
 * Markdown line): NFC, one kind of line break, trimmed; inner white space kept as written, so a
 * label comes back byte for byte.
 */
export function cleanPlain(text: string): string {
  return stripControls(text).trim();
}

/** NFC, keeping line breaks (notes), without trailing white space on lines. */
export function cleanNote(text: string): string {
  return stripControls(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Plain text of an HTML fragment: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : '';
      }
      return NAMED[name.toLowerCase()] ?? whole;
    });
}

/** Counts topics in a forest (iteratively: a deep tree must not overflow the stack). */
export function countTopics(roots: readonly MapTopic[]): number {
  let count = 0;
  eachTopic(roots, () => count++);
  return count;
}

/**
 * Converts a map's texts written in TCVN3 or VNI (see `core/legacyText.ts`) to Unicode, all the
 * texts of the file (every sheet) weighed together, and records on the model what was converted
 * so the import notice can say it. A map without such text is left as it is, without `legacy`.
 * @example fixLegacyMap(importFreeMind(bytes)).legacy // { encoding: 'tcvn3', count: 12 }
 */
export function fixLegacyMap(model: MindMapModel): MindMapModel {
  // Every place a text sits, read and written through the same list of slots.
  const slots: Array<{ get(): string; set(text: string): void; title?: true }> = [];
  const visit = (map: MindMapModel) => {
    // A title repeats the first topic's label in most formats: converted, but not counted.
    if (map.title !== undefined)
      slots.push({ get: () => map.title!, set: (t) => (map.title = t), title: true });
    eachTopic(map.roots, (topic) => {
      slots.push({ get: () => topic.label, set: (t) => (topic.label = t) });
      if (topic.note !== undefined)
        slots.push({ get: () => topic.note!, set: (t) => (topic.note = t) });
      if (topic.boundary)
        slots.push({ get: () => topic.boundary!, set: (t) => (topic.boundary = t) });
      topic.labels?.forEach((_, i) =>
        slots.push({ get: () => topic.labels![i]!, set: (t) => (topic.labels![i] = t) }),
      );
      for (const attribute of topic.attributes ?? [])
        slots.push({ get: () => attribute.value, set: (t) => (attribute.value = t) });
    });
    for (const relation of map.relationships)
      if (relation.label)
        slots.push({ get: () => relation.label!, set: (t) => (relation.label = t) });
    for (const sheet of map.sheets ?? []) visit(sheet);
  };
  visit(model);
  const before = slots.map((slot) => slot.get());
  const { texts, encoding } = fixLegacyTexts(before);
  if (!encoding) return model;
  let count = 0;
  texts.forEach((text, i) => {
    if (text === before[i]) return;
    slots[i]!.set(text);
    if (!slots[i]!.title) count++;
  });
  model.legacy = { encoding, count };
  return model;
}
