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
import { decodeXml, elements, localName, parseXml, textOf, type XmlElement } from './xml.ts';

/**
 * FreeMind and Freeplane `.mm`: `<map><node TEXT>`; rich text in `<richcontent TYPE="NODE">` (or, in
 * FreeMind 0.8, HTML inside `TEXT`), notes and details in `TYPE="NOTE"`/`"DETAILS"`, `FOLDED`,
 * and `<arrowlink DESTINATION>` as relationship lines.
 */
export const importFreeMind = importer('FreeMind', (bytes: Uint8Array): MindMapModel => {
  const map = parseXml(decodeXml(bytes));
  if (localName(map.name) !== 'map') throw new ImportError('notFormat', { format: 'FreeMind' });
  const guard = new TreeGuard();
  const relationships: MindMapModel['relationships'] = [];
  const read = (node: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const rich = (type: string) =>
      elements(node, 'richcontent').find((r) => (r.attrs.TYPE ?? '').toUpperCase() === type);
    const richNode = rich('NODE');
    const text = node.attrs.TEXT ?? '';
    const label = richNode
      ? cleanText(textOf(richNode))
      : /^\s*<html/i.test(text)
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
    topic.children = elements(node, 'node').map((n) => read(n, depth + 1));
    if (elements(node, 'hook').some((h) => h.attrs.NAME === 'FreeNode')) {
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
  const roots = elements(map, 'node').map((n) => read(n, 0));
  if (roots.length === 0) throw new ImportError('empty');
  // Free nodes (Freeplane's floating topics) under the root come out as further roots.
  const mainNodes = elements(map, 'node');
  roots.forEach((root, i) => {
    const free = elements(mainNodes[i]!, 'node').map((n) =>
      elements(n, 'hook').some((h) => h.attrs.NAME === 'FreeNode'),
    );
    if (!free.includes(true)) return;
    const floating = root.children.filter((_, n) => free[n]);
    root.children = root.children.filter((_, n) => !free[n]);
    roots.push(...floating);
  });
  return {
    title: roots[0]!.label,
    roots,
    relationships: relationships.filter((r) => r.from !== r.to),
  };
});
