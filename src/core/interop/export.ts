import { escapeXml } from './xml.ts';
import { writeZip } from './zip.ts';
export { escapeMarkdown, exportMarkdown } from './markdown.ts';
import { floatingPosition, type MapTopic, type MindMapModel } from './model.ts';

/**
 * Writers for the mind-map formats other programs read: Markdown, OPML 2.0, FreeMind `.mm` (read by
 * FreeMind and Freeplane) and XMind (`.xmind` with content.json, manifest.json, metadata.json).
 */

export function exportOpml(model: MindMapModel): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(model.title ?? model.roots[0]?.label ?? '')}</title></head>`,
    '  <body>',
  ];
  const walk = (topic: MapTopic, depth: number, floating = false) => {
    const pad = '  '.repeat(depth + 2);
    const attrs = `text="${escapeXml(topic.label)}"${topic.note ? ` _note="${escapeXml(topic.note)}"` : ''}${floating ? ' _floating="true"' : ''}`;
    if (topic.children.length === 0) out.push(`${pad}<outline ${attrs}/>`);
    else {
      out.push(`${pad}<outline ${attrs}>`);
      for (const c of topic.children) walk(c, depth + 1);
      out.push(`${pad}</outline>`);
    }
  };
  // Floating topics are further top outlines, marked so that they are not put under the title.
  model.roots.forEach((root, i) => walk(root, 0, i > 0));
  out.push('  </body>', '</opml>', '');
  return out.join('\n');
}

export function exportFreeMind(model: MindMapModel): string {
  const out: string[] = ['<map version="1.0.1">'];
  // One root; the further roots are floating topics, which Freeplane keeps as free nodes: children
  // of the root with the FreeNode hook, placed by their distance from it.
  const [main = { label: model.title ?? '', children: [] }, ...floating] = model.roots;
  const free = new Set(floating);
  const roots = [{ ...main, children: [...main.children, ...floating] }];
  // Ids once, for every topic written, before the arrows are looked up.
  let next = 0;
  const ids = new Map<MapTopic, string>();
  const refs = new Map<string, string>();
  const assign = (topic: MapTopic) => {
    const id = `ID_${++next}`;
    ids.set(topic, id);
    if (topic.ref) refs.set(topic.ref, id);
    topic.children.forEach(assign);
  };
  roots.forEach(assign);
  const arrows = new Map<string, Array<{ to: string; label?: string }>>();
  for (const r of model.relationships) {
    const from = refs.get(r.from);
    const to = refs.get(r.to);
    if (from && to)
      arrows.set(from, [
        ...(arrows.get(from) ?? []),
        { to, ...(r.label ? { label: r.label } : {}) },
      ]);
  }
  const walk = (topic: MapTopic, depth: number) => {
    const pad = ' '.repeat(depth + 1);
    const id = ids.get(topic)!;
    const at = free.has(topic) ? floatingPosition(topic, floating.indexOf(topic)) : null;
    const place = at
      ? ` POSITION="${at.x < 0 ? 'left' : 'right'}" HGAP_QUANTITY="${Math.abs(Math.round(at.x))} px" VSHIFT_QUANTITY="${Math.round(at.y)} px"`
      : '';
    out.push(
      `${pad}<node TEXT="${escapeXml(topic.label)}" ID="${id}"${topic.collapsed ? ' FOLDED="true"' : ''}${place}>`,
    );
    if (at) out.push(`${pad} <hook NAME="FreeNode"/>`);
    if (topic.note) {
      const paragraphs = topic.note
        .split('\n')
        .map((line) => `<p>${escapeXml(line)}</p>`)
        .join('');
      out.push(
        `${pad} <richcontent TYPE="NOTE"><html><head></head><body>${paragraphs}</body></html></richcontent>`,
      );
    }
    for (const a of arrows.get(id) ?? [])
      out.push(
        `${pad} <arrowlink DESTINATION="${a.to}"${a.label ? ` MIDDLE_LABEL="${escapeXml(a.label)}"` : ''}/>`,
      );
    for (const c of topic.children) walk(c, depth + 1);
    out.push(`${pad}</node>`);
  };
  for (const root of roots) walk(root, 0);
  out.push('</map>', '');
  return out.join('\n');
}

/** An `.xmind` archive of one sheet, as XMind 2020 and later write it. */
export function exportXMind(model: MindMapModel, now = Date.now()): Uint8Array {
  let next = 0;
  const ids = new Map<string, string>();
  const idOf = () => `cb${(++next).toString(36)}${now.toString(36)}`;
  type Json = Record<string, unknown>;
  const topicJson = (topic: MapTopic): Json => {
    const id = idOf();
    if (topic.ref) ids.set(topic.ref, id);
    return {
      id,
      class: 'topic',
      title: topic.label,
      ...(topic.collapsed ? { branch: 'folded' } : {}),
      ...(topic.note ? { notes: { plain: { content: topic.note } } } : {}),
      ...(topic.children.length ? { children: { attached: topic.children.map(topicJson) } } : {}),
    };
  };
  const [first, ...rest] = model.roots;
  const root = first ? topicJson(first) : { id: idOf(), class: 'topic', title: model.title ?? '' };
  // Floating topics: detached topics placed from the central topic, as XMind keeps them.
  if (rest.length)
    (root as Json).children = {
      ...((root as Json).children as Json),
      detached: rest.map((topic, i) => ({
        ...topicJson(topic),
        position: floatingPosition(topic, i),
      })),
    };
  (root as Json).structureClass = 'org.xmind.ui.map.unbalanced';
  const sheet = {
    id: idOf(),
    class: 'sheet',
    title: model.title ?? first?.label ?? '',
    rootTopic: root,
    relationships: model.relationships
      .filter((r) => ids.has(r.from) && ids.has(r.to))
      .map((r) => ({
        id: idOf(),
        end1Id: ids.get(r.from),
        end2Id: ids.get(r.to),
        ...(r.label ? { title: r.label } : {}),
      })),
  };
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return writeZip({
    'content.json': encode([sheet]),
    'metadata.json': encode({ creator: { name: 'CaseBoard', version: '0.1.0' } }),
    'manifest.json': encode({ 'file-entries': { 'content.json': {}, 'metadata.json': {} } }),
  });
}
