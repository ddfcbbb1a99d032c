import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import {
  boardPdf,
  boardSvg,
  deckPdf,
  SceneTooLarge,
  type ExportContext,
} from '../../src/export/documents/index.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { rsvgPng } from './rasterise.ts';
import { nodeResources } from './resources.ts';
import type { ExportTask, FromWorker, ToWorker } from './workers.ts';

/**
 * One export drawn off the server's event loop (started by `exportInWorker`, workers.ts): the task
 * comes as `workerData` with the document's state; case-file blobs are asked of the main thread,
 * which alone reads the store; the file goes back as bytes. A worker draws one export and ends.
 */

const port = parentPort!;
const task = workerData as ExportTask;
const waiting = new Map<number, (bytes: Uint8Array | null) => void>();
let next = 0;

port.on('message', (message: ToWorker) => {
  if (message.type !== 'blob') return;
  waiting.get(message.id)?.(message.bytes);
  waiting.delete(message.id);
});

function blob(hash: string): Promise<Uint8Array | null> {
  const id = next++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    port.postMessage({ type: 'blob', id, hash } satisfies FromWorker);
  });
}

async function run(): Promise<string | Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, task.state);
  const context: ExportContext = {
    resources: nodeResources(blob),
    language: task.context.language,
    date: new Date(task.context.date),
    timeZone: task.context.timeZone,
    author: task.context.author,
  };
  switch (task.kind) {
    case 'boardSvg':
      return boardSvg(doc, task.boardId, task.options, context);
    case 'boardPdf':
      return boardPdf(doc, task.boardId, task.options, context);
    case 'deckPdf':
      return deckPdf(doc, task.options, context);
    // The case report's code is loaded only by the workers that draw one.
    case 'reportPdf':
      return (await import('../../src/export/report/pdf.ts')).reportPdf(doc, context);
    case 'reportDocx':
      return (await import('../../src/export/report/docx.ts')).reportDocx(doc, context, {
        rasterise: rsvgPng,
      });
  }
}

run().then(
  (result) => {
    const message: FromWorker = { type: 'done', result };
    port.postMessage(message, typeof result === 'string' ? [] : [result.buffer as ArrayBuffer]);
  },
  (err: unknown) => {
    const message: FromWorker = {
      type: 'error',
      error: {
        kind:
          err instanceof SceneTooLarge
            ? 'sceneTooLarge'
            : err instanceof NoSuchBoard
              ? 'noSuchBoard'
              : 'other',
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof SceneTooLarge ? { scale: err.scale, fits: err.fits } : {}),
      },
    };
    port.postMessage(message);
  },
);
