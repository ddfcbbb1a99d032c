/** The fields of an imported topic that need checking before they are written. */
import type * as Y from 'yjs';
import { registerOf, type YRecord } from '../../doc.ts';
import { normalizePageRef } from '../../pages.ts';
import { normalizeText } from '../../text.ts';
import type { MapTopic } from '../../interop/model.ts';
import { MARKERS, type Marker } from './topics.ts';

/** A topic whose note ends with a `[side] left|right` line, with the side as its field instead. */
export function withSide(topic: MapTopic): MapTopic {
  const match =
    topic.side || !topic.note ? null : /(?:^|\n)\[side\] (left|right)\s*$/.exec(topic.note);
  if (!match) return topic;
  const note = topic.note!.slice(0, match.index).trimEnd();
  return { ...topic, side: match[1] as 'left' | 'right', note: note || undefined };
}

/**
 * The CaseBoard fields of an imported topic, each only when it is valid here: known markers, a
 * `#rrggbb` colour, a page reference CaseBoard reads, a register entry of this case.
 */
export function writeFeatures(doc: Y.Doc, record: YRecord, topic: MapTopic): void {
  const markers = (topic.markers ?? []).filter((m): m is Marker => MARKERS.includes(m as Marker));
  if (markers.length) record.set('markers', [...new Set(markers)]);
  if (topic.color && /^#[0-9a-fA-F]{6}$/.test(topic.color)) record.set('color', topic.color);
  if (topic.boundary !== undefined) record.set('boundary', normalizeText(topic.boundary));
  const pages = topic.pages ? normalizePageRef(topic.pages) : null;
  if (pages) record.set('pages', pages);
  if (topic.entity && registerOf(doc).has(topic.entity)) record.set('entity', topic.entity);
  if (topic.image) record.set('image', topic.image);
  if (topic.side) record.set('side', topic.side);
}
