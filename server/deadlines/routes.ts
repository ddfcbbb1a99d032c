import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isIsoDay, todayIn } from '../../src/core/procedure/calendar.ts';
import { computeDeadlines } from '../../src/core/procedure/deadlines.ts';
import { deadlinesIcs, type CalendarDeadline } from '../../src/core/procedure/ics.ts';
import { langFrom } from '../errors.ts';
import { requireMember, requireUser, type Services } from '../http/context.ts';
import type { DeadlineCache } from './DeadlineCache.ts';

const query = z.object({
  /** The day to count from; today in Vietnam when absent (tests and "what if" views set it). */
  today: z.string().refine(isIsoDay, 'not a day written YYYY-MM-DD').optional(),
  /** Include periods already closed (`done`); the lists leave them out by default. */
  done: z.enum(['0', '1']).default('0'),
});

/**
 * Procedural deadlines computed on the server from the stored case documents, with the same core
 * function the page uses (`computeDeadlines`): one case's, and all of the caller's cases' nearest
 * first (the case list); both also as an .ics calendar. Authenticated like the rest of the API;
 * a case's are for its members only.
 */
export function deadlineRoutes(
  app: FastifyInstance,
  services: Services & { deadlines: DeadlineCache },
): void {
  const { store, deadlines } = services;

  async function ofCase(caseId: string, caseTitle: string, today: string) {
    const input = await deadlines.get(caseId);
    return computeDeadlines(input, today).map((d): CalendarDeadline => ({
      ...d,
      caseId,
      caseTitle,
      ...(d.personId && input.people[d.personId] ? { personName: input.people[d.personId] } : {}),
    }));
  }

  async function caseDeadlines(request: FastifyRequest) {
    const { caseId } = await requireMember(services, request);
    const { today = todayIn(), done } = query.parse(request.query);
    const record = await store.getCase(caseId);
    const list = await ofCase(caseId, record?.title ?? '', today);
    return { today, record, deadlines: done === '1' ? list : list.filter(running) };
  }

  async function allDeadlines(request: FastifyRequest) {
    const user = await requireUser(services, request);
    const { today = todayIn(), done } = query.parse(request.query);
    const cases = (await store.listCasesOf(user.id)).filter((c) => !c.archived);
    const lists = await Promise.all(cases.map((c) => ofCase(c.id, c.title, today)));
    const all = lists
      .flat()
      .filter((d) => done === '1' || running(d))
      .sort((a, b) => a.due.localeCompare(b.due) || a.caseTitle.localeCompare(b.caseTitle));
    return { today, user, deadlines: all };
  }

  app.get('/api/cases/:id/deadlines', async (request) => {
    const { today, deadlines: list } = await caseDeadlines(request);
    return { today, deadlines: list };
  });

  app.get('/api/deadlines', async (request) => {
    const { today, deadlines: list } = await allDeadlines(request);
    return { today, deadlines: list };
  });

  app.get('/api/cases/:id/deadlines.ics', async (request, reply) => {
    const { record, deadlines: list } = await caseDeadlines(request);
    const lang = langFrom(request.headers['accept-language']);
    const name = `${lang === 'vi' ? 'Thời hạn tố tụng' : 'Procedural deadlines'} — ${record?.title ?? ''}`;
    return calendar(reply, deadlinesIcs(list, { lang, name }), 'deadlines.ics');
  });

  app.get('/api/deadlines.ics', async (request, reply) => {
    const { deadlines: list } = await allDeadlines(request);
    const lang = langFrom(request.headers['accept-language']);
    const name =
      lang === 'vi' ? 'Thời hạn tố tụng — mọi vụ án' : 'Procedural deadlines — all cases';
    return calendar(reply, deadlinesIcs(list, { lang, name }), 'caseboard-deadlines.ics');
  });
}

const running = (d: CalendarDeadline) => d.status !== 'done';

function calendar(reply: FastifyReply, text: string, filename: string): FastifyReply {
  return reply
    .header('Content-Type', 'text/calendar; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'private, no-store')
    .send(text);
}
