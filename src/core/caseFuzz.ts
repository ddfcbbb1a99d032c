/**
 * Fuzz generators of the case-level commands (boards, meta, register, case file, versions, deck),
 * for the convergence fuzz test; the board kinds' own are in src/boards/<kind>/fuzz.ts. Each draws
 * plausible (and now and then stale) arguments from the peer's own document. Nothing here runs in
 * the app.
 */
import * as Y from 'yjs';
import {
  addBoard,
  deleteBoard,
  listBoards,
  moveBoard,
  renameBoard,
  setBoardSetting,
} from './commands/boards.ts';
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  listSlides,
  moveSlide,
  updateSlide,
} from './commands/deck.ts';
import {
  addFileRecord,
  addMark,
  deleteMark,
  listMarks,
  setFirstBl,
  updateMark,
} from './commands/files.ts';
import { setCaseMeta } from './commands/meta.ts';
import {
  addEntity,
  attachFile,
  deleteEntity,
  detachFile,
  updateEntity,
} from './commands/register.ts';
import { entityIdsOf, FUZZ_LABELS, nodeIdsOf, stale, type FuzzContext } from './fuzz.ts';
import { docFromState, restoreVersion } from './history.ts';
import { ENTITY_KINDS } from './register.ts';
import {
  addStatementPassage,
  deleteStatementPassage,
  setComparisonMark,
  updateStatementPassage,
} from './commands/statements.ts';
import { COMPARISON_MARKS, listStatements, PASSAGE_ASPECTS } from './statements.ts';

/** A case-level generator: like a board kind's, without a board chosen for it. */
export type CaseFuzzGenerator = (context: Omit<FuzzContext, 'boardId'>) => void;

const HASHES = ['a', 'b', 'c'].map((c) => c.repeat(64));

const boardIds = (doc: Y.Doc) => listBoards(doc).map((b) => b.id);
const slideIds = (doc: Y.Doc) => listSlides(doc).map((s) => s.id);

/** Each peer's saved state, for restoring a version (the restore's argument). */
const saved = new WeakMap<Y.Doc, Uint8Array>();

/** One generator per case-level command. */
export const CASE_FUZZ: Readonly<Record<string, CaseFuzzGenerator>> = {
  addBoard: ({ doc, rng, origin: o }) =>
    void addBoard(
      doc,
      {
        kind: rng.pick(['mindmap', 'scene', 'evidence', 'timeline', 'relationship'] as const)!,
        title: rng.pick(FUZZ_LABELS.filter((l) => l.trim()))!,
      },
      o,
    ),
  renameBoard: ({ doc, rng, origin: o }) =>
    renameBoard(doc, { id: stale(rng, rng.pick(boardIds(doc))), title: 'Sơ đồ' }, o),
  moveBoard: ({ doc, rng, origin: o }) =>
    moveBoard(doc, { id: stale(rng, rng.pick(boardIds(doc))), index: rng.int(5) }, o),
  deleteBoard: ({ doc, rng, origin: o }) =>
    // Rarely, so that boards live long enough to be worked on.
    rng.chance(0.2) && deleteBoard(doc, { id: stale(rng, rng.pick(boardIds(doc))) }, o),
  setBoardSetting: ({ doc, rng, origin: o }) =>
    setBoardSetting(
      doc,
      {
        id: stale(rng, rng.pick(boardIds(doc))),
        key: 'layout',
        value: rng.pick(['balanced', 'logic-right', 'org-down'])!,
      },
      o,
    ),
  setCaseMeta: ({ doc, rng, origin: o }) =>
    setCaseMeta(doc, { caseNumber: `${rng.int(99)}/2026/HS`, title: 'Vụ án Nguyễn Văn A' }, o),

  // Register
  addEntity: ({ doc, rng, origin: o }) =>
    void addEntity(
      doc,
      { kind: rng.pick(ENTITY_KINDS)!, fields: { name: rng.pick(FUZZ_LABELS) } },
      o,
    ),
  updateEntity: ({ doc, rng, origin: o }) =>
    updateEntity(
      doc,
      {
        id: stale(rng, rng.pick(entityIdsOf(doc))),
        fields: { name: rng.pick(FUZZ_LABELS), pages: rng.pick(['12', '12-15, 18', 'x']) },
      },
      o,
    ),
  deleteEntity: ({ doc, rng, origin: o }) =>
    deleteEntity(doc, { id: stale(rng, rng.pick(entityIdsOf(doc))) }, o),
  attachFile: ({ doc, rng, origin: o }) =>
    attachFile(
      doc,
      { entityId: stale(rng, rng.pick(entityIdsOf(doc, 'evidence'))), hash: rng.pick(HASHES)! },
      o,
    ),
  detachFile: ({ doc, rng, origin: o }) =>
    detachFile(
      doc,
      { entityId: stale(rng, rng.pick(entityIdsOf(doc, 'evidence'))), hash: rng.pick(HASHES)! },
      o,
    ),

  // Statements side by side: an evidence item becomes a statement, then gets passages and marks.
  addStatementPassage: ({ doc, rng, origin: o }) => {
    const id = stale(rng, rng.pick(entityIdsOf(doc, 'evidence')));
    if (rng.chance(0.5))
      try {
        updateEntity(doc, { id, fields: { evidenceType: 'statement' } }, o);
      } catch {
        // a stale id: the passage below is refused too
      }
    void addStatementPassage(
      doc,
      id,
      {
        quote: rng.pick(FUZZ_LABELS.filter((l) => l.trim())) ?? 'Lời khai',
        target: rng.pick(entityIdsOf(doc, 'fact')),
        aspect: rng.pick(PASSAGE_ASPECTS),
        ...(rng.chance(0.5)
          ? { file: rng.pick(HASHES)!, page: 1, region: { x: 0.1, y: 0.2, w: 0.5, h: 0.1 } }
          : {}),
      },
      o,
    );
  },
  updateStatementPassage: ({ doc, rng, origin: o }) => {
    const statement = rng.pick(listStatements(doc));
    updateStatementPassage(
      doc,
      {
        statementId: stale(rng, statement?.id),
        passageId: stale(rng, rng.pick(statement?.passages.map((p) => p.id) ?? [])),
        patch: rng.pick([
          { quote: rng.pick(FUZZ_LABELS.filter((l) => l.trim())) ?? 'Khai' },
          { aspect: rng.pick(PASSAGE_ASPECTS) },
          { target: rng.pick(entityIdsOf(doc, 'fact')) ?? '' },
        ])!,
      },
      o,
    );
  },
  deleteStatementPassage: ({ doc, rng, origin: o }) => {
    const statement = rng.pick(listStatements(doc));
    deleteStatementPassage(
      doc,
      {
        statementId: stale(rng, statement?.id),
        passageId: stale(rng, rng.pick(statement?.passages.map((p) => p.id) ?? [])),
      },
      o,
    );
  },
  setComparisonMark: ({ doc, rng, origin: o }) =>
    setComparisonMark(
      doc,
      {
        statementId: stale(rng, rng.pick(listStatements(doc).map((s) => s.id))),
        target: stale(rng, rng.pick(entityIdsOf(doc, 'fact'))),
        mark: rng.chance(0.2) ? null : rng.pick(COMPARISON_MARKS)!,
      },
      o,
    ),

  // Case file
  addFileRecord: ({ doc, rng, origin: o }) =>
    addFileRecord(
      doc,
      { hash: rng.pick(HASHES)!, name: 'Biên bản.pdf', mime: 'application/pdf', size: 1000 },
      o,
    ),
  addMark: ({ doc, rng, origin: o }) =>
    void addMark(
      doc,
      {
        hash: rng.pick(HASHES)!,
        mark: { kind: 'highlight', page: 1 + rng.int(3), x: rng.next(), y: rng.next() },
      },
      o,
    ),
  updateMark: ({ doc, rng, origin: o }) => {
    const hash = rng.pick(HASHES)!;
    const id = rng.pick(listMarks(doc, hash).map((m) => m.id));
    updateMark(doc, { hash, id: stale(rng, id), mark: { text: rng.pick(FUZZ_LABELS) } }, o);
  },
  setFirstBl: ({ doc, rng, origin: o }) =>
    setFirstBl(
      doc,
      { hash: rng.pick(HASHES)!, firstBl: rng.chance(0.2) ? null : 1 + rng.int(500) },
      o,
    ),
  deleteMark: ({ doc, rng, origin: o }) => {
    const hash = rng.pick(HASHES)!;
    const id = rng.pick(listMarks(doc, hash).map((m) => m.id));
    deleteMark(doc, { hash, id: stale(rng, id) }, o);
  },

  // Versions: restore a state this peer saved earlier (then save the present one).
  restoreVersion: ({ doc, rng, origin: o }) => {
    const state = saved.get(doc);
    saved.set(doc, Y.encodeStateAsUpdate(doc));
    // Now and then: a restore takes a case back, and what is later built on it is stale.
    if (state && rng.chance(0.3)) restoreVersion(doc, docFromState(state), o);
  },

  // Deck
  addSlide: ({ doc, rng, origin: o }) => {
    const boardId = rng.pick(boardIds(doc));
    const kind = rng.pick(['frame', 'document', 'title'] as const)!;
    addSlide(
      doc,
      kind === 'frame'
        ? {
            kind,
            boardId: stale(rng, boardId),
            frame: { x: 0, y: 0, w: 800, h: 450 },
            index: rng.int(5),
          }
        : kind === 'document'
          ? { kind, file: rng.pick(HASHES)!, page: 1 }
          : { kind, title: 'Cáo trạng', text: 'Phiên tòa sơ thẩm' },
      o,
    );
  },
  updateSlide: ({ doc, rng, origin: o }) => {
    const slides = listSlides(doc);
    const slide = rng.pick(slides);
    const nodes = slide?.boardId ? nodeIdsOf(doc, slide.boardId) : [];
    const patch = rng.pick([
      { title: rng.pick(FUZZ_LABELS) },
      { notes: 'Nhấn mạnh lời khai' },
      { steps: [rng.some(nodes), rng.some(nodes)] },
      { build: rng.pick(['hide', 'dim']) },
    ])!;
    updateSlide(doc, { id: stale(rng, slide?.id), patch }, o);
  },
  moveSlide: ({ doc, rng, origin: o }) =>
    moveSlide(doc, { id: stale(rng, rng.pick(slideIds(doc))), index: rng.int(6) }, o),
  duplicateSlide: ({ doc, rng, origin: o }) =>
    void duplicateSlide(doc, { id: stale(rng, rng.pick(slideIds(doc))) }, o),
  deleteSlide: ({ doc, rng, origin: o }) =>
    deleteSlide(doc, { id: stale(rng, rng.pick(slideIds(doc))) }, o),
};
