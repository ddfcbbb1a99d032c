import { carriedOf, pagesLabel, PREFIX, XMIND_MARKERS } from './features.ts';
import { floatingPosition, type MapTopic, type MindMapModel } from './model.ts';
import { contentXml, manifestXml, META_XML } from './xmind8Write.ts';
import { writeZip } from './zip.ts';

/**
 * XMind out: one sheet, written as XMind 2020 and later write it (content.json, metadata.json,
 * manifest.json) with XMind 8's content.xml, meta.xml and META-INF/manifest.xml beside it. Markers, labels, the branch colour, boundaries, summaries, links and floating
 * topics use XMind's own fields; a register link and a picture travel as `caseboard:` labels, the
 * pages cited as a "BL …" label.
 */

type Json = Record<string, unknown>;

/** The labels a topic is written with in XMind. */
export function xmindLabels(topic: MapTopic): string[] {
  return [
    ...(topic.labels ?? []),
    ...(topic.pages ? [pagesLabel(topic.pages)] : []),
    ...carriedOf(topic, ['boundary', 'pages']).map(([name, value]) => `${PREFIX}${name}=${value}`),
  ];
}

/** XMind marker ids for a topic: CaseBoard markers mapped, other programs' kept as they were. */
export function xmindMarkers(topic: MapTopic): string[] {
  return [
    ...(topic.markers ?? []).map((m) => XMIND_MARKERS[m]).filter((m): m is string => !!m),
    ...(topic.icons ?? []).filter((m) => /^[a-z]+-[a-z0-9-]+$/.test(m)),
  ];
}

/** A sheet as content.json holds it; `idOf` gives each element its id. */
export function sheetJson(model: MindMapModel, idOf: () => string): Json {
  const ids = new Map<string, string>();
  const topicJson = (topic: MapTopic): Json => {
    const id = idOf();
    if (topic.ref) ids.set(topic.ref, id);
    const markers = xmindMarkers(topic);
    const labels = xmindLabels(topic);
    const summaries = (topic.summaries ?? []).map((s) => ({
      entry: { id: idOf(), range: `(${s.from},${s.to})` },
      topic: topicJson(s.topic),
    }));
    const children: Json = {};
    if (topic.children.length) children.attached = topic.children.map(topicJson);
    if (summaries.length) children.summary = summaries.map((s) => s.topic);
    return {
      id,
      class: 'topic',
      title: topic.label,
      ...(topic.collapsed ? { branch: 'folded' } : {}),
      ...(topic.note ? { notes: { plain: { content: topic.note } } } : {}),
      ...(markers.length ? { markers: markers.map((markerId) => ({ markerId })) } : {}),
      ...(labels.length ? { labels } : {}),
      ...(topic.href ? { href: topic.href } : {}),
      ...(topic.color
        ? {
            style: {
              id: idOf(),
              properties: { 'line-color': topic.color, 'border-line-color': topic.color },
            },
          }
        : {}),
      ...(topic.boundary !== undefined
        ? {
            boundaries: [
              { id: idOf(), range: 'master', ...(topic.boundary ? { title: topic.boundary } : {}) },
            ],
          }
        : {}),
      ...(summaries.length
        ? {
            summaries: summaries.map((s) => ({ ...s.entry, topicId: s.topic.id })),
          }
        : {}),
      ...(Object.keys(children).length ? { children } : {}),
    };
  };
  const [first, ...rest] = model.roots;
  const root = first ? topicJson(first) : { id: idOf(), class: 'topic', title: model.title ?? '' };
  // Floating topics: detached topics placed from the central topic, as XMind keeps them.
  if (rest.length)
    root.children = {
      ...(root.children as Json),
      detached: rest.map((topic, i) => ({
        ...topicJson(topic),
        position: floatingPosition(topic, i),
      })),
    };
  root.structureClass = 'org.xmind.ui.map.unbalanced';
  return {
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
        // XMind's schema requires both ends' control points; empty lets XMind route the line.
        controlPoints: { '0': {}, '1': {} },
        ...(r.label ? { title: r.label } : {}),
      })),
  };
}

/**
 * An `.xmind` archive of one sheet.
 * @example exportXMind(mapFromBoard(doc, boardId)) // bytes of a zip XMind opens
 */
export function exportXMind(model: MindMapModel, now = Date.now()): Uint8Array {
  let next = 0;
  const idOf = () => `cb${(++next).toString(36)}${now.toString(36)}`;
  const utf8 = (value: string) => new TextEncoder().encode(value);
  const sheets = [sheetJson(model, idOf)];
  // Both contents, as XMind 2020 and later write them: XMind 8 reads content.xml.
  const entries = ['content.json', 'content.xml', 'metadata.json', 'meta.xml', 'manifest.json'];
  return writeZip({
    'content.json': utf8(JSON.stringify(sheets)),
    'content.xml': utf8(contentXml(sheets, now)),
    'metadata.json': utf8(JSON.stringify({ creator: { name: 'CaseBoard', version: '0.1.0' } })),
    'meta.xml': utf8(META_XML),
    'manifest.json': utf8(
      JSON.stringify({ 'file-entries': Object.fromEntries(entries.map((e) => [e, {}])) }),
    ),
    'META-INF/manifest.xml': utf8(manifestXml([...entries, 'META-INF/', 'META-INF/manifest.xml'])),
  });
}
