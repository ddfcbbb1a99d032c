import {
  cleanNote,
  cleanPlain,
  cleanText,
  htmlToText,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';
import { applyCarried, hexColor, markerFromFreeplane } from './features.ts';
import { child, decodeXml, elements, localName, parseXml, textOf, type XmlElement } from './xml.ts';

/**
 * FreeMind and Freeplane `.mm`: `<map><node TEXT>`; rich text in `<richcontent TYPE="NODE">` (or, in
 * FreeMind 0.8, HTML inside `TEXT`), notes and details in `TYPE="NOTE"`/`"DETAILS"`, `FOLDED`,
 * `<arrowlink DESTINATION>` as relationship lines, icons, clouds, edge colours, links, attributes,
 * summary nodes, free nodes (as floating topics) and the side of main topics.
 */
/**
 * A rich-text label: white space collapsed as HTML shows it, paragraphs and `<br>` as line breaks.
 */
function richLabel(node: XmlElement): string {
  const BREAK = '\ue000';
  const lines = textOf(node, BREAK)
    .replace(/\s+/g, ' ')
    .split(BREAK)
    .map((line) => line.trim());
  while (lines.length && lines.at(-1) === '') lines.pop();
  while (lines.length && lines[0] === '') lines.shift();
  return cleanPlain(lines.join('\n'));
}

const hasHook = (node: XmlElement, name: string) =>
  elements(node, 'hook').some((h) => h.attrs.NAME === name);

/**
 * Icons (CaseBoard's markers by the nearest icon, others by name), the edge colour, a cloud, a
 * link and attributes (`caseboard:` ones as the field they carry).
 */
function readFeatures(node: XmlElement, topic: MapTopic): void {
  const markers: string[] = [];
  const icons: string[] = [];
  for (const icon of elements(node, 'icon')) {
    const name = icon.attrs.BUILTIN ?? '';
    const marker = markerFromFreeplane(name);
    if (marker) markers.push(marker);
    else if (name) icons.push(name);
  }
  if (markers.length) topic.markers = [...new Set(markers)];
  if (icons.length) topic.icons = icons;
  const color = hexColor(child(node, 'edge')?.attrs.COLOR);
  if (color) topic.color = color;
  if (child(node, 'cloud')) topic.boundary = '';
  if (node.attrs.LINK) topic.href = node.attrs.LINK;
  const attributes: Array<{ name: string; value: string }> = [];
  for (const a of elements(node, 'attribute')) {
    const name = cleanPlain(a.attrs.NAME ?? '');
    const value = cleanPlain(a.attrs.VALUE ?? '');
    if (!name || applyCarried(topic, name, value)) continue;
    attributes.push({ name, value });
  }
  if (attributes.length) topic.attributes = attributes;
}

export const importFreeMind = importer('FreeMind', (bytes: Uint8Array): MindMapModel => {
  const map = parseXml(decodeXml(bytes));
  if (localName(map.name) !== 'map') throw new ImportError('notFormat', { format: 'FreeMind' });
  const legacyHtml = /^0\./.test(map.attrs.version ?? '');
  const guard = new TreeGuard();
  const relationships: MindMapModel['relationships'] = [];
  const read = (node: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const rich = (type: string) =>
      elements(node, 'richcontent').find((r) => (r.attrs.TYPE ?? '').toUpperCase() === type);
    const richNode = rich('NODE');
    const text = node.attrs.TEXT ?? '';
    // Rich text is `<richcontent TYPE="NODE">`; FreeMind before 1.0 also kept HTML in TEXT. Any
    // other TEXT is the label as written, even one that begins "<html>".
    const label = richNode
      ? richLabel(richNode)
      : legacyHtml && /^\s*<html/i.test(text)
        ? cleanText(htmlToText(text))
        : cleanPlain(text);
    const notes = [rich('DETAILS'), rich('NOTE')]
      .filter((r): r is XmlElement => !!r)
      .map((r) => cleanNote(textOf(r)))
      .filter(Boolean);
    const topic: MapTopic = { label, children: [] };
    if (notes.length) topic.note = notes.join('\n\n');
    if (node.attrs.FOLDED === 'true') topic.collapsed = true;
    if (node.attrs.ID) topic.ref = node.attrs.ID;
    for (const arrow of elements(node, 'arrowlink')) {
      if (node.attrs.ID && arrow.attrs.DESTINATION)
        relationships.push({
          from: node.attrs.ID,
          to: arrow.attrs.DESTINATION,
          ...(arrow.attrs.MIDDLE_LABEL ? { label: cleanText(arrow.attrs.MIDDLE_LABEL) } : {}),
        });
    }
    readFeatures(node, topic);
    readChildren(node, topic, depth);
    if (hasHook(node, 'FreeNode')) {
      const gap = parseFloat(node.attrs.HGAP_QUANTITY ?? node.attrs.HGAP ?? '');
      const shift = parseFloat(node.attrs.VSHIFT_QUANTITY ?? node.attrs.VSHIFT ?? '');
      if (Number.isFinite(gap) || Number.isFinite(shift))
        topic.position = {
          x: (node.attrs.POSITION === 'left' ? -1 : 1) * (Number.isFinite(gap) ? gap : 0),
          y: Number.isFinite(shift) ? shift : 0,
        };
    }
    return topic;
  };
  /**
   * Children in order; Freeplane's summary groups are an empty FirstGroupNode marker where a group
   * starts (the first child when there is none) and a SummaryNode after its last node.
   */
  const readChildren = (node: XmlElement, topic: MapTopic, depth: number) => {
    // Group starts not yet closed by a summary (nested groups close the latest first).
    const starts: number[] = [];
    let afterLast = 0;
    for (const n of elements(node, 'node')) {
      if (hasHook(n, 'FirstGroupNode')) {
        starts.push(topic.children.length);
        // An empty node only marks the start; a topic with the hook starts the group itself.
        const marker =
          !n.attrs.TEXT && elements(n, 'node').length === 0 && !child(n, 'richcontent');
        if (marker) continue;
      }
      if (hasHook(n, 'SummaryNode')) {
        const from = starts.pop() ?? afterLast;
        const to = topic.children.length - 1;
        const summary = read(n, depth + 1);
        if (to >= from) (topic.summaries ??= []).push({ from, to, topic: summary });
        else topic.children.push(summary);
        afterLast = topic.children.length;
        continue;
      }
      const next = read(n, depth + 1);
      const side = n.attrs.POSITION;
      if (depth === 0 && hasHook(n, 'FreeNode')) floating.push(next);
      else topic.children.push(next);
      // The side of a main topic; a free node is placed by its position instead.
      if (depth === 0 && !hasHook(n, 'FreeNode') && (side === 'left' || side === 'right'))
        next.side = side;
    }
  };
  const floating: MapTopic[] = [];
  const roots = elements(map, 'node').map((n) => read(n, 0));
  if (roots.length === 0) throw new ImportError('empty');
  // Free nodes (Freeplane's floating topics) under the root come out as further roots.
  roots.push(...floating);
  // Freeplane writes a side on every main topic; it says something only when both are used.
  for (const root of roots) {
    const sides = new Set(root.children.map((c) => c.side));
    if (!(sides.has('left') && sides.has('right'))) for (const c of root.children) delete c.side;
  }
  return {
    title: roots[0]!.label,
    roots,
    relationships: relationships.filter((r) => r.from !== r.to),
  };
});
