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
import { applyCarried, CARRIED, carriedOf, hexColor, PREFIX } from './features.ts';
import {
  child,
  decodeXml,
  escapeXml,
  elements,
  localName,
  parseXml,
  textOf,
  type XmlElement,
} from './xml.ts';

/** Attributes read into fields of their own; the rest are kept as the topic's attributes. */
const OWN = new Set([
  'text',
  'title',
  '_note',
  'note',
  '_floating',
  'url',
  'type',
  '_id',
  '_arrows',
  '_collapsed',
  '_attributes',
]);

/**
 * CaseBoard's `_markers`, `_color`, `_boundary`, `_entity`, `_pages`, `_image`, `_summaries`; a
 * link (`type="link"` with `url`); every other attribute (`created`, `category`, `xmlUrl`, …) kept
 * by name.
 */
function readAttributes(outline: XmlElement, topic: MapTopic): void {
  const a = outline.attrs;
  const markers = (a._markers ?? '').split(/\s+/).filter(Boolean);
  if (markers.length) topic.markers = markers;
  const color = hexColor(a._color);
  if (color) topic.color = color;
  for (const field of CARRIED) {
    const value = a[`_${field}`];
    if (value !== undefined) applyCarried(topic, `${PREFIX}${field}`, cleanPlain(value));
  }
  if (a._summaries) {
    try {
      const list = JSON.parse(a._summaries) as Array<{ from: number; to: number; label: string }>;
      const summaries = list
        .filter((x) => x.from >= 0 && x.to >= x.from && x.to < topic.children.length)
        .map((x) => ({
          from: x.from,
          to: x.to,
          topic: { label: cleanPlain(String(x.label)), children: [] },
        }));
      if (summaries.length) topic.summaries = summaries;
    } catch {
      // A hand-edited attribute that is not ours to read: left out.
    }
  }
  if (a.url) topic.href = a.url;
  if (a.type && !(a.type === 'link' && a.url))
    (topic.attributes ??= []).push({ name: 'type', value: a.type });
  if (a._attributes) {
    try {
      for (const x of JSON.parse(a._attributes) as Array<{ name?: unknown; value?: unknown }>)
        if (typeof x.name === 'string')
          (topic.attributes ??= []).push({ name: x.name, value: String(x.value ?? '') });
    } catch {
      // Not CaseBoard's: left out.
    }
  }
  for (const [name, value] of Object.entries(a)) {
    if (OWN.has(name) || /^_(markers|color|summaries|entity|image|pages|boundary)$/.test(name))
      continue;
    (topic.attributes ??= []).push({ name, value: cleanPlain(value) });
  }
}

/** The attributes of an outline for a topic, escaped (see `readAttributes`). */
function writeAttributes(
  topic: MapTopic,
  floating: boolean,
  link: { id?: string; arrows?: Array<{ to: string; label?: string }> },
): string {
  const out: Array<[string, string]> = [['text', topic.label]];
  if (link.id) out.push(['_id', link.id]);
  if (link.arrows?.length) out.push(['_arrows', JSON.stringify(link.arrows)]);
  if (topic.note) out.push(['_note', topic.note]);
  if (floating) out.push(['_floating', 'true']);
  const type = topic.attributes?.find((a) => a.name === 'type')?.value;
  if (topic.href) out.push(['type', type ?? 'link'], ['url', topic.href]);
  if (topic.markers?.length) out.push(['_markers', topic.markers.join(' ')]);
  if (topic.color) out.push(['_color', topic.color]);
  for (const [name, value] of carriedOf(topic)) out.push([`_${name}`, value]);
  if (topic.summaries?.length)
    out.push([
      '_summaries',
      JSON.stringify(
        topic.summaries.map((s) => ({ from: s.from, to: s.to, label: s.topic.label })),
      ),
    ]);
  // Attributes by name; those whose name XML cannot hold (or that repeat one) in `_attributes`.
  // (all of them then, so that their order is kept).
  const rest = (topic.attributes ?? []).filter((a) => !(a.name === 'type' && topic.href));
  const plain = rest.every(
    (a, i) =>
      /^[A-Za-z_][\w.-]*$/.test(a.name) &&
      !out.some(([n]) => n === a.name) &&
      rest.findIndex((b) => b.name === a.name) === i,
  );
  if (plain) for (const a of rest) out.push([a.name, a.value]);
  else out.push(['_attributes', JSON.stringify(rest)]);
  return out.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ');
}

/**
 * OPML's `expansionState`: the line numbers (1 for the first top outline, counted down the outline
 * as shown) of the outlines shown open. A fold inside a folded branch is not shown, so those are
 * marked `_collapsed` instead.
 */
function expansionState(roots: readonly MapTopic[]): {
  lines: number[];
  hiddenFolds: Set<MapTopic>;
  any: boolean;
} {
  const lines: number[] = [];
  let any = false;
  const hiddenFolds = new Set<MapTopic>();
  let line = 0;
  const walk = (topic: MapTopic, shown: boolean) => {
    if (shown) line++;
    const open = topic.children.length > 0 && !topic.collapsed;
    if (topic.children.length > 0) any = true;
    if (shown && open) lines.push(line);
    if (!shown && topic.collapsed && topic.children.length > 0) hiddenFolds.add(topic);
    for (const c of topic.children) walk(c, shown && open);
  };
  for (const root of roots) walk(root, true);
  return { lines, hiddenFolds, any };
}

/** Applies `expansionState` (see above) and `_collapsed` to topics read from an outline. */
function applyExpansion(
  roots: readonly MapTopic[],
  state: number[] | null,
  marked: ReadonlySet<MapTopic>,
): void {
  const open = new Set(state ?? []);
  let line = 0;
  const walk = (topic: MapTopic, shown: boolean) => {
    if (shown) line++;
    let expanded = !marked.has(topic);
    if (shown && state) expanded = open.has(line);
    if (!expanded && topic.children.length > 0) topic.collapsed = true;
    for (const c of topic.children) walk(c, shown && expanded);
  };
  for (const root of roots) walk(root, true);
}

/**
 * A map as OPML 2.0: the board title in `<head>`, one outline per topic with its note in `_note`;
 * floating topics are further top outlines marked `_floating`.
 * @example exportOpml({ title: 'Vụ án', roots: [{ label: 'Vụ án', children: [] }], relationships: [] })
 */
export function exportOpml(model: MindMapModel): string {
  const expansion = expansionState(model.roots);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(model.title ?? model.roots[0]?.label ?? '')}</title>${
      expansion.any ? `<expansionState>${expansion.lines.join(',')}</expansionState>` : ''
    }</head>`,
    '  <body>',
  ];
  // Relationship lines, which OPML has no element for: `_id` on their ends, `_arrows` on the start.
  const ends = new Set(model.relationships.flatMap((r) => [r.from, r.to]));
  const arrows = new Map<string, Array<{ to: string; label?: string }>>();
  for (const r of model.relationships)
    arrows.set(r.from, [
      ...(arrows.get(r.from) ?? []),
      { to: r.to, ...(r.label ? { label: r.label } : {}) },
    ]);
  const walk = (topic: MapTopic, depth: number, floating = false) => {
    const pad = '  '.repeat(depth + 2);
    const ref = topic.ref && ends.has(topic.ref) ? topic.ref : undefined;
    const attrs =
      writeAttributes(topic, floating, {
        id: ref,
        arrows: ref ? arrows.get(ref) : undefined,
      }) + (expansion.hiddenFolds.has(topic) ? ' _collapsed="true"' : '');
    if (topic.children.length === 0) out.push(`${pad}<outline ${attrs}/>`);
    else {
      out.push(`${pad}<outline ${attrs}>`);
      for (const c of topic.children) walk(c, depth + 1);
      out.push(`${pad}</outline>`);
    }
  };
  model.roots.forEach((root, i) => walk(root, 0, i > 0));
  out.push('  </body>', '</opml>', '');
  return out.join('\n');
}

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
  const relationships: MindMapModel['relationships'] = [];
  const marked = new Set<MapTopic>();
  const read = (outline: XmlElement, depth: number): MapTopic => {
    guard.check(depth);
    const id = outline.attrs._id;
    if (id && outline.attrs._arrows) {
      try {
        const list = JSON.parse(outline.attrs._arrows) as Array<{ to?: unknown; label?: unknown }>;
        for (const a of list)
          if (typeof a.to === 'string')
            relationships.push({
              from: id,
              to: a.to,
              ...(typeof a.label === 'string' && a.label ? { label: cleanText(a.label) } : {}),
            });
      } catch {
        // Not CaseBoard's: no lines.
      }
    }
    const topic: MapTopic = {
      label: cleanPlain(outline.attrs.text ?? outline.attrs.title ?? ''),
      children: elements(outline, 'outline').map((o) => read(o, depth + 1)),
    };
    const note = outline.attrs._note ?? outline.attrs.note;
    if (note) topic.note = cleanNote(note);
    readAttributes(outline, topic);
    if (id) topic.ref = id;
    if (outline.attrs._collapsed === 'true') marked.add(topic);
    return topic;
  };
  const top = elements(body, 'outline');
  const outlines = top.map((o) => read(o, title ? 1 : 0));
  if (outlines.length === 0) throw new ImportError('empty');
  // A titled outline of several top items becomes one map under its title, unless the further
  // items are marked as floating topics (as CaseBoard writes them).
  const floating = top.slice(1).some((o) => o.attrs._floating === 'true');
  // Folds: `expansionState` counts the document's own top outlines from 1.
  const stateElement = head && child(head, 'expansionState');
  const state = stateElement
    ? textOf(stateElement)
        .trim()
        .split(/[\s,]+/)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : null;
  applyExpansion(outlines, state, marked);
  const roots =
    title && outlines.length > 1 && !floating ? [{ label: title, children: outlines }] : outlines;
  return { ...(title ? { title } : {}), roots, relationships };
});
