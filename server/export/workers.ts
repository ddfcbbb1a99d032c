import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import {
  Cancelled,
  SceneTooLarge,
  type BoardPdfOptions,
  type DeckPdfOptions,
  type ExportContext,
} from '../../src/export/documents/index.ts';
import type { Rect } from '../../src/render/board.ts';
import { NoSuchBoard } from '../../src/render/board.ts';

/**
 * Exports drawn in a worker thread (exportWorker.ts), so that a large board's PDF (a second of CPU)
 * never holds up the sync rooms and requests of everyone else on the server. One worker per export:
 * it starts in some 100 ms next to seconds of drawing, ends with its export, and a client gone away
 * is answered by terminating it. The main thread keeps reading the case file's blobs for it.
 */

/** What crosses to the worker: the document as its state, the context without functions. */
export type ExportTask = {
  state: Uint8Array;
  context: { language: string; date: number; timeZone?: string; author?: string };
} & (
  | { kind: 'boardSvg'; boardId: string; options: { frame?: Rect | null } }
  | { kind: 'boardPdf'; boardId: string; options: BoardPdfOptions }
  | { kind: 'deckPdf'; options: DeckPdfOptions }
  | { kind: 'reportPdf' | 'reportDocx' }
);

export type ToWorker = { type: 'blob'; id: number; bytes: Uint8Array | null };
export type FromWorker =
  | { type: 'blob'; id: number; hash: string }
  | { type: 'done'; result: string | Uint8Array }
  | {
      type: 'error';
      error: {
        kind: 'sceneTooLarge' | 'noSuchBoard' | 'other';
        message: string;
        scale?: number;
        fits?: number;
      };
    };

/**
 * The worker: the bundle's `exportWorker.js` beside this module (dist-server/), or, running from
 * the TypeScript sources (tsx, tests), a script that registers tsx in the worker first.
 */
function newWorker(task: ExportTask): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./exportWorker.js', import.meta.url), { workerData: task });
  // The ES module build of tsx's API (require.resolve finds its CommonJS twin beside it).
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const entry = new URL('./exportWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: task });
}

/** The task of an export: the document's state and the context's plain parts. */
export function exportTask(
  doc: Y.Doc,
  context: Omit<ExportContext, 'resources'>,
  job:
    | { kind: 'boardSvg'; boardId: string; options: { frame?: Rect | null } }
    | { kind: 'boardPdf'; boardId: string; options: BoardPdfOptions }
    | { kind: 'deckPdf'; options: DeckPdfOptions }
    | { kind: 'reportPdf' | 'reportDocx' },
): ExportTask {
  return {
    ...job,
    state: Y.encodeStateAsUpdate(doc),
    context: {
      language: context.language,
      date: context.date.getTime(),
      ...(context.timeZone ? { timeZone: context.timeZone } : {}),
      ...(context.author ? { author: context.author } : {}),
    },
  };
}

/**
 * Runs `task` in a worker thread; `blob` reads the case file for it. Rejects with the pipeline's
 * own errors (`NoSuchBoard`, `SceneTooLarge`), or `Cancelled` when `signal` aborts.
 */
export function exportInWorker(
  task: ExportTask,
  blob: (hash: string) => Promise<Uint8Array | null>,
  signal?: AbortSignal,
): Promise<string | Uint8Array> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const worker = newWorker(task);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new Cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'blob') {
        blob(message.hash).then(
          (bytes) => worker.postMessage({ type: 'blob', id: message.id, bytes } satisfies ToWorker),
          () =>
            worker.postMessage({ type: 'blob', id: message.id, bytes: null } satisfies ToWorker),
        );
      } else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(rebuilt(message.error, task)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the export worker stopped (exit code ${code})`))),
    );
  });
}

function rebuilt(error: Extract<FromWorker, { type: 'error' }>['error'], task: ExportTask): Error {
  if (error.kind === 'sceneTooLarge') return new SceneTooLarge(error.scale ?? 0, error.fits ?? 0);
  if (error.kind === 'noSuchBoard') return new NoSuchBoard('boardId' in task ? task.boardId : '');
  return new Error(error.message);
}
