import { z } from 'zod';
import { normalizePageRef } from './pages.ts';

/**
 * The case register's vocabulary: entity kinds and the fields of each, with their validators.
 * Terms follow the Criminal Procedure Code (Articles 85 and 87) and the Penal Code.
 */

export const ENTITY_KINDS = ['person', 'evidence', 'event', 'fact', 'place'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A person's procedural position in the case. */
export const PERSON_ROLES = [
  'suspect', // bị can
  'defendant', // bị cáo
  'victim', // bị hại
  'witness', // người làm chứng
  'related', // người có quyền lợi, nghĩa vụ liên quan
  'civil-plaintiff', // nguyên đơn dân sự
  'civil-defendant', // bị đơn dân sự
  'arrested', // người bị bắt, người bị tạm giữ
  'other',
] as const;

/** Sources of evidence, Article 87 of the Criminal Procedure Code. */
export const EVIDENCE_TYPES = [
  'physical', // vật chứng
  'statement', // lời khai, lời trình bày
  'electronic', // dữ liệu điện tử
  'expert', // kết luận giám định, định giá tài sản
  'record', // biên bản
  'judicial-assistance', // kết quả tương trợ tư pháp
  'document', // tài liệu, đồ vật khác
] as const;

export const EVIDENCE_STATUSES = [
  'collected',
  'assessed',
  'sealed',
  'returned',
  'destroyed',
] as const;

/** Issues to be proven (Article 85) and the elements of an offence. */
export const FACT_TYPES = [
  'issue-crime', // (1) whether a crime happened, time, place, circumstances
  'issue-offender', // (2) who, fault, capacity, purpose, motive
  'issue-circumstances', // (3) aggravating and mitigating circumstances, background
  'issue-damage', // (4) nature and extent of the damage
  'issue-causes', // (5) causes and conditions
  'issue-exemption', // (6) circumstances excluding or exempting liability
  'element-object', // khách thể
  'element-objective', // mặt khách quan
  'element-subject', // chủ thể
  'element-subjective', // mặt chủ quan
] as const;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

const pageRef = z.string().transform((value, ctx) => {
  const normalized = normalizePageRef(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: 'register.badPages' });
    return z.NEVER;
  }
  return normalized;
});

/** Fields every entity has. `name` is what boards show for a linked node. */
const common = {
  name: text(300).pipe(z.string().min(1)),
  notes: text(20_000).optional(),
  pages: pageRef.optional(),
};

export const entityFieldSchemas = {
  person: z.object({
    ...common,
    role: z.enum(PERSON_ROLES).optional(),
    birthDate: text(40).optional(),
    idNumber: text(40).optional(),
    address: text(500).optional(),
  }),
  evidence: z.object({
    ...common,
    evidenceType: z.enum(EVIDENCE_TYPES).optional(),
    description: text(20_000).optional(),
    collectedAt: text(40).optional(),
    collectedPlace: text(500).optional(),
    collectedBy: text(300).optional(),
    status: z.enum(EVIDENCE_STATUSES).optional(),
    // A statement's own fields (evidenceType `statement`; see src/core/statements.ts).
    /** Who gave it: a person of the register. */
    givenBy: z.string().max(64).optional(),
    /** When, as typed (read by parseCaseTime). */
    givenAt: text(40).optional(),
    /** The record (biên bản) it is written in: its name or number. */
    recordName: text(300).optional(),
    /** The case-file document it is in (SHA-256). */
    document: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'register.badDocument')
      .optional(),
  }),
  event: z.object({
    ...common,
    start: text(40).optional(),
    end: text(40).optional(),
    place: text(500).optional(),
    description: text(20_000).optional(),
    people: z.array(z.string().max(64)).max(200).optional(),
    /** Evidence items that show the event happened as described. */
    evidence: z.array(z.string().max(64)).max(500).optional(),
  }),
  fact: z.object({
    ...common,
    factType: z.enum(FACT_TYPES).optional(),
    text: text(20_000).optional(),
  }),
  place: z.object({ ...common, address: text(500).optional() }),
} satisfies Record<EntityKind, z.ZodType>;

export type EntityFields<K extends EntityKind = EntityKind> = z.infer<
  (typeof entityFieldSchemas)[K]
>;

/** Every field name an entity of any kind may carry (besides id, kind and files). */
export const ENTITY_FIELD_NAMES: Record<EntityKind, readonly string[]> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, Object.keys(entityFieldSchemas[kind].shape)]),
) as unknown as Record<EntityKind, readonly string[]>;
