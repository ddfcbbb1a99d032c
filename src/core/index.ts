/** The case document: everything that reads or writes it. No React, no DOM. */
export * from './schema.ts';
export * from './doc.ts';
export * from './migrations.ts';
export * from './order.ts';
export * from './text.ts';
export * from './ids.ts';
export * from './commands/boards.ts';
export * from './commands/meta.ts';
export * from './register.ts';
export * from './pages.ts';
export * from './commands/register.ts';
export * from './commands/files.ts';
export * from './commands/nodes.ts';
export * from './outline.ts';
export * from './commands/mindmap.ts';
export * from './scene.ts';
export * from './commands/scene.ts';
