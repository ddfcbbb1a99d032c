import {
  cleanNote,
  cleanPlain,
  cleanText,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';
import { child, decodeXml, elements, localName, parseXml, textOf, type XmlElement } from './xml.ts';

/** OPML 1 and 2: `<opml><head><title>` and nested `<outline text>`, notes from `_note`. */
export const importOpml = importer('OPML', (bytes: Uint8Array): MindMapModel => {
  const opml = parseXml(decodeXml(bytes));
  if (localName(opml.name) !== 'opml') throw new ImportError('notFormat', { format: 'OPML' });
  const body = child(opml, 'body');
  if (!body) throw new ImportError('empty');
  const head = child(opml, 'head');
  const title = head
    ? cleanText(textOf(child(head, 'title') ?? { name: '', attrs: {}, children: [] }))
    : '';
  const guard = new TreeGuard();
  const read = (outline: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const topic: MapTopic = {
      label: cleanPlain(outline.attrs.text ?? outline.attrs.title ?? ''),
      children: elements(outline, 'outline').map((o) => read(o, depth + 1)),
    };
    const note = outline.attrs._note ?? outline.attrs.note;
    if (note) topic.note = cleanNote(note);
    return topic;
  };
  const top = elements(body, 'outline');
  const outlines = top.map((o) => read(o, title ? 1 : 0));
  if (outlines.length === 0) throw new ImportError('empty');
  // A titled outline of several top items becomes one map under its title, unless the further
  // items are marked as floating topics (as CaseBoard writes them).
  const floating = top.slice(1).some((o) => o.attrs._floating === 'true');
  const roots =
    title && outlines.length > 1 && !floating ? [{ label: title, children: outlines }] : outlines;
  return { ...(title ? { title } : {}), roots, relationships: [] };
});
