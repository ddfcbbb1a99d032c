import {
  cleanNote,
  cleanPlain,
  cleanText,
  ImportError,
  importer,
  TreeGuard,
  type MapSummary,
  type MapTopic,
  type MindMapModel,
} from './model.ts';
import { applyCarried, hexColor, markerFromXMind, pagesFromLabel } from './features.ts';
import { child, decodeXml, elements, localName, parseXml, textOf, type XmlElement } from './xml.ts';
import { isZip, readZip } from './zip.ts';

/**
 * XMind: a `.xmind` archive holding `content.json` (XMind Zen and later) or `content.xml` (XMind 8
 * and before), or either file alone. The first sheet is read: its root topic, attached children,
 * floating (detached) topics as further roots, notes, folding, relationships and summaries (with
 * their range, and the summary topic's own children).
 */
export const importXMind = importer('XMind', (bytes: Uint8Array): MindMapModel => {
  if (isZip(bytes)) {
    const files = readZip(bytes, (name) => name === 'content.json' || name === 'content.xml');
    if (files['content.json']) return fromJson(files['content.json']);
    if (files['content.xml']) return fromXml(files['content.xml']);
    throw new ImportError('notFormat', { format: 'XMind' });
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return fromJson(bytes);
  return fromXml(bytes);
});

interface JsonTopic {
  id?: string;
  title?: string;
  branch?: string;
  notes?: { plain?: { content?: string } };
  markers?: Array<{ markerId?: string }>;
  labels?: string[];
  href?: string;
  style?: { properties?: Record<string, unknown> };
  boundaries?: Array<{ range?: string; title?: string }>;
  children?: {
    attached?: JsonTopic[];
    detached?: JsonTopic[];
    summary?: JsonTopic[];
    callout?: JsonTopic[];
  };
  image?: { src?: string };
  summaries?: Array<{ range?: string; topicId?: string }>;
  position?: { x?: number; y?: number };
}

/**
 * What XMind keeps beside a topic's title: markers (CaseBoard's by the nearest XMind marker, others
 * kept by name), labels ("BL …" as pages, `caseboard:` ones as the field they carry), a link, the
 * branch colour and a boundary around the topic ("master").
 */
function readFeatures(
  topic: MapTopic,
  found: { markers: string[]; labels: string[]; href?: string; color?: string },
): void {
  const markers: string[] = [];
  const icons: string[] = [];
  for (const id of found.markers) {
    const marker = markerFromXMind(id);
    if (marker) markers.push(marker);
    else icons.push(id);
  }
  if (markers.length) topic.markers = [...new Set(markers)];
  if (icons.length) topic.icons = icons;
  const labels: string[] = [];
  for (const raw of found.labels) {
    const label = cleanPlain(raw);
    const pages = pagesFromLabel(label);
    const eq = label.indexOf('=');
    if (pages) topic.pages = pages;
    else if (!(eq > 0 && applyCarried(topic, label.slice(0, eq), label.slice(eq + 1))))
      if (label) labels.push(label);
  }
  if (labels.length) topic.labels = labels;
  if (found.href) topic.href = found.href;
  const color = hexColor(found.color);
  if (color) topic.color = color;
}

/** Boundaries: "master" around the topic itself, "(a,b)" around children a…b. */
function readBoundaries(
  topic: MapTopic,
  boundaries: ReadonlyArray<{ range?: string; title?: string }>,
): void {
  for (const b of boundaries) {
    const title = cleanPlain(String(b.title ?? ''));
    if ((b.range ?? 'master') === 'master') topic.boundary = title;
    else {
      const range = summaryRange(b.range, topic.children.length);
      if (range) for (let i = range[0]; i <= range[1]; i++) topic.children[i]!.boundary ??= title;
    }
  }
}

/** A floating topic's position, when the file gives one in numbers. */
function positionOf(x: unknown, y: unknown): { x: number; y: number } | undefined {
  const px = Number(x);
  const py = Number(y);
  return x !== undefined && y !== undefined && Number.isFinite(px) && Number.isFinite(py)
    ? { x: px, y: py }
    : undefined;
}

/** XMind's summary range "(first,last)" ("(2,)": one topic) as indices within `count` children. */
export function summaryRange(range: string | undefined, count: number): [number, number] | null {
  const match = /^\s*\(\s*(\d+)\s*,\s*(\d*)\s*\)\s*$/.exec(range ?? '');
  if (!match || count === 0) return null;
  const from = Math.min(Number(match[1]), count - 1);
  const to = match[2] ? Math.min(Number(match[2]), count - 1) : from;
  return from <= to ? [from, to] : [to, from];
}

/** The summaries of a topic: each summary entry joined to its summary topic by id. */
function joinSummaries(
  entries: ReadonlyArray<{ range?: string; topicId?: string }>,
  topics: ReadonlyMap<string, MapTopic>,
  childCount: number,
): MapSummary[] {
  const out: MapSummary[] = [];
  for (const entry of entries) {
    const topic = entry.topicId ? topics.get(entry.topicId) : undefined;
    const range = summaryRange(entry.range, childCount);
    if (topic && range) out.push({ from: range[0], to: range[1], topic });
  }
  return out;
}

function fromJson(bytes: Uint8Array): MindMapModel {
  let sheets: unknown;
  try {
    sheets = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new ImportError('badJson', {
      message: err instanceof Error ? err.message.slice(0, 200) : '',
    });
  }
  const list = (Array.isArray(sheets) ? sheets : [sheets]) as Array<JsonSheet | undefined>;
  if (!list[0]?.rootTopic) throw new ImportError('notFormat', { format: 'XMind' });
  const guard = new TreeGuard();
  const [first, ...rest] = list.map((sheet) => fromJsonSheet(sheet, guard));
  return { ...first!, ...(rest.length ? { sheets: rest } : {}) };
}

interface JsonSheet {
  title?: string;
  rootTopic?: JsonTopic;
  relationships?: Array<{ end1Id?: string; end2Id?: string; title?: string }>;
}

function fromJsonSheet(sheet: JsonSheet | undefined, guard: TreeGuard): MindMapModel {
  if (!sheet?.rootTopic) throw new ImportError('notFormat', { format: 'XMind' });
  const read = (topic: JsonTopic, depth: number): MapTopic => {
    guard.check(depth);
    const out: MapTopic = {
      label: cleanPlain(String(topic.title ?? '')),
      children: (topic.children?.attached ?? []).map((t) => read(t, depth + 1)),
    };
    const note = topic.notes?.plain?.content;
    if (typeof note === 'string' && note.trim()) out.note = cleanNote(note);
    if (topic.branch === 'folded') out.collapsed = true;
    if (topic.id) out.ref = topic.id;
    const properties = topic.style?.properties ?? {};
    readFeatures(out, {
      markers: (topic.markers ?? []).map((m) => String(m.markerId ?? '')).filter(Boolean),
      labels: Array.isArray(topic.labels) ? topic.labels.map(String) : [],
      ...(typeof topic.href === 'string' ? { href: topic.href } : {}),
      color: String(properties['line-color'] ?? properties['svg:fill'] ?? ''),
    });
    readBoundaries(out, topic.boundaries ?? []);
    const extra = [
      ...(topic.children?.callout ?? []).map((c) => ({
        name: 'callout',
        value: cleanText(String(c.title ?? '')),
      })),
      ...(typeof topic.image?.src === 'string' ? [{ name: 'image', value: topic.image.src }] : []),
    ];
    if (extra.length) out.attributes = [...(out.attributes ?? []), ...extra];
    const summaryTopics = new Map<string, MapTopic>();
    for (const t of topic.children?.summary ?? [])
      if (t.id) summaryTopics.set(t.id, read(t, depth + 1));
    const summaries = joinSummaries(topic.summaries ?? [], summaryTopics, out.children.length);
    if (summaries.length) out.summaries = summaries;
    return out;
  };
  const root = read(sheet.rootTopic, 0);
  const floating = (sheet.rootTopic.children?.detached ?? []).map((t) => {
    const topic = read(t, 0);
    const at = positionOf(t.position?.x, t.position?.y);
    if (at) topic.position = at;
    return topic;
  });
  return {
    title: cleanText(String(sheet.title ?? root.label)),
    roots: [root, ...floating],
    relationships: (sheet.relationships ?? [])
      .filter((r) => r.end1Id && r.end2Id)
      .map((r) => ({
        from: r.end1Id!,
        to: r.end2Id!,
        ...(r.title ? { label: cleanText(r.title) } : {}),
      })),
  };
}

const EMPTY: XmlElement = { name: '', attrs: {}, children: [] };

function fromXml(bytes: Uint8Array): MindMapModel {
  const content = parseXml(decodeXml(bytes));
  if (localName(content.name) !== 'xmap-content')
    throw new ImportError('notFormat', { format: 'XMind' });
  const guard = new TreeGuard();
  const [first, ...rest] = elements(content, 'sheet').map((sheet) => fromXmlSheet(sheet, guard));
  if (!first) throw new ImportError('empty');
  return { ...first, ...(rest.length ? { sheets: rest } : {}) };
}

function fromXmlSheet(sheet: XmlElement, guard: TreeGuard): MindMapModel {
  const rootTopic = child(sheet, 'topic');
  if (!rootTopic) throw new ImportError('empty');
  const floating: MapTopic[] = [];
  const topicsOf = (topic: XmlElement, type: string) =>
    elements(child(topic, 'children') ?? { name: '', attrs: {}, children: [] }, 'topics')
      .filter((t) => (t.attrs.type ?? 'attached') === type)
      .flatMap((t) => elements(t, 'topic'));
  const read = (topic: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const title = child(topic, 'title');
    const out: MapTopic = {
      label: cleanPlain(title ? textOf(title) : ''),
      children: topicsOf(topic, 'attached').map((t) => read(t, depth + 1)),
    };
    const notes = child(topic, 'notes');
    const plain = notes && child(notes, 'plain');
    const noteText = plain ? cleanNote(textOf(plain)) : '';
    if (noteText) out.note = noteText;
    if (topic.attrs.branch === 'folded') out.collapsed = true;
    if (topic.attrs.id) out.ref = topic.attrs.id;
    const list = (outer: string, inner: string) => elements(child(topic, outer) ?? EMPTY, inner);
    readFeatures(out, {
      markers: list('marker-refs', 'marker-ref').map((m) => m.attrs['marker-id'] ?? ''),
      labels: list('labels', 'label').map((l) => textOf(l)),
      ...(topic.attrs['xlink:href'] ? { href: topic.attrs['xlink:href'] } : {}),
    });
    readBoundaries(
      out,
      list('boundaries', 'boundary').map((b) => ({
        range: b.attrs.range,
        title: textOf(child(b, 'title') ?? EMPTY),
      })),
    );
    const image = child(topic, 'img')?.attrs['xhtml:src'];
    const extra = [
      ...topicsOf(topic, 'callout').map((c) => ({
        name: 'callout',
        value: cleanText(textOf(child(c, 'title') ?? EMPTY)),
      })),
      ...(image ? [{ name: 'image', value: image }] : []),
    ];
    if (extra.length) out.attributes = [...(out.attributes ?? []), ...extra];
    const summaryTopics = new Map<string, MapTopic>();
    for (const t of topicsOf(topic, 'summary'))
      if (t.attrs.id) summaryTopics.set(t.attrs.id, read(t, depth + 1));
    const entries = elements(child(topic, 'summaries') ?? EMPTY, 'summary').map((e) => ({
      range: e.attrs.range,
      topicId: e.attrs['topic-id'],
    }));
    const summaries = joinSummaries(entries, summaryTopics, out.children.length);
    if (summaries.length) out.summaries = summaries;
    for (const detached of topicsOf(topic, 'detached')) {
      const free = read(detached, 0);
      const position = child(detached, 'position');
      const at = position && positionOf(position.attrs['svg:x'], position.attrs['svg:y']);
      if (at) free.position = at;
      floating.push(free);
    }
    return out;
  };
  const root = read(rootTopic, 0);
  const relationships = elements(
    child(sheet, 'relationships') ?? { name: '', attrs: {}, children: [] },
    'relationship',
  )
    .filter((r) => r.attrs.end1 && r.attrs.end2)
    .map((r) => {
      const title = child(r, 'title');
      const label = title ? cleanText(textOf(title)) : '';
      return { from: r.attrs.end1!, to: r.attrs.end2!, ...(label ? { label } : {}) };
    });
  const sheetTitle = child(sheet, 'title');
  return {
    title: sheetTitle ? cleanText(textOf(sheetTitle)) : root.label,
    roots: [root, ...floating],
    relationships,
  };
}
