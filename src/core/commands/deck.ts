import * as Y from 'yjs';
import { z } from 'zod';
import {
  boardsOf,
  deckOf,
  eachRecord,
  filesOf,
  isRecord,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from '../doc.ts';
import { PASSAGE_KEY } from '../statements.ts';
import { newId } from '../ids.ts';
import { compareOrdered, orderAfterLast, orderAt } from '../order.ts';
import { CommandError } from './boards.ts';

/**
 * The case's deck: slides shown in court or in a case report. A slide is a frame on a board (a
 * named rectangle in board coordinates, with optional build steps), a page of a case-file document,
 * a title slide, or two statement passages side by side. See docs/document-model.md, "Slides".
 */

export const SLIDE_KINDS = ['frame', 'document', 'title', 'statements'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Slide {
  id: string;
  order: string;
  kind: SlideKind;
  title: string;
  notes: string;
  /** Frame slides: the board and the rectangle on it. */
  boardId?: string;
  frame?: Rect;
  /** Frame slides: node ids revealed at each step, in order; nodes in no step show from the start. */
  steps: string[][];
  /** How nodes wait for their step: hidden, or dimmed. */
  build: 'hide' | 'dim';
  /** Document slides: the case-file file and its page (1-based; images have page 1). */
  file?: string;
  page?: number;
  /** Title slides: the text under the title. */
  text?: string;
  /** Statements slides: the two passages shown side by side, left then right. */
  passages?: PassageRef[];
}

/** A passage of a statement, as a slide names it. */
export interface PassageRef {
  statement: string;
  passage: string;
}

const passageRefsSchema = z
  .array(z.object({ statement: z.string().min(1).max(64), passage: z.string().min(1).max(64) }))
  .length(2);

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));
const finite = z.number().finite().min(-1e7).max(1e7);
const rectSchema = z.object({ x: finite, y: finite, w: finite.positive(), h: finite.positive() });
const stepsSchema = z.array(z.array(z.string().min(1).max(64)).max(5000)).max(50);

const slidePatchSchema = z.object({
  title: text(300).optional(),
  notes: text(20_000).optional(),
  frame: rectSchema.optional(),
  steps: stepsSchema.optional(),
  build: z.enum(['hide', 'dim']).optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  text: text(2000).optional(),
});

/** Reads one slide record, or null when it is not a well-formed slide. */
export function readSlide(record: unknown): Slide | null {
  if (!isRecord(record)) return null;
  const id = record.get('id');
  const kind = record.get('kind');
  if (typeof id !== 'string' || !(SLIDE_KINDS as readonly unknown[]).includes(kind)) return null;
  const slide: Slide = {
    id,
    order: textField(record, 'order'),
    kind: kind as SlideKind,
    title: textField(record, 'title'),
    notes: textField(record, 'notes'),
    steps: [],
    build: record.get('build') === 'dim' ? 'dim' : 'hide',
  };
  const boardId = record.get('boardId');
  const frame = rectSchema.safeParse(record.get('frame'));
  const steps = stepsSchema.safeParse(record.get('steps'));
  const file = record.get('file');
  const page = record.get('page');
  const body = record.get('text');
  if (typeof boardId === 'string') slide.boardId = boardId;
  if (frame.success) slide.frame = frame.data;
  if (steps.success) slide.steps = steps.data;
  if (typeof file === 'string') slide.file = file;
  if (typeof page === 'number') slide.page = page;
  if (typeof body === 'string') slide.text = body;
  const passages = passageRefsSchema.safeParse(record.get('passages'));
  if (passages.success) slide.passages = passages.data;
  return slide;
}

/** The deck in order: by fractional order key, then id, so every peer shows one order. */
export function listSlides(doc: Y.Doc): Slide[] {
  const slides: Slide[] = [];
  eachRecord(deckOf(doc), (record) => {
    const slide = readSlide(record);
    if (slide) slides.push(slide);
  });
  return slides.sort(compareOrdered);
}

/**
 * Adds a slide (at the end, or at `index`) and returns its id.
 * @example addSlide(doc, { kind: 'frame', boardId, frame: { x: 0, y: 0, w: 1600, h: 900 }, title: 'Diễn biến' }, origin)
 */
export function addSlide(
  doc: Y.Doc,
  args: {
    kind: SlideKind;
    title?: string;
    boardId?: string;
    frame?: Rect;
    file?: string;
    page?: number;
    text?: string;
    passages?: PassageRef[];
    index?: number;
    id?: string;
  },
  origin: unknown,
): string {
  if (!SLIDE_KINDS.includes(args.kind))
    throw new CommandError('slide.badKind', `Unknown slide kind: ${args.kind}`);
  if (args.kind === 'frame') {
    if (!args.boardId || !boardsOf(doc).has(args.boardId))
      throw new CommandError('board.notFound', 'A frame slide needs a board of this case.');
    if (!args.frame) throw new CommandError('slide.badFields', 'A frame slide needs a frame.');
  }
  if (args.kind === 'document' && (!args.file || !filesOf(doc).has(args.file)))
    throw new CommandError('slide.noFile', 'A document slide needs a file of the case file.');
  if (args.kind === 'statements') {
    const refs = passageRefsSchema.safeParse(args.passages);
    if (!refs.success || !refs.data.every((ref) => passageExists(doc, ref)))
      throw new CommandError('slide.noPassage', 'A statements slide needs two passages.');
  }
  const fields = parse({
    title: args.title ?? '',
    ...(args.frame ? { frame: args.frame } : {}),
    ...(args.page !== undefined ? { page: args.page } : {}),
    ...(args.text !== undefined ? { text: args.text } : {}),
  });
  const slides = listSlides(doc);
  const order = args.index === undefined ? orderAfterLast(slides) : orderAt(slides, args.index);
  const id = args.id ?? newId();
  doc.transact(() => {
    const record: YRecord = new Y.Map();
    record.set('id', id);
    record.set('order', order);
    record.set('kind', args.kind);
    record.set('notes', '');
    if (args.boardId) record.set('boardId', args.boardId);
    if (args.file) record.set('file', args.file);
    if (args.kind === 'statements' && args.passages)
      record.set(
        'passages',
        args.passages.map((ref) => ({ statement: ref.statement, passage: ref.passage })),
      );
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    deckOf(doc).set(id, record);
  }, origin);
  return id;
}

function passageExists(doc: Y.Doc, ref: PassageRef): boolean {
  const statement = recordAt(registerOf(doc), ref.statement);
  return !!statement && statement.has(PASSAGE_KEY + ref.passage);
}

function parse(patch: unknown) {
  const parsed = slidePatchSchema.safeParse(patch);
  if (!parsed.success)
    throw new CommandError('slide.badFields', parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

function requireSlide(doc: Y.Doc, id: string): YRecord {
  const record = recordAt(deckOf(doc), id);
  if (!record) throw new CommandError('slide.notFound', `No slide ${id} in this case.`);
  return record;
}

/** Changes a slide's title, notes, frame, steps, build style, page or text. */
export function updateSlide(
  doc: Y.Doc,
  args: { id: string; patch: Record<string, unknown> },
  origin: unknown,
): void {
  const record = requireSlide(doc, args.id);
  const patch = parse(args.patch);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined) record.set(key, value);
  }, origin);
}

/** Moves a slide to `index` in the deck (0 is first). */
export function moveSlide(doc: Y.Doc, args: { id: string; index: number }, origin: unknown): void {
  const record = requireSlide(doc, args.id);
  const others = listSlides(doc).filter((s) => s.id !== args.id);
  const order = orderAt(others, args.index);
  doc.transact(() => record.set('order', order), origin);
}

/** Copies a slide right after itself and returns the copy's id. */
export function duplicateSlide(doc: Y.Doc, args: { id: string }, origin: unknown): string {
  const slide = readSlide(requireSlide(doc, args.id));
  if (!slide) throw new CommandError('slide.notFound', `No slide ${args.id} in this case.`);
  const index = listSlides(doc).findIndex((s) => s.id === args.id) + 1;
  let id = '';
  doc.transact(() => {
    id = addSlide(
      doc,
      {
        kind: slide.kind,
        title: slide.title,
        index,
        ...(slide.boardId ? { boardId: slide.boardId } : {}),
        ...(slide.frame ? { frame: slide.frame } : {}),
        ...(slide.file ? { file: slide.file } : {}),
        ...(slide.page ? { page: slide.page } : {}),
        ...(slide.text !== undefined ? { text: slide.text } : {}),
        ...(slide.passages ? { passages: slide.passages } : {}),
      },
      origin,
    );
    updateSlide(
      doc,
      { id, patch: { notes: slide.notes, steps: slide.steps, build: slide.build } },
      origin,
    );
  }, origin);
  return id;
}

export function deleteSlide(doc: Y.Doc, args: { id: string }, origin: unknown): void {
  requireSlide(doc, args.id);
  doc.transact(() => deckOf(doc).delete(args.id), origin);
}

/** How many positions a slide has: the start, then one per build step. */
export function positionsOf(slide: Pick<Slide, 'steps'>): number {
  return slide.steps.filter((step) => step.length > 0).length + 1;
}

/**
 * The nodes a frame slide keeps back at a step (0: before the first reveal): those of later steps.
 * A node named in several steps shows from the first of them.
 * @example waitingAt({ steps: [['a'], ['b']] }, 1) // Set { 'b' }
 */
export function waitingAt(slide: Pick<Slide, 'steps'>, step: number): Set<string> {
  const steps = slide.steps.filter((s) => s.length > 0);
  const shown = new Set<string>();
  for (let i = 0; i < Math.min(step, steps.length); i++) for (const id of steps[i]!) shown.add(id);
  const waiting = new Set<string>();
  for (let i = step; i < steps.length; i++)
    for (const id of steps[i]!) if (!shown.has(id)) waiting.add(id);
  return waiting;
}

/** A place in a deck: a slide and a step on it. */
export interface DeckPosition {
  index: number;
  step: number;
}

/** The next step, or the next slide's start; stays at the end. */
export function nextPosition(slides: readonly Slide[], at: DeckPosition): DeckPosition {
  const slide = slides[at.index];
  if (!slide) return { index: Math.max(0, slides.length - 1), step: 0 };
  if (at.step + 1 < positionsOf(slide)) return { index: at.index, step: at.step + 1 };
  if (at.index + 1 < slides.length) return { index: at.index + 1, step: 0 };
  return at;
}

/** The step before, or the previous slide's last step; stays at the start. */
export function previousPosition(slides: readonly Slide[], at: DeckPosition): DeckPosition {
  if (at.step > 0) return { index: at.index, step: at.step - 1 };
  const before = slides[at.index - 1];
  if (!before) return { index: 0, step: 0 };
  return { index: at.index - 1, step: positionsOf(before) - 1 };
}
