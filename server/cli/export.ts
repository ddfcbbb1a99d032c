import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listBoards, listSlides } from '../../src/core/index.ts';
import { boardPdf, boardSvg, deckPdf } from '../../src/export/documents/index.ts';
import { AuditTrail } from '../audit.ts';
import { loadConfig } from '../config.ts';
import { nodeResources } from '../export/resources.ts';
import { caseBlobs, storedDocument } from '../http/exports.ts';
import { openBlobStore, openStore } from '../store/open.ts';

const usage = `Usage:
  npm run export -- --case ID --board ID --format pdf|svg [options] --out FILE
  npm run export -- --case ID --deck [--per-step] [--notes] [--lang vi|en] --out FILE

Options for a board PDF:
  --paper A4|A3                     (A4)
  --orientation portrait|landscape  (landscape)
  --frame SLIDE                     only the frame of this slide of the board
  --scale N                         scenes: drawn at 1:N instead of fitted to the paper
  --lang vi|en                      the words the export adds (vi)
  --author NAME                     who made it, for the PDF's title block (none)

Reads the case as stored, with the same configuration as the server (DATA_DIR, DATABASE_URL …);
the server may be running. Each export is recorded in the audit trail (person "cli").`;

const choices = {
  format: ['pdf', 'svg'],
  paper: ['A4', 'A3'],
  orientation: ['portrait', 'landscape'],
  lang: ['vi', 'en'],
} as const;

function pick<K extends keyof typeof choices>(
  name: K,
  value: string | undefined,
  fallback: (typeof choices)[K][number],
): (typeof choices)[K][number] {
  if (value === undefined) return fallback;
  if ((choices[name] as readonly string[]).includes(value))
    return value as (typeof choices)[K][number];
  throw new UsageError(`--${name} must be one of ${choices[name].join(', ')}, not "${value}".`);
}

class UsageError extends Error {}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      case: { type: 'string' },
      board: { type: 'string' },
      deck: { type: 'boolean', default: false },
      format: { type: 'string' },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      frame: { type: 'string' },
      scale: { type: 'string' },
      lang: { type: 'string' },
      author: { type: 'string' },
      'per-step': { type: 'boolean', default: false },
      notes: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const caseId = values.case;
  const out = values.out;
  if (!caseId || !out || values.deck === Boolean(values.board)) {
    console.error(usage);
    return 2;
  }
  const format = values.deck ? 'pdf' : pick('format', values.format, 'pdf');
  const paper = pick('paper', values.paper, 'A4');
  const orientation = pick('orientation', values.orientation, 'landscape');
  const language = pick('lang', values.lang, 'vi');
  const scale = values.scale === undefined ? null : Number(values.scale);
  if (scale !== null && !(Number.isInteger(scale) && scale >= 1 && scale <= 100_000))
    throw new UsageError(`--scale must be a whole number from 1 to 100000, not "${values.scale}".`);

  const config = loadConfig(process.env);
  const store = await openStore(config);
  try {
    const record = await store.getCase(caseId);
    if (!record) {
      console.error(`No case ${caseId}.`);
      return 1;
    }
    const doc = await storedDocument(store, caseId);
    const context = {
      resources: nodeResources(caseBlobs(store, openBlobStore(store, config.dataDir), caseId)),
      language,
      date: new Date(),
      timeZone: config.timeZone,
      author: values.author?.normalize('NFC') ?? '',
    };
    const audit = new AuditTrail(store);
    if (values.deck) {
      const pdf = await deckPdf(
        doc,
        { perStep: values['per-step'], notes: values.notes },
        context,
        ({ done, total }) => process.stderr.write(`\rslide ${done}/${total}`),
      );
      process.stderr.write('\n');
      writeFileSync(out, pdf);
      await audit.record('cli', 'export', caseId, {
        what: 'deck',
        format: 'pdf',
        title: record.title,
        slides: listSlides(doc).length,
        by: 'cli',
      });
      console.log(`Wrote the deck of case ${caseId} (${pdf.byteLength} bytes) to ${out}.`);
      return 0;
    }
    const board = listBoards(doc).find((b) => b.id === values.board);
    if (!board) {
      const known = listBoards(doc).map((b) => `  ${b.id}\t${b.kind}\t${b.title}`);
      console.error(
        `No board ${values.board} in case ${caseId}.${known.length ? ` Its boards:\n${known.join('\n')}` : ' It has no boards.'}`,
      );
      return 1;
    }
    let frame = null;
    if (values.frame) {
      const slide = listSlides(doc).find((s) => s.id === values.frame);
      if (!slide || slide.kind !== 'frame' || slide.boardId !== board.id || !slide.frame) {
        console.error(`Board ${board.id} has no slide frame ${values.frame}.`);
        return 1;
      }
      frame = slide.frame;
    }
    const bytes =
      format === 'svg'
        ? await boardSvg(doc, board.id, { frame }, context)
        : await boardPdf(doc, board.id, { paper, orientation, frame, scale }, context);
    writeFileSync(out, bytes);
    await audit.record('cli', 'export', caseId, {
      what: 'board',
      format,
      source: board.id,
      title: board.title,
      ...(format === 'pdf' ? { paper, orientation } : {}),
      ...(values.frame ? { frame: values.frame } : {}),
      by: 'cli',
    });
    console.log(`Wrote board "${board.title}" as ${format.toUpperCase()} to ${out}.`);
    return 0;
  } finally {
    await store.close();
  }
}

const isUsage = (err: unknown) =>
  err instanceof UsageError ||
  String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (isUsage(err)) console.error(`${(err as Error).message}\n\n${usage}`);
    else console.error(err instanceof Error ? err.message : String(err));
    process.exit(isUsage(err) ? 2 : 1);
  },
);
