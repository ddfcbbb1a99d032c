import { z } from 'zod';
import { migrateOffence } from './offences.ts';

/**
 * The case document's vocabulary: kinds, roles and classifications, with the validators that the
 * server and the page share. The document layout itself is in `doc.ts`.
 */

/** The schema version this code writes. Older documents are migrated when a case opens. */
export const SCHEMA_VERSION = 2;

export const BOARD_KINDS = ['mindmap', 'scene', 'evidence', 'timeline', 'relationship'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/**
 * Roles of a case member. A reviewer (a leader: Viện trưởng, Phó Viện trưởng, Trưởng phòng) reads
 * everything and writes review notes and replies, nothing else (docs/review.md).
 */
export const ROLES = ['owner', 'editor', 'viewer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** State-secret classification of a case (Law 29/2018/QH14): none, Mật (secret), Tối mật (top secret). */
export const CLASSIFICATIONS = ['none', 'mat', 'toi-mat'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Whether a role may change the case document. */
export function canEdit(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Whether a role may write review notes and replies (everyone who edits, and reviewers). */
export function canWriteNotes(role: Role): boolean {
  return canEdit(role) || role === 'reviewer';
}

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

/**
 * An offence: a Penal Code article reference such as `BLHS-173` (Article 173). Free text from an
 * older client is turned into the article it names (`migrateOffence`); whether the result is an
 * article is checked by the server (`isOffenceRef`), which answers `case.badOffence` otherwise.
 */
export const offenceSchema = text(40).pipe(z.string().min(1)).transform(migrateOffence);

export const caseMetaInputSchema = z.object({
  title: text(200).pipe(z.string().min(1)),
  caseNumber: text(80).optional(),
  offences: z.array(offenceSchema).max(30).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
});
export type CaseMetaInput = z.infer<typeof caseMetaInputSchema>;

export const caseMetaPatchSchema = caseMetaInputSchema.partial().extend({
  archived: z.boolean().optional(),
});
export type CaseMetaPatch = z.infer<typeof caseMetaPatchSchema>;

export const boardTitleSchema = text(120).pipe(z.string().min(1));
