import { z } from 'zod';

/**
 * Typed links between nodes of an evidence chart or a relationship chart, stored as board edges.
 * See docs/document-model.md, "Links".
 */

/** Links of an evidence chart: how an item of evidence bears on an issue to prove. */
export const PROOF_LINK_TYPES = ['supports', 'contradicts', 'corroborates', 'relation'] as const;
/** Links of a relationship chart, like an i2 link chart. */
export const RELATION_LINK_TYPES = [
  'called',
  'met',
  'owns',
  'paid',
  'related',
  'relation',
] as const;
export const LINK_TYPES = [
  'supports',
  'contradicts',
  'corroborates',
  'called',
  'met',
  'owns',
  'paid',
  'related',
  'relation',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const LINK_STRENGTHS = ['weak', 'medium', 'strong'] as const;
export type LinkStrength = (typeof LINK_STRENGTHS)[number];

/** Free nodes of a relationship chart that are not register entities. */
export const PARTY_TYPES = ['phone', 'vehicle', 'account', 'organisation', 'other'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

export const linkFieldsSchema = z.object({
  type: z.enum(LINK_TYPES),
  label: text(200).optional(),
  note: text(5000).optional(),
  strength: z.enum(LINK_STRENGTHS).optional(),
});
export type LinkFields = z.infer<typeof linkFieldsSchema>;

export interface BoardLink extends LinkFields {
  id: string;
  source: string;
  target: string;
}
