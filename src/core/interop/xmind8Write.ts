import { escapeXml } from './xml.ts';

/**
 * XMind 8's `content.xml`, written beside content.json as XMind 2020 and later do, so that XMind 8
 * opens the file too. It is made from the content.json sheet (same ids, same topics): title,
 * fold, link, notes, markers, labels, children (attached, detached with their positions, summary),
 * boundaries, summaries and the sheet's relationships. XMind 8 keeps colours in styles.xml, which
 * is not written: XMind 8 shows the branch colours in its default style.
 */

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown) => escapeXml(String(value ?? ''));

function topicXml(topic: Json, out: string[]): void {
  const attrs = [`id="${text(topic.id)}"`];
  if (topic.branch === 'folded') attrs.push('branch="folded"');
  if (typeof topic.href === 'string') attrs.push(`xlink:href="${text(topic.href)}"`);
  if (typeof topic.structureClass === 'string')
    attrs.push(`structure-class="${text(topic.structureClass)}"`);
  out.push(`<topic ${attrs.join(' ')}><title>${text(topic.title)}</title>`);
  const position = topic.position as { x?: number; y?: number } | undefined;
  if (position) out.push(`<position svg:x="${Number(position.x)}" svg:y="${Number(position.y)}"/>`);
  const notes = (topic.notes as { plain?: { content?: string } } | undefined)?.plain?.content;
  if (notes) out.push(`<notes><plain>${text(notes)}</plain></notes>`);
  const markers = list(topic.markers);
  if (markers.length)
    out.push(
      `<marker-refs>${markers.map((m) => `<marker-ref marker-id="${text(m.markerId)}"/>`).join('')}</marker-refs>`,
    );
  const labels = Array.isArray(topic.labels) ? (topic.labels as unknown[]) : [];
  if (labels.length)
    out.push(`<labels>${labels.map((l) => `<label>${text(l)}</label>`).join('')}</labels>`);
  const children = (topic.children ?? {}) as Json;
  const groups = (['attached', 'detached', 'summary'] as const).filter(
    (type) => list(children[type]).length > 0,
  );
  if (groups.length) {
    out.push('<children>');
    for (const type of groups) {
      out.push(`<topics type="${type}">`);
      for (const c of list(children[type])) topicXml(c, out);
      out.push('</topics>');
    }
    out.push('</children>');
  }
  const boundaries = list(topic.boundaries);
  if (boundaries.length)
    out.push(
      `<boundaries>${boundaries
        .map(
          (b) =>
            `<boundary id="${text(b.id)}" range="${text(b.range)}">${b.title ? `<title>${text(b.title)}</title>` : ''}</boundary>`,
        )
        .join('')}</boundaries>`,
    );
  const summaries = list(topic.summaries);
  if (summaries.length)
    out.push(
      `<summaries>${summaries
        .map(
          (s) =>
            `<summary id="${text(s.id)}" range="${text(s.range)}" topic-id="${text(s.topicId)}"/>`,
        )
        .join('')}</summaries>`,
    );
  out.push('</topic>');
}

/** content.xml for the sheets of a content.json. */
export function contentXml(sheets: readonly Json[], now: number): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<xmap-content xmlns="urn:xmind:xmap:xmlns:content:2.0" xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:svg="http://www.w3.org/2000/svg" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink" modified-by="CaseBoard" timestamp="${now}" version="2.0">`,
  ];
  for (const sheet of sheets) {
    out.push(`<sheet id="${text(sheet.id)}" timestamp="${now}">`);
    topicXml(sheet.rootTopic as Json, out);
    out.push(`<title>${text(sheet.title)}</title>`);
    const relationships = list(sheet.relationships);
    if (relationships.length) {
      out.push('<relationships>');
      for (const r of relationships)
        out.push(
          `<relationship id="${text(r.id)}" end1="${text(r.end1Id)}" end2="${text(r.end2Id)}">${r.title ? `<title>${text(r.title)}</title>` : ''}</relationship>`,
        );
      out.push('</relationships>');
    }
    out.push('</sheet>');
  }
  out.push('</xmap-content>');
  return out.join('');
}

/** XMind 8's META-INF/manifest.xml listing the archive's entries. */
export function manifestXml(entries: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
    '<manifest xmlns="urn:xmind:xmap:xmlns:manifest:1.0" password-hint="">' +
    entries
      .map(
        (path) =>
          `<file-entry full-path="${text(path)}" media-type="${/\.xml$/.test(path) ? 'text/xml' : path.endsWith('.json') ? 'application/json' : ''}"/>`,
      )
      .join('') +
    '</manifest>'
  );
}

/** XMind 8's meta.xml: who wrote the file. */
export const META_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?><meta xmlns="urn:xmind:xmap:xmlns:meta:2.0" version="2.0"><Creator><Name>CaseBoard</Name><Version>0.1.0</Version></Creator></meta>';
