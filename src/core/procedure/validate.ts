import type * as Y from 'yjs';
import { chargeClassSchema, procedureEventSchema } from './events.ts';
import { isPlainObject, type PlainProblem } from '../doc.ts';

/**
 * Checks the `procedure` map, or its entry `key`: every value is a plain object, an event
 * (`type: 'event'`, the fields, types and limits of events.ts) or a charge's class (`type:
 * 'charge'` under `class:<ref>`), stored under its own id. Unlike the rest of the document the
 * contents are checked, not only the types: deadlines are computed from them.
 * @example checkProcedure(doc, 'ev1') // [{ path: 'procedure/ev1.date', problem: 'not a day written YYYY-MM-DD' }]
 */
export function checkProcedure(doc: Y.Doc, key?: string): PlainProblem[] {
  const map = doc.getMap('procedure');
  const out: PlainProblem[] = [];
  const check = (value: unknown, id: string) => {
    const path = `procedure/${id}`;
    if (value === undefined) return;
    if (!isPlainObject(value)) {
      out.push({ path, problem: 'not a procedural event or charge class' });
      return;
    }
    const schema = value.type === 'charge' ? chargeClassSchema : procedureEventSchema;
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        out.push({
          path: issue.path.length ? `${path}.${issue.path.join('.')}` : path,
          problem: issue.message,
        });
    else if (value.id !== id) out.push({ path: `${path}.id`, problem: 'differs from its key' });
  };
  if (key === undefined) map.forEach((value, id) => check(value, id));
  else check(map.get(key), key);
  return out;
}
