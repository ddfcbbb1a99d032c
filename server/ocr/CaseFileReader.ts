import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nanoid } from 'nanoid';
import { FileBlobStore, type BlobStore } from '../files/BlobStore.ts';
import { SNIFF_BYTES, sniffType } from '../files/sniff.ts';
import type { OcrFile, PageTexts } from './PageTexts.ts';
import type { PdfTextPage } from './pdfText.ts';
import { detectTesseract, ocrImage, ocrPdfPage } from './tesseract.ts';

/** A page whose text layer has fewer letters than this is a scan: it is read with OCR. */
const MIN_LETTERS = 12;

type FromWorker =
  ({ type: 'page' } & PdfTextPage) | { type: 'done' } | { type: 'error'; message: string };

/** The worker reading a PDF's text layer: the bundle's beside this module, or the sources via tsx. */
function pdfTextWorker(path: string): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./pdfTextWorker.js', import.meta.url), { workerData: { path } });
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const entry = new URL('./pdfTextWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: { path } });
}

/** Stopped because the server is closing: the file stays unfinished and is read at next start. */
class Stopped extends Error {}

export interface ReaderOptions {
  /** Files read at once (each one tesseract or one worker at a time); 0 reads nothing. */
  concurrency: number;
  /** Look for tesseract; false keeps OCR off whatever is installed. */
  ocr: boolean;
  /** Where temporary copies and page pictures go. */
  dataDir: string;
  log: (details: Record<string, unknown>, message: string) => void;
}

/**
 * Reads the text of every case file in the background: PDFs from their own text layer (pdf.js in
 * a worker thread), scanned pages and pictures with tesseract (child processes), a bounded number
 * of files at once. What it reads goes to `PageTexts` page by page, with each file's progress, so
 * a file left half-read when the server stopped is read again from where it was at the next start.
 */
export class CaseFileReader {
  private readonly waiting: string[] = [];
  private readonly live = new Map<string, { done: number; pages: number | null }>();
  private running = 0;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly workers = new Set<Worker>();
  private readonly idle = new Set<() => void>();
  private readonly tmp: string;

  private constructor(
    private readonly texts: PageTexts,
    private readonly blobs: BlobStore,
    /** Whether tesseract with the Vietnamese model is there. */
    readonly ocrOn: boolean,
    private readonly options: ReaderOptions,
  ) {
    this.tmp = join(options.dataDir, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  /** Looks for tesseract, then queues every file whose reading is unfinished. */
  static async start(texts: PageTexts, blobs: BlobStore, options: ReaderOptions) {
    const ocrOn = options.ocr && (await detectTesseract());
    const reader = new CaseFileReader(texts, blobs, ocrOn, options);
    if (!ocrOn && options.ocr)
      options.log({}, 'tesseract with the Vietnamese model (vie) not found: OCR is off');
    for (const hash of await texts.unfinished(ocrOn)) reader.enqueue(hash);
    return reader;
  }

  /** Queues a file to be read (a file already read or queued is left as it is). */
  async add(hash: string): Promise<void> {
    if (await this.texts.queue(hash)) this.enqueue(hash);
  }

  /** The state of the files, with the live page count of those being read. */
  async progress(hashes: readonly string[]): Promise<OcrFile[]> {
    const stored = new Map((await this.texts.files(hashes)).map((f) => [f.hash, f]));
    // A file that came in another way (a restored backup) is read once someone looks.
    for (const hash of hashes) if (!stored.has(hash)) await this.add(hash);
    return hashes.map((hash) => {
      const file = stored.get(hash) ?? {
        hash,
        state: 'queued' as const,
        pages: null,
        done: 0,
        reason: null,
        updatedAt: '',
      };
      const live = this.live.get(hash);
      return live ? { ...file, state: 'reading', done: live.done, pages: live.pages } : file;
    });
  }

  /** Resolves once nothing is being read or waiting (for tests and the benchmark). */
  whenIdle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Stops reading: running children and workers end; their files are read at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    // Files not started stay queued in the database: the next start reads them.
    this.waiting.length = 0;
    this.abort.abort();
    await Promise.all([...this.workers].map((w) => w.terminate()));
    await this.whenIdle();
  }

  private enqueue(hash: string): void {
    if (this.closed || this.options.concurrency <= 0) return;
    if (this.waiting.includes(hash) || this.live.has(hash)) return;
    this.waiting.push(hash);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running < this.options.concurrency && this.waiting.length > 0) {
      const hash = this.waiting.shift()!;
      this.running++;
      this.live.set(hash, { done: 0, pages: null });
      void this.read(hash).finally(() => {
        this.live.delete(hash);
        this.running--;
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) {
          for (const resolve of this.idle) resolve();
          this.idle.clear();
        }
      });
    }
  }

  private async read(hash: string): Promise<void> {
    let copy: { path: string; temporary: boolean } | null = null;
    try {
      if (!(await this.blobs.has(hash))) throw new Error('the file is not stored');
      copy = await this.localCopy(hash);
      const mime = await sniffFile(copy.path);
      await this.texts.setFile({ hash, state: 'reading', pages: null, done: 0, reason: null });
      const off =
        mime === 'application/pdf'
          ? await this.readPdf(hash, copy.path)
          : await this.readPicture(hash, copy.path);
      const live = this.live.get(hash)!;
      await this.texts.setFile({
        hash,
        state: off ? 'off' : 'done',
        pages: live.pages,
        done: live.done,
        reason: null,
      });
    } catch (err) {
      if (this.closed) return; // left as it was: read again at the next start
      const reason = err instanceof Error ? err.message.slice(0, 500) : String(err);
      this.options.log({ hash, reason }, 'could not read a case file');
      const live = this.live.get(hash);
      await this.texts
        .setFile({
          hash,
          state: 'failed',
          pages: live?.pages ?? null,
          done: live?.done ?? 0,
          reason,
        })
        .catch(() => undefined);
    } finally {
      if (copy?.temporary) await rm(copy.path, { force: true });
    }
  }

  /** A picture: one page, read with OCR. Returns true when OCR was needed and is off. */
  private async readPicture(hash: string, path: string): Promise<boolean> {
    const live = this.live.get(hash)!;
    live.pages = 1;
    if (!this.ocrOn) return true;
    const read = await ocrImage(path, this.abort.signal);
    this.checkOpen();
    await this.texts.putPage({
      hash,
      page: 1,
      source: 'ocr',
      encoding: null,
      confidence: read.confidence,
      words: read.words,
    });
    live.done = 1;
    return false;
  }

  /**
   * A PDF: every page's text layer (in a worker); the pages without one (scans) then with OCR,
   * skipping those read before a restart. Returns true when some page needed OCR and it is off.
   */
  private async readPdf(hash: string, path: string): Promise<boolean> {
    const live = this.live.get(hash)!;
    const scans: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const worker = pdfTextWorker(path);
      this.workers.add(worker);
      let writing = Promise.resolve();
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'error') return reject(new Error(`PDF: ${message.message}`));
        if (message.type === 'done') return void writing.then(resolve, reject);
        live.pages = message.count;
        const letters = message.words.reduce(
          (n, w) => n + (w.text.match(/\p{L}/gu)?.length ?? 0),
          0,
        );
        if (letters < MIN_LETTERS) return void scans.push(message.page);
        writing = writing.then(async () => {
          await this.texts.putPage({
            hash,
            page: message.page,
            source: 'text',
            encoding: message.encoding,
            confidence: null,
            words: message.words,
          });
          live.done++;
        });
      });
      worker.once('error', reject);
      worker.once('exit', () => {
        this.workers.delete(worker);
        if (this.closed) reject(new Stopped());
      });
    });
    if (scans.length === 0) return false;
    if (!this.ocrOn) return true;
    const already = await this.texts.ocrPages(hash);
    for (const page of scans) {
      this.checkOpen();
      if (!already.has(page)) {
        const read = await ocrPdfPage(path, page, this.tmp, this.abort.signal);
        this.checkOpen();
        await this.texts.putPage({
          hash,
          page,
          source: 'ocr',
          encoding: null,
          confidence: read.confidence,
          words: read.words,
        });
      }
      live.done++;
      // Kept as it goes, so that the progress survives a restart.
      if (live.done % 5 === 0)
        await this.texts.setFile({
          hash,
          state: 'reading',
          pages: live.pages,
          done: live.done,
          reason: null,
        });
    }
    return false;
  }

  private checkOpen(): void {
    if (this.closed) throw new Stopped();
  }

  /** A path the programs can read: the stored file itself, or a temporary copy of it. */
  private async localCopy(hash: string): Promise<{ path: string; temporary: boolean }> {
    if (this.blobs instanceof FileBlobStore)
      return { path: this.blobs.pathOf(hash), temporary: false };
    const path = join(this.tmp, `read-${nanoid()}`);
    await pipeline(this.blobs.open(hash), createWriteStream(path));
    return { path, temporary: true };
  }
}

async function sniffFile(path: string) {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return sniffType(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
