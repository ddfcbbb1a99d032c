import {
  cleanNote,
  cleanText,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';
import { child, decodeXml, elements, localName, parseXml, textOf, type XmlElement } from './xml.ts';
import { isZip, readZip } from './zip.ts';

/**
 * XMind: a `.xmind` archive holding `content.json` (XMind Zen and later) or `content.xml` (XMind 8
 * and before), or either file alone. The first sheet is read: its root topic, attached children,
 * floating (detached) topics as further roots, notes, folding and relationships. Summary topics
 * are kept as notes of the topic they summarise (the summary range is not kept).
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
  children?: { attached?: JsonTopic[]; detached?: JsonTopic[]; summary?: JsonTopic[] };
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
  const sheet = (Array.isArray(sheets) ? sheets[0] : sheets) as
    | {
        title?: string;
        rootTopic?: JsonTopic;
        relationships?: Array<{ end1Id?: string; end2Id?: string; title?: string }>;
      }
    | undefined;
  if (!sheet?.rootTopic) throw new ImportError('notFormat', { format: 'XMind' });
  const guard = new TreeGuard();
  const read = (topic: JsonTopic, depth: number): MapTopic => {
    guard.check(depth);
    const out: MapTopic = {
      label: cleanText(String(topic.title ?? '')),
      children: (topic.children?.attached ?? []).map((t) => read(t, depth + 1)),
    };
    const note = topic.notes?.plain?.content;
    if (typeof note === 'string' && note.trim()) out.note = cleanNote(note);
    if (topic.branch === 'folded') out.collapsed = true;
    if (topic.id) out.ref = topic.id;
    return out;
  };
  const root = read(sheet.rootTopic, 0);
  const floating = (sheet.rootTopic.children?.detached ?? []).map((t) => read(t, 0));
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

function fromXml(bytes: Uint8Array): MindMapModel {
  const content = parseXml(decodeXml(bytes));
  if (localName(content.name) !== 'xmap-content')
    throw new ImportError('notFormat', { format: 'XMind' });
  const sheet = child(content, 'sheet');
  const rootTopic = sheet && child(sheet, 'topic');
  if (!sheet || !rootTopic) throw new ImportError('empty');
  const guard = new TreeGuard();
  const floating: MapTopic[] = [];
  const topicsOf = (topic: XmlElement, type: string) =>
    elements(child(topic, 'children') ?? { name: '', attrs: {}, children: [] }, 'topics')
      .filter((t) => (t.attrs.type ?? 'attached') === type)
      .flatMap((t) => elements(t, 'topic'));
  const read = (topic: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const title = child(topic, 'title');
    const out: MapTopic = {
      label: cleanText(title ? textOf(title) : ''),
      children: topicsOf(topic, 'attached').map((t) => read(t, depth + 1)),
    };
    const notes = child(topic, 'notes');
    const plain = notes && child(notes, 'plain');
    const summaries = topicsOf(topic, 'summary').map((t) =>
      cleanText(textOf(child(t, 'title') ?? t)),
    );
    const noteText = [plain ? cleanNote(textOf(plain)) : '', ...summaries.map((s) => `Σ ${s}`)]
      .filter(Boolean)
      .join('\n');
    if (noteText) out.note = noteText;
    if (topic.attrs.branch === 'folded') out.collapsed = true;
    if (topic.attrs.id) out.ref = topic.attrs.id;
    for (const detached of topicsOf(topic, 'detached')) floating.push(read(detached, 0));
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
