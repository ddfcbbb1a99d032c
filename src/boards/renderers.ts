import type { BoardKind } from '../core/schema.ts';
import type { BoardRender } from '../render/board.ts';
import type { SceneSheetRender } from './scene/sheet.ts';

export type { SceneSheet, SceneSheetRender } from './scene/sheet.ts';
export { SceneTooLarge } from './scene/sheetErrors.ts';

/**
 * Every board kind's renderer, loaded on demand, without React: what the server's export routes and
 * `npm run export` use. The descriptors' `render` (src/boards/<kind>/index.ts) load the same
 * functions; tests/unit/board-registry.test.ts checks that they agree.
 */
export const boardRenderers: Record<BoardKind, () => Promise<BoardRender>> = {
  mindmap: () => import('./mindmap/render.ts').then((m) => m.renderMindMap),
  scene: () => import('./scene/render.ts').then((m) => m.renderScene),
  evidence: () => import('./graph/render.ts').then((m) => m.renderGraph),
  relationship: () => import('./graph/render.ts').then((m) => m.renderGraph),
  timeline: () => import('./timeline/render.ts').then((m) => m.renderTimeline),
};

/** The renderer of a board kind; null for a kind this version does not know. */
export function rendererOf(kind: string): (() => Promise<BoardRender>) | null {
  return (boardRenderers as Record<string, () => Promise<BoardRender>>)[kind] ?? null;
}

/**
 * Printed sheets of the kinds that have one (a scene's title block, scale bar, north arrow and
 * legend around its drawing), for board PDFs; other kinds print their plain picture.
 */
export const sheetRenderers: Partial<Record<BoardKind, () => Promise<SceneSheetRender>>> = {
  scene: () => import('./scene/sheet.ts').then((m) => m.renderSceneSheet),
};
