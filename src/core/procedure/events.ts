import { z } from 'zod';
import { isIsoDay } from './calendar.ts';
import { OFFENCE_CLASSES } from './classes.ts';

/**
 * Procedural events of a case (the `procedure` map of the case document): what happened on which
 * day, by whose decision, to whom. Deadlines are computed from them (deadlines.ts).
 */

/** Every kind of event, in procedural order (the form lists them so). */
export const PROCEDURE_EVENT_KINDS = [
  'offence', // ngày xảy ra tội phạm
  'case-initiated', // khởi tố vụ án (Điều 153–154 BLTTHS)
  'accused-initiated', // khởi tố bị can (Điều 179), per person
  'custody', // tạm giữ (Điều 117–118), per person: from receipt of the person
  'custody-extension', // gia hạn tạm giữ (Điều 118 khoản 2)
  'detention', // tạm giam (Điều 119, 173), per person
  'detention-extension', // gia hạn tạm giam (Điều 173 khoản 2)
  'released', // trả tự do / thay đổi, hủy bỏ biện pháp ngăn chặn, per person
  'investigation-extension', // gia hạn điều tra (Điều 172 khoản 2)
  'investigation-ended', // kết thúc điều tra, bản kết luận điều tra (Điều 232)
  'file-received', // VKS nhận hồ sơ và bản kết luận điều tra (Điều 240)
  'prosecution-extension', // gia hạn thời hạn quyết định việc truy tố (Điều 240)
  'indicted', // quyết định truy tố, cáo trạng (Điều 243)
  'returned', // VKS trả hồ sơ để điều tra bổ sung (Điều 245; thời hạn Điều 174 khoản 1)
  'court-returned', // Tòa án trả hồ sơ để điều tra bổ sung (Điều 280; Điều 174 khoản 1)
  'resumed', // phục hồi điều tra (Điều 235; thời hạn Điều 174 khoản 2)
] as const;
export type ProcedureEventKind = (typeof PROCEDURE_EVENT_KINDS)[number];

/** The kinds that belong to one person of the register (detention runs per accused). */
export const PERSONAL_KINDS: ReadonlySet<ProcedureEventKind> = new Set([
  'accused-initiated',
  'custody',
  'custody-extension',
  'detention',
  'detention-extension',
  'released',
]);

/** The kinds that grant more time: the form asks for the duration granted. */
export const EXTENSION_KINDS: ReadonlySet<ProcedureEventKind> = new Set([
  'custody-extension',
  'detention-extension',
  'investigation-extension',
  'prosecution-extension',
]);

const day = z.string().refine(isIsoDay, 'not a day written YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time written HH:MM');
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));
const count = (max: number) => z.number().int().min(0).max(max);

/** The fields a person gives for an event (commands and the server's update check share them). */
export const procedureEventFieldsSchema = z
  .object({
    kind: z.enum(PROCEDURE_EVENT_KINDS),
    date: day,
    time: clockTime.optional(),
    person: z.string().min(1).max(64).optional(),
    decision: text(300).optional(),
    months: count(48).optional(),
    days: count(366).optional(),
    hours: count(72).optional(),
    pages: text(100).optional(),
    note: text(2000).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (PERSONAL_KINDS.has(event.kind) && !event.person)
      ctx.addIssue({ code: 'custom', path: ['person'], message: 'a person is required' });
    if (!PERSONAL_KINDS.has(event.kind) && event.person)
      ctx.addIssue({ code: 'custom', path: ['person'], message: 'this kind has no person' });
  });
export type ProcedureEventFields = z.infer<typeof procedureEventFieldsSchema>;

/** An event as stored: its fields, its id, and who wrote it when. */
export const procedureEventSchema = z
  .object({
    type: z.literal('event'),
    id: z.string().min(1).max(64),
    by: text(200).optional(),
    at: z.string().max(40).optional(),
  })
  .passthrough()
  .superRefine((record, ctx) => {
    const { type: _t, id: _i, by: _b, at: _a, ...fields } = record;
    const parsed = procedureEventFieldsSchema.safeParse(fields);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type ProcedureEvent = ProcedureEventFields & {
  type: 'event';
  id: string;
  by?: string;
  at?: string;
};

/**
 * A charge's class given by hand, kept under the key `class:<ref>`: the highest penalty of its
 * frame (for an article without clause data), or an override of the class with its reason; who
 * set it and when.
 */
export const chargeClassSchema = z
  .object({
    type: z.literal('charge'),
    id: z.string().min(1).max(64),
    ref: z.string().min(1).max(40),
    maximum: z.union([z.number().min(0).max(30), z.enum(['life', 'death'])]).optional(),
    override: z.enum(OFFENCE_CLASSES).optional(),
    reason: text(1000).optional(),
    by: text(200).optional(),
    at: z.string().max(40).optional(),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.override && !record.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an override needs a reason' });
    if (record.id !== chargeKey(record.ref))
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'the key must be class:<ref>' });
  });
export type ChargeClassRecord = z.infer<typeof chargeClassSchema>;

/** The key of a charge's class record in the `procedure` map. */
export function chargeKey(ref: string): string {
  return `class:${ref}`;
}

/** Everything the procedure map holds, read as plain data. */
export interface ProcedureData {
  events: ProcedureEvent[];
  charges: ChargeClassRecord[];
}
