import type * as Y from 'yjs';
import type { ProcedureFacts } from '../core/checklist/index.ts';
import { getEntity } from '../core/commands/register.ts';
import { readMeta } from '../core/doc.ts';
import {
  chargeClasses,
  computeDeadlines,
  readProcedure,
  STAGE_NAMES,
} from '../core/procedure/index.ts';

/**
 * The procedure part of a case as the checklist reads it: each charge's class (derived from its
 * clause or overridden), the offence date, and the deadlines as the deadlines panel computes them,
 * named in the reader's language ("Hết hạn tạm giam — Nguyễn Văn Ấn").
 */
export function procedureFacts(doc: Y.Doc, today: string, lang: string): ProcedureFacts {
  const procedure = readProcedure(doc);
  const offences = readMeta(doc).offences;
  const names = STAGE_NAMES[lang.startsWith('en') ? 'en' : 'vi'];
  const offenceDate = procedure.events.find((e) => e.kind === 'offence')?.date;
  return {
    charges: chargeClasses(offences, procedure.charges, today).map((c) => ({
      article: c.article,
      class: c.class,
    })),
    ...(offenceDate ? { offenceDate } : {}),
    deadlines: computeDeadlines({ offences, procedure }, today).map((d) => {
      const person = d.personId ? getEntity(doc, d.personId)?.name : undefined;
      return {
        id: d.id,
        name: person ? `${names[d.stage]} — ${person}` : names[d.stage],
        due: d.due,
        daysLeft: d.daysLeft,
        status: d.status,
        source: d.source,
      };
    }),
  };
}
