/**
 * Mind-map commands, one file per part of a map: topics (the tree), relationship lines, summaries,
 * and interop (pasted outlines, imported maps, the exchange model). Importers keep importing from
 * here.
 */
export * from './mindmap/topics.ts';
export * from './mindmap/relationships.ts';
export * from './mindmap/summaries.ts';
export * from './mindmap/interop.ts';
export * from './mindmap/importSteps.ts';
