import { memo, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  Copy,
  FileDown,
  FileText,
  Frame,
  MonitorPlay,
  Play,
  Presentation,
  Trash2,
  Type,
} from 'lucide-react';
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  listSlides,
  moveSlide,
  updateSlide,
  type Slide,
} from '../core/commands/deck.ts';
import { listFiles } from '../core/commands/files.ts';
import {
  boardTitleOf,
  boardsOf,
  deckOf,
  filesOf,
  recordAt,
  registerOf,
  textField,
  type BoardSummary,
} from '../core/doc.ts';
import { useYValue } from '../files/useYValue.ts';
import { useBoardViews } from './boardViews.ts';
import { HearingLinks } from './HearingLinks.tsx';
import { SlideView } from './SlideView.tsx';
import { Cancelled, deckPdf, type Progress } from './deckPdf.tsx';
import { fileNameOf, saveFile } from '../export/capture.ts';
import { exportErrorText } from '../export/errors.ts';
import { prefs } from './PresentView.tsx';
import { endpoints } from '../sync/api.ts';

export interface DeckPanelProps {
  doc: Y.Doc;
  caseId: string;
  origin: unknown;
  readOnly: boolean;
  owner: boolean;
  /** The board in view, for new frames and build steps. */
  board: BoardSummary | null;
  onPresent(index: number): void;
  onPresenterView(): void;
}

/**
 * The case's deck beside the boards: thumbnails kept current, drag to reorder, add frames from the
 * board in view, document pages and title slides, and for the selected slide its title, notes and
 * build steps. Owners also manage hearing links here.
 */
export function DeckPanel(props: DeckPanelProps) {
  const { doc, caseId, origin, readOnly, board } = props;
  const { t } = useTranslation('present');
  const slides = useYValue(deckOf(doc), () => listSlides(doc));
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { thumbs, portal } = useThumbnails(doc, caseId, slides);
  const views = useBoardViews((s) => s.views);
  const view = board ? views.get(board.id) : undefined;
  const current = slides.find((s) => s.id === selected) ?? null;
  const selectedIndex = current ? slides.indexOf(current) : -1;

  const addFrame = () => {
    const rect = view?.viewRect();
    if (!board || !rect) return;
    const id = addSlide(
      doc,
      {
        kind: 'frame',
        boardId: board.id,
        frame: rect,
        title: board.title,
        index: selectedIndex + 1 || undefined,
      },
      origin,
    );
    setSelected(id);
  };
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging) moveSlide(doc, { id: dragging, index }, origin);
    setDragging(null);
    setDropAt(null);
  };

  return (
    <section className="deck-panel" aria-label={t('deck')} data-testid="deck-panel">
      <div className="deck-panel__actions">
        <button
          type="button"
          className="primary"
          disabled={slides.length === 0}
          onClick={() => props.onPresent(Math.max(0, selectedIndex))}
          data-testid="present-start"
        >
          <Play size={16} /> {selectedIndex > 0 ? t('presentFromHere') : t('present')}
        </button>
        <button
          type="button"
          disabled={slides.length === 0}
          onClick={props.onPresenterView}
          data-testid="presenter-view"
        >
          <MonitorPlay size={16} /> {t('presenterView')}
        </button>
      </div>
      <DisplayChoices />
      {slides.length > 0 && <DeckExport doc={doc} caseId={caseId} slides={slides} />}
      {!readOnly && (
        <div className="deck-panel__actions">
          <button
            type="button"
            onClick={addFrame}
            disabled={!view}
            title={view ? t('addFrameHint') : t('noFrameBoard')}
            data-testid="add-frame"
          >
            <Frame size={16} /> {t('addFrame')}
          </button>
          <AddDocument
            doc={doc}
            onAdd={(file) => {
              const id = addSlide(
                doc,
                {
                  kind: 'document',
                  file: file.hash,
                  page: 1,
                  title: file.name,
                  index: selectedIndex + 1 || undefined,
                },
                origin,
              );
              setSelected(id);
            }}
          />
          <button
            type="button"
            onClick={() =>
              setSelected(
                addSlide(
                  doc,
                  {
                    kind: 'title',
                    title: t('newTitle'),
                    text: '',
                    index: selectedIndex + 1 || undefined,
                  },
                  origin,
                ),
              )
            }
            data-testid="add-title"
          >
            <Type size={16} /> {t('addTitle')}
          </button>
        </div>
      )}
      {slides.length === 0 && <p className="muted">{t('empty')}</p>}
      <ol className="deck-panel__slides" data-testid="deck-slides">
        {slides.map((slide, index) => (
          <li
            key={slide.id}
            className={`deck-slide${slide.id === selected ? ' is-selected' : ''}${dropAt === index ? ' is-drop-target' : ''}`}
            draggable={!readOnly}
            onDragStart={(event) => {
              setDragging(slide.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', slide.title);
            }}
            onDragOver={(event) => {
              if (!dragging) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDrop={(event) => onDrop(event, index)}
            onDragEnd={() => {
              setDragging(null);
              setDropAt(null);
            }}
            onClick={() => setSelected(slide.id)}
            onDoubleClick={() => props.onPresent(index)}
            data-testid="deck-slide"
            data-kind={slide.kind}
          >
            <span className="deck-slide__number">{index + 1}</span>
            {thumbs.get(slide.id) ? (
              <img
                className="deck-slide__thumb"
                src={thumbs.get(slide.id)}
                alt=""
                data-testid="deck-thumb"
              />
            ) : (
              <span className="deck-slide__thumb" aria-hidden />
            )}
            <span className="deck-slide__title">
              {slide.kind === 'frame' ? (
                <Frame size={14} />
              ) : slide.kind === 'document' ? (
                <FileText size={14} />
              ) : (
                <Presentation size={14} />
              )}{' '}
              {slide.title || '—'}
              {slide.steps.length > 0 && <span className="muted"> · {slide.steps.length}▸</span>}
            </span>
          </li>
        ))}
      </ol>
      {current && (
        <SlideEditor
          key={current.id}
          doc={doc}
          origin={origin}
          readOnly={readOnly}
          slide={current}
          onMessage={setMessage}
          onDeleted={() => setSelected(null)}
          onDuplicated={setSelected}
        />
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {props.owner && <HearingLinks caseId={caseId} />}
      {portal}
    </section>
  );
}

/** Text fields of the slide editor that are written when left or when the editor goes away. */
type SlideText = Partial<Record<'title' | 'text' | 'notes', string>>;

/** Writes text typed in the slide editor that the slide does not hold yet, unless it is gone. */
function writeText(doc: Y.Doc, slideId: string, typed: SlideText, origin: unknown): void {
  const record = recordAt(deckOf(doc), slideId);
  if (!record) return;
  const patch = Object.fromEntries(
    Object.entries(typed).filter(([key, value]) => textField(record, key) !== value),
  );
  if (Object.keys(patch).length > 0) updateSlide(doc, { id: slideId, patch }, origin);
}

function AddDocument({
  doc,
  onAdd,
}: {
  doc: Y.Doc;
  onAdd(file: { hash: string; name: string }): void;
}) {
  const { t } = useTranslation('present');
  const files = useYValue(filesOf(doc), () =>
    listFiles(doc).map((f) => ({ hash: f.hash, name: f.name })),
  );
  return (
    <select
      value=""
      onChange={(event) => {
        const file = files.find((f) => f.hash === event.target.value);
        if (file) onAdd(file);
      }}
      disabled={files.length === 0}
      aria-label={t('addDocument')}
      data-testid="add-document"
    >
      <option value="">
        {t('addDocument')}: {t('chooseFile')}
      </option>
      {files.map((f) => (
        <option key={f.hash} value={f.hash}>
          {f.name}
        </option>
      ))}
    </select>
  );
}

/** Title, notes, page, frame and build steps of one slide; typed text is written when left. */
function SlideEditor({
  doc,
  origin,
  readOnly,
  slide,
  onMessage,
  onDeleted,
  onDuplicated,
}: {
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  slide: Slide;
  onMessage(message: string | null): void;
  onDeleted(): void;
  onDuplicated(id: string): void;
}) {
  const { t } = useTranslation('present');
  const [title, setTitle] = useState(slide.title);
  const [notes, setNotes] = useState(slide.notes);
  const [text, setText] = useState(slide.text ?? '');
  const view = useBoardViews((s) => (slide.boardId ? s.views.get(slide.boardId) : undefined));
  const boardTitle = useYValue(boardsOf(doc), () =>
    slide.boardId ? boardTitleOf(doc, slide.boardId) : '',
  );
  const patch = (p: Record<string, unknown>) =>
    updateSlide(doc, { id: slide.id, patch: p }, origin);
  // Title, text and notes typed and not yet written. Written when a field is left, and also when the
  // editor goes away without a blur (another slide picked, a document page added): nothing is lost.
  const unsaved = useRef<SlideText>({});
  const remember = (field: keyof SlideText, value: string) => {
    unsaved.current = { ...unsaved.current, [field]: value };
  };
  const save = () => {
    writeText(doc, slide.id, unsaved.current, origin);
    unsaved.current = {};
  };
  const slideId = slide.id;
  useEffect(() => {
    const typed = unsaved;
    return () => {
      writeText(doc, slideId, typed.current, origin);
      typed.current = {};
    };
  }, [doc, slideId, origin]);
  const addStep = () => {
    const chosen = view?.selection() ?? [];
    if (chosen.length === 0) {
      onMessage(t('noSelection', { board: boardTitle }));
      return;
    }
    onMessage(null);
    patch({ steps: [...slide.steps, chosen] });
  };
  return (
    <div className="deck-editor" data-testid="slide-editor">
      <label>
        {t('title')}
        <input
          value={title}
          disabled={readOnly}
          onChange={(e) => {
            setTitle(e.target.value);
            remember('title', e.target.value);
          }}
          onBlur={save}
          data-testid="slide-title-input"
        />
      </label>
      {slide.kind === 'title' && (
        <label>
          {t('text')}
          <textarea
            rows={3}
            value={text}
            disabled={readOnly}
            onChange={(e) => {
              setText(e.target.value);
              remember('text', e.target.value);
            }}
            onBlur={save}
          />
        </label>
      )}
      {slide.kind === 'document' && (
        <label>
          {t('page')}
          <input
            type="number"
            min={1}
            value={slide.page ?? 1}
            disabled={readOnly}
            onChange={(e) =>
              Number(e.target.value) >= 1 && patch({ page: Math.floor(Number(e.target.value)) })
            }
          />
        </label>
      )}
      <label>
        {t('notes')}
        <textarea
          rows={4}
          value={notes}
          disabled={readOnly}
          onChange={(e) => {
            setNotes(e.target.value);
            remember('notes', e.target.value);
          }}
          onBlur={save}
          data-testid="slide-notes"
        />
      </label>
      {slide.kind === 'frame' && !readOnly && (
        <>
          <div className="deck-editor__row">
            <button
              type="button"
              disabled={!view}
              onClick={() => {
                const rect = view?.viewRect();
                if (rect) patch({ frame: rect });
              }}
            >
              <Frame size={16} /> {t('updateFrame')}
            </button>
          </div>
          <strong>{t('steps')}</strong>
          <p className="muted">{t('stepsHint')}</p>
          <ol data-testid="slide-steps">
            {slide.steps.map((step, i) => (
              <li key={i}>
                {t('step', { n: i + 1, count: step.length })}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => patch({ steps: slide.steps.filter((_, j) => j !== i) })}
                >
                  {t('removeStep')}
                </button>
              </li>
            ))}
          </ol>
          <div className="deck-editor__row">
            <button type="button" onClick={addStep} data-testid="add-step">
              {t('addStep')}
            </button>
            <select
              value={slide.build}
              onChange={(e) => patch({ build: e.target.value })}
              aria-label={t('steps')}
            >
              <option value="hide">{t('buildHide')}</option>
              <option value="dim">{t('buildDim')}</option>
            </select>
          </div>
        </>
      )}
      {!readOnly && (
        <div className="deck-editor__row">
          <button
            type="button"
            onClick={() => onDuplicated(duplicateSlide(doc, { id: slide.id }, origin))}
          >
            <Copy size={16} /> {t('duplicate')}
          </button>
          <button
            type="button"
            onClick={() => {
              deleteSlide(doc, { id: slide.id }, origin);
              onDeleted();
            }}
            data-testid="slide-delete"
          >
            <Trash2 size={16} /> {t('delete')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Thumbnails of the slides, drawn one at a time off screen by the same `SlideView` and captured
 * with html-to-image; a slide is drawn again when it or its board changes (after a quiet moment).
 */
function useThumbnails(
  doc: Y.Doc,
  caseId: string,
  slides: readonly Slide[],
): { thumbs: Map<string, string>; portal: ReactNode } {
  const [thumbs, setThumbs] = useState<Map<string, string>>(new Map());
  const [queue, setQueue] = useState<string[]>([]);
  const done = useRef(new Map<string, string>());
  const [versions, setVersions] = useState<Record<string, number>>({});
  // Counts changes per board (and to the register and files, which every slide may show).
  useEffect(() => {
    const counts: Record<string, number> = {};
    let timer: ReturnType<typeof setTimeout> | null = null;
    const bump = (key: string) => {
      counts[key] = (counts[key] ?? 0) + 1;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setVersions({ ...counts }), 1500);
    };
    const onBoards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) bump(String(event.path[0] ?? ''));
    };
    const onShared = () => bump('*');
    boardsOf(doc).observeDeep(onBoards);
    registerOf(doc).observeDeep(onShared);
    filesOf(doc).observeDeep(onShared);
    return () => {
      if (timer) clearTimeout(timer);
      boardsOf(doc).unobserveDeep(onBoards);
      registerOf(doc).unobserveDeep(onShared);
      filesOf(doc).unobserveDeep(onShared);
    };
  }, [doc]);
  useEffect(() => {
    const stale: string[] = [];
    for (const slide of slides) {
      const signature = `${JSON.stringify(slide)}|${versions[slide.boardId ?? ''] ?? 0}|${versions['*'] ?? 0}`;
      if (done.current.get(slide.id) !== signature) stale.push(slide.id);
    }
    setQueue(stale);
  }, [slides, versions]);

  const next = queue[0] ? (slides.find((s) => s.id === queue[0]) ?? null) : null;
  return useThumbnailMaker(doc, caseId, next, versions, done, setQueue, thumbs, setThumbs);
}

function useThumbnailMaker(
  doc: Y.Doc,
  caseId: string,
  slide: Slide | null,
  versions: Record<string, number>,
  done: React.MutableRefObject<Map<string, string>>,
  setQueue: React.Dispatch<React.SetStateAction<string[]>>,
  thumbs: Map<string, string>,
  setThumbs: React.Dispatch<React.SetStateAction<Map<string, string>>>,
): { thumbs: Map<string, string>; portal: ReactNode } {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    const element = document.createElement('div');
    element.className = 'deck-thumbs';
    element.setAttribute('aria-hidden', 'true');
    document.body.appendChild(element);
    setHost(element);
    return () => element.remove();
  }, []);
  useEffect(() => {
    if (!slide || !host) return;
    let cancelled = false;
    const signature = `${JSON.stringify(slide)}|${versions[slide.boardId ?? ''] ?? 0}|${versions['*'] ?? 0}`;
    const timer = setTimeout(async () => {
      try {
        const { toJpeg } = await import('html-to-image');
        // The host sits behind the page, transparent; its copy in the picture is drawn opaque.
        const url = await toJpeg(host, {
          quality: 0.7,
          pixelRatio: 0.25,
          skipFonts: true,
          backgroundColor: '#ffffff',
          style: { zIndex: 'auto', opacity: '1' },
        });
        if (cancelled) return;
        setThumbs((all) => new Map(all).set(slide.id, url));
      } catch {
        // A slide that cannot be drawn keeps its old thumbnail.
      }
      if (cancelled) return;
      done.current.set(slide.id, signature);
      setQueue((q) => q.filter((id) => id !== slide.id));
    }, 1000);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slide, host, versions, done, setQueue, setThumbs]);
  const portal =
    host && slide
      ? createPortal(<ThumbSlide doc={doc} caseId={caseId} slide={slide} />, host)
      : null;
  return { thumbs, portal };
}

const ThumbSlide = memo(function ThumbSlide({
  doc,
  caseId,
  slide,
}: {
  doc: Y.Doc;
  caseId: string;
  slide: Slide;
}) {
  return (
    <SlideView
      doc={doc}
      caseId={caseId}
      slide={slide}
      step={Math.max(0, slide.steps.length)}
      instant
    />
  );
});

/** High contrast for projectors and large text, for the next presentation in this browser. */
function DisplayChoices() {
  const { t } = useTranslation('present');
  const [contrast, setContrast] = useState(() => prefs.get('contrast'));
  const [large, setLarge] = useState(() => prefs.get('large'));
  return (
    <div className="deck-panel__actions">
      <label>
        <input
          type="checkbox"
          checked={contrast}
          onChange={(e) => {
            prefs.set('contrast', e.target.checked);
            setContrast(e.target.checked);
          }}
          data-testid="present-contrast"
        />{' '}
        {t('contrast')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={large}
          onChange={(e) => {
            prefs.set('large', e.target.checked);
            setLarge(e.target.checked);
          }}
        />{' '}
        {t('large')}
      </label>
    </div>
  );
}

/** The deck as a PDF: 16:9 pages, per slide or per build step, with notes pages if asked; cancellable. */
function DeckExport({
  doc,
  caseId,
  slides,
}: {
  doc: Y.Doc;
  caseId: string;
  slides: readonly Slide[];
}) {
  const { t } = useTranslation('interop');
  const [perStep, setPerStep] = useState(false);
  const [notes, setNotes] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    try {
      const bytes = await deckPdf(
        doc,
        caseId,
        slides,
        { perStep, notes, notesTitle: t('notesTitle') },
        setProgress,
        controller.signal,
      );
      saveFile(
        new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        fileNameOf(slides[0]?.title ?? 'deck', 'pdf'),
      );
      void endpoints.recordExport(caseId, {
        what: 'deck',
        format: 'pdf',
        title: slides[0]?.title ?? '',
      });
    } catch (err) {
      setMessage(err instanceof Cancelled ? t('cancelled') : exportErrorText(t, err));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };
  return (
    <div className="deck-panel__actions" data-testid="deck-export">
      <label>
        <input type="checkbox" checked={perStep} onChange={(e) => setPerStep(e.target.checked)} />{' '}
        {t('perStep')}
      </label>
      <label>
        <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />{' '}
        {t('notesPages')}
      </label>
      {progress ? (
        <>
          <progress max={progress.total} value={progress.done} data-testid="export-progress" />
          <span>{t('working', { done: progress.done, total: progress.total })}</span>
          <button type="button" onClick={() => abort.current?.abort()} data-testid="export-cancel">
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()} data-testid="deck-pdf">
          <FileDown size={16} /> {t('deckPdf')}
        </button>
      )}
      {message && <span role="status">{message}</span>}
    </div>
  );
}
