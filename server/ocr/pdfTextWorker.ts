import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { readPdfText } from './pdfText.ts';

/**
 * The worker thread that reads a PDF's text layer (pdfText.ts), so that parsing a 300-page file
 * never holds up the server's requests. It posts each page as it is read, then `done`.
 */
const { path } = workerData as { path: string };
try {
  const bytes = new Uint8Array(await readFile(path));
  await readPdfText(bytes, (page) => parentPort!.postMessage({ type: 'page', ...page }));
  parentPort!.postMessage({ type: 'done' });
} catch (err) {
  parentPort!.postMessage({
    type: 'error',
    message: err instanceof Error ? err.message : String(err),
  });
}
