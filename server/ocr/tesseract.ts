import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageWord } from './textSearch.ts';

/**
 * Optical character recognition with Debian's `tesseract` and its Vietnamese model
 * (`tesseract-ocr`, `tesseract-ocr-vie`), and page pictures of PDFs with poppler's `pdftoppm`.
 * Each runs as a child process: the server's event loop only waits for it.
 */

/** Scan resolution a page is drawn at before it is read: what scanners use for text. */
export const OCR_DPI = 300;

/** Words tesseract is less sure of than this (0–100) are left out: they are mostly specks. */
const MIN_CONFIDENCE = 20;

/** A page as tesseract read it: its words (boxes as fractions of the page) and their confidence. */
export interface ReadPage {
  words: PageWord[];
  /** Mean confidence of the kept words, 0–100. */
  confidence: number;
}

/**
 * Whether `tesseract` is installed with the Vietnamese model (`vie`): OCR is off without it.
 * @example await detectTesseract() // true on a server with tesseract-ocr-vie
 */
export function detectTesseract(command = 'tesseract'): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['--list-langs'], { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) return resolve(false);
      resolve(/^vie$/m.test(`${stdout}\n${stderr}`));
    });
  });
}

/**
 * Parses tesseract's `tsv` output: the words (level 5) with their boxes as fractions of the page
 * (level 1 gives its size), in reading order, each line's last word marked.
 */
export function parseTesseractTsv(tsv: string): ReadPage {
  let pageW = 0;
  let pageH = 0;
  const words: PageWord[] = [];
  const confidences: number[] = [];
  let lastLine = '';
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = cells.map(Number);
    const text = cells.slice(11).join('\t').normalize('NFC').trim();
    if (level === 1) {
      pageW = width!;
      pageH = height!;
      continue;
    }
    if (level !== 5 || !text || !(conf! >= MIN_CONFIDENCE) || pageW <= 0 || pageH <= 0) continue;
    const lineKey = `${block}/${par}/${line}`;
    const previous = words.at(-1);
    if (previous && lineKey !== lastLine) previous.eol = true;
    lastLine = lineKey;
    words.push({
      text,
      x: left! / pageW,
      y: top! / pageH,
      w: width! / pageW,
      h: height! / pageH,
    });
    confidences.push(conf!);
  }
  const confidence = confidences.length
    ? confidences.reduce((a, b) => a + b, 0) / confidences.length
    : 0;
  return { words, confidence };
}

/** Runs a program, collecting its standard output; rejects with its standard error on failure. */
function run(command: string, args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread per tesseract: the configured number of files at once is the CPU it may take.
    const child = spawn(command, args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 4000) err += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${command} exited with ${code}: ${err.trim().slice(0, 500)}`));
    });
  });
}

/** Reads the words of a picture (PNG, JPEG, WebP) with tesseract's Vietnamese model. */
export async function ocrImage(path: string, signal?: AbortSignal): Promise<ReadPage> {
  return parseTesseractTsv(await run('tesseract', [path, '-', '-l', 'vie', 'tsv'], signal));
}

/**
 * Draws page `page` of the PDF at `path` as a greyscale PNG at scan resolution and reads it.
 * The picture goes into a temporary folder under `tmpDir`, removed afterwards.
 */
export async function ocrPdfPage(
  path: string,
  page: number,
  tmpDir: string,
  signal?: AbortSignal,
): Promise<ReadPage> {
  const dir = await mkdtemp(join(tmpDir, 'ocr-'));
  try {
    const prefix = join(dir, 'page');
    const range = ['-f', String(page), '-l', String(page)];
    await run('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-png', ...range, path, prefix], signal);
    const [png] = await readdir(dir);
    if (!png) throw new Error(`pdftoppm drew no page ${page}`);
    return await ocrImage(join(dir, png), signal);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
