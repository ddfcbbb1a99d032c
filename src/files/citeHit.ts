import type * as Y from 'yjs';
import { addEntity, attachFile, getEntity, updateEntity } from '../core/commands/register.ts';
import { formatPageRef, mergeRanges, parsePageRef } from '../core/pages.ts';
import type { SearchHit } from './searchApi.ts';

/** The snippet of a hit as plain text, for a description. */
export const snippetText = (hit: SearchHit) => hit.snippet.map((p) => p.text).join('');

/**
 * The part of the page a hit's words cover, with a margin, as a passage's region (fractions of the
 * page): undefined when the hit has no word boxes (a text PDF read without positions).
 * @example hitRegion({ boxes: [{ x: 0.2, y: 0.3, w: 0.1, h: 0.02 }] }) // { x: 0.19, y: 0.29, … }
 */
export function hitRegion(
  hit: Pick<SearchHit, 'boxes'>,
): { x: number; y: number; w: number; h: number } | undefined {
  if (hit.boxes.length === 0) return undefined;
  const MARGIN = 0.01;
  const x0 = Math.max(0, Math.min(...hit.boxes.map((b) => b.x)) - MARGIN);
  const y0 = Math.max(0, Math.min(...hit.boxes.map((b) => b.y)) - MARGIN);
  const x1 = Math.min(1, Math.max(...hit.boxes.map((b) => b.x + b.w)) + MARGIN);
  const y1 = Math.min(1, Math.max(...hit.boxes.map((b) => b.y + b.h)) + MARGIN);
  if (x1 <= x0 || y1 <= y0) return undefined;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * Makes an evidence item from a found page in one step: named after the file and the page, the
 * found passage as its description, the file attached and the page's BL in its `pages`.
 * @example evidenceFromHit(doc, hit, 'Lời khai, BL 46', origin) // the new item's id
 */
export function evidenceFromHit(doc: Y.Doc, hit: SearchHit, name: string, origin: unknown): string {
  let id = '';
  doc.transact(() => {
    id = addEntity(
      doc,
      {
        kind: 'evidence',
        fields: {
          name: name.slice(0, 300),
          description: `“${snippetText(hit)}”`,
          ...(hit.bl !== null ? { pages: `BL ${hit.bl}` } : {}),
        },
      },
      origin,
    );
    attachFile(doc, { entityId: id, hash: hit.hash }, origin);
  }, origin);
  return id;
}

/**
 * Cites a found page in an existing entity: its BL joins the entity's pages (merged with those
 * there), and an evidence item gets the file attached. Returns what was added.
 */
export function citeHit(
  doc: Y.Doc,
  entityId: string,
  hit: SearchHit,
  origin: unknown,
): { bl: boolean; file: boolean } {
  const entity = getEntity(doc, entityId);
  if (!entity) throw new Error('no such entity');
  const added = { bl: false, file: false };
  doc.transact(() => {
    if (hit.bl !== null) {
      const ranges = parsePageRef(entity.pages ?? '') ?? [];
      const pages = formatPageRef(mergeRanges([...ranges, { from: hit.bl, to: hit.bl }]));
      updateEntity(doc, { id: entityId, fields: { pages } }, origin);
      added.bl = true;
    }
    if (entity.kind === 'evidence') {
      attachFile(doc, { entityId, hash: hit.hash }, origin);
      added.file = true;
    }
  }, origin);
  return added;
}
