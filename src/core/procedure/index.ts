/**
 * Procedural deadlines of a case (issue 24): offence classes by clause, procedural events kept in
 * the `procedure` map of the case document, and the deadlines computed from them by rules kept as
 * data. The case checklist and the server call these.
 */
export * from './calendar.ts';
export * from './classes.ts';
export * from './penalClauses.ts';
export * from './holidays.ts';
export * from './events.ts';
export * from './rules.ts';
export * from './charges.ts';
export * from './model.ts';
export * from './deadlines.ts';
export * from './commands.ts';
export * from './validate.ts';
export * from './ics.ts';
