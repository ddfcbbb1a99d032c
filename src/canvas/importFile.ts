import type * as Y from 'yjs';
import { importWorkbookSteps } from '../core/commands/mindmap.ts';
import type { MindMapModel } from '../core/interop/model.ts';
import { holdViews } from '../sync/docView.ts';
import { asOneUndoStep } from '../sync/undoSteps.ts';
import { parseMap } from './parseMap.ts';

/** The steps of an import, in order: what a progress bar shows of it. */
export const IMPORT_STEPS = ['read', 'parse', 'write', 'draw'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** An import under way: its file, its step and, while writing, the topics written of all. */
export interface ImportProgress {
  name: string;
  step: ImportStep;
  done: number;
  total: number;
}

/**
 * How long one step of writing may hold the page, in ms, the document's observers (the sync
 * socket's message, the offline cache) included: well under the 100 ms a person feels as a freeze.
 */
const STEP_MS = 40;
/** Topics written by the first step, before the page's speed is known. */
const FIRST_STEP = 200;

/** Lets the page draw (the progress bar) before the next step's work. */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
/** Gives the page its turn (input, drawing) between two steps of writing; also in a hidden tab. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const underWay = new Map<string, ImportProgress>();
const listeners = new Set<() => void>();
function publish(boardId: string, progress: ImportProgress | null): void {
  if (progress) underWay.set(boardId, progress);
  else underWay.delete(boardId);
  for (const listener of [...listeners]) listener();
}

/** The import under way into a board, or null (for `useSyncExternalStore`). */
export const importProgressOf = (boardId: string): ImportProgress | null =>
  underWay.get(boardId) ?? null;
/** Calls `listener` when an import starts, moves on or ends; returns the unsubscribe. */
export function subscribeImports(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads a dropped or chosen mind-map file and writes it into the board, under `parent` (or as
 * roots), and the further sheets of an XMind workbook into new boards, as one undo step. The file
 * is parsed in a worker; the topics are written in steps of about `STEP_MS` each, the page drawing
 * the progress (`importProgressOf`) between them while the document's views wait (`holdViews`)
 * and read the whole map once at the end. Nothing is written if the file is refused; if a step
 * fails, the steps before it are taken back. Colleagues see the topics arrive step by step.
 */
export async function importFile(
  doc: Y.Doc,
  boardId: string,
  origin: unknown,
  file: File,
  parent: string | null,
): Promise<{
  ids: string[];
  count: number;
  sheets: number;
  /** Texts converted from TCVN3 or VNI (see `fixLegacyMap`). */
  legacy?: MindMapModel['legacy'];
}> {
  const show = (step: ImportStep, done = 0, total = 0) =>
    publish(boardId, { name: file.name, step, done, total });
  try {
    show('read');
    const bytes = new Uint8Array(await file.arrayBuffer());
    await nextFrame();
    show('parse');
    const { model, count } = await parseMap(file.name, bytes);
    show('write', 0, count);
    await nextFrame();
    const release = holdViews(doc);
    try {
      const { ids, boards } = await asOneUndoStep(doc, async () => {
        const steps = importWorkbookSteps(doc, { boardId, parent, model }, origin, FIRST_STEP);
        let size = FIRST_STEP;
        let written = 0;
        for (;;) {
          const started = performance.now();
          const step = written === 0 ? steps.next() : steps.next(size);
          if (step.done) return step.value;
          // The next step sized to the time this one took per topic.
          const perTopic = (performance.now() - started) / Math.max(1, step.value - written);
          size = Math.round(Math.min(5_000, Math.max(20, STEP_MS / Math.max(perTopic, 0.001))));
          written = step.value;
          show('write', Math.min(written, count), count);
          await yieldToPage();
        }
      });
      show('draw', count, count);
      await nextFrame();
      return { ids, count, sheets: boards.length, legacy: model.legacy };
    } finally {
      release();
    }
  } finally {
    publish(boardId, null);
  }
}
