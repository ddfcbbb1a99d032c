import { carriedOf, FREEPLANE_ICONS, PREFIX } from './features.ts';
import { floatingPosition, type MapTopic, type MindMapModel } from './model.ts';
import { escapeXml } from './xml.ts';

/** Lines as HTML paragraphs (an empty line kept as an empty paragraph). */
const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('');

/**
 * FreeMind / Freeplane `.mm` out. One root; floating topics are Freeplane free nodes; markers are
 * the nearest built-in icons, the branch colour the edge colour, a boundary a cloud, summaries
 * Freeplane summary nodes, links `LINK`; a register link, a picture, the pages cited and a
 * boundary's label travel as `caseboard:` attributes.
 */
export function exportFreeMind(model: MindMapModel): string {
  // Freeplane's own header: a FreeMind version makes Freeplane warn that the file may be shown or
  // saved incorrectly. 1.7.0 is the oldest Freeplane with every feature used here.
  const out: string[] = [
    '<map version="freeplane 1.7.0">',
    '<!--To view this file, download free mind mapping software Freeplane from http://freeplane.sourceforge.net -->',
  ];
  // One root; the further roots are floating topics, which Freeplane keeps as free nodes: children
  // of the root with the FreeNode hook, placed by their distance from it.
  const [main = { label: model.title ?? '', children: [] }, ...floating] = model.roots;
  const free = new Set(floating);
  const root: MapTopic = { ...main, children: [...main.children, ...floating] };
  // Ids once, for every topic written (summary topics too), before the arrows are looked up.
  let next = 0;
  const ids = new Map<MapTopic, string>();
  const refs = new Map<string, string>();
  const nextId = () => `ID_${++next}`;
  const assign = (topic: MapTopic) => {
    const id = nextId();
    ids.set(topic, id);
    if (topic.ref) refs.set(topic.ref, id);
    topic.children.forEach(assign);
    topic.summaries?.forEach((s) => assign(s.topic));
  };
  assign(root);
  const arrows = new Map<string, Array<{ to: string; label?: string }>>();
  for (const r of model.relationships) {
    const from = refs.get(r.from);
    const to = refs.get(r.to);
    if (from && to) arrows.set(from, [...(arrows.get(from) ?? []), { to, label: r.label }]);
  }

  const walk = (topic: MapTopic, depth: number, hooks: string[] = []) => {
    const pad = ' '.repeat(depth + 1);
    const id = ids.get(topic)!;
    const at = free.has(topic) ? floatingPosition(topic, floating.indexOf(topic)) : null;
    // A label Freeplane would take for HTML ("<html>…") is written as rich text showing it.
    const rich = /^\s*<html/i.test(topic.label);
    const attrs = [
      rich ? '' : `TEXT="${escapeXml(topic.label)}"`,
      `ID="${id}"`,
      topic.collapsed ? 'FOLDED="true"' : '',
      at
        ? `POSITION="${at.x < 0 ? 'left' : 'right'}"`
        : topic.side
          ? `POSITION="${topic.side}"`
          : '',
      at
        ? `HGAP_QUANTITY="${Math.abs(Math.round(at.x))} px" VSHIFT_QUANTITY="${Math.round(at.y)} px"`
        : '',
      topic.href ? `LINK="${escapeXml(topic.href)}"` : '',
    ].filter(Boolean);
    out.push(`${pad}<node ${attrs.join(' ')}>`);
    const inner = `${pad} `;
    if (rich)
      out.push(
        `${inner}<richcontent TYPE="NODE"><html><head></head><body>${paragraphs(topic.label)}</body></html></richcontent>`,
      );
    if (at) out.push(`${inner}<hook NAME="FreeNode"/>`);
    for (const hook of hooks) out.push(`${inner}<hook NAME="${hook}"/>`);
    if (topic.color) out.push(`${inner}<edge COLOR="${topic.color}"/>`);
    if (topic.boundary !== undefined) out.push(`${inner}<cloud/>`);
    for (const marker of topic.markers ?? []) {
      const icon = FREEPLANE_ICONS[marker];
      if (icon) out.push(`${inner}<icon BUILTIN="${icon}"/>`);
    }
    for (const icon of topic.icons ?? []) out.push(`${inner}<icon BUILTIN="${escapeXml(icon)}"/>`);
    const attributes = [
      ...(topic.attributes ?? []),
      ...carriedOf(topic).map(([name, value]) => ({ name: `${PREFIX}${name}`, value })),
    ];
    for (const a of attributes)
      out.push(`${inner}<attribute NAME="${escapeXml(a.name)}" VALUE="${escapeXml(a.value)}"/>`);
    if (topic.note)
      out.push(
        `${inner}<richcontent TYPE="NOTE"><html><head></head><body>${paragraphs(topic.note)}</body></html></richcontent>`,
      );
    for (const a of arrows.get(id) ?? [])
      out.push(
        `${inner}<arrowlink DESTINATION="${a.to}"${a.label ? ` MIDDLE_LABEL="${escapeXml(a.label)}"` : ''}/>`,
      );
    // Summaries: an empty node marks where a group starts, the summary node follows its end.
    const starts = new Map<number, number>();
    const ends = new Map<number, MapTopic[]>();
    for (const s of topic.summaries ?? []) {
      starts.set(s.from, (starts.get(s.from) ?? 0) + 1);
      ends.set(s.to, [...(ends.get(s.to) ?? []), s.topic]);
    }
    topic.children.forEach((c, i) => {
      for (let n = 0; n < (starts.get(i) ?? 0); n++)
        out.push(`${inner}<node TEXT="" ID="${nextId()}"><hook NAME="FirstGroupNode"/></node>`);
      walk(c, depth + 1);
      for (const summary of ends.get(i) ?? []) walk(summary, depth + 1, ['SummaryNode']);
    });
    out.push(`${pad}</node>`);
  };
  walk(root, 0);
  out.push('</map>', '');
  return out.join('\n');
}
