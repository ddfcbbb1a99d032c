export * from './snapshot.ts';
export * from './rules.ts';
