import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Copy, Frame, Trash2 } from 'lucide-react';
import { updateSlide, type Slide } from '../core/commands/deck.ts';
import { boardTitleOf, deckOf, recordAt, textField } from '../core/doc.ts';
import { boardFieldsWatch, useDoc } from '../sync/useDoc.ts';
import { canRun, runAction } from '../ui/actions.ts';
import { deckActions, type DeckContext } from './actions.ts';
import { useBoardViews } from '../canvas/boardViews.ts';

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

/**
 * Typed text of one slide, kept until written: when a field is left, and also when the editor goes
 * away without a blur (another slide picked, a document page added), so nothing is lost.
 */
function useSlideText(doc: Y.Doc, slideId: string, origin: unknown) {
  const unsaved = useRef<SlideText>({});
  useEffect(() => {
    const typed = unsaved;
    return () => {
      writeText(doc, slideId, typed.current, origin);
      typed.current = {};
    };
  }, [doc, slideId, origin]);
  return {
    remember(field: keyof SlideText, value: string) {
      unsaved.current = { ...unsaved.current, [field]: value };
    },
    save() {
      writeText(doc, slideId, unsaved.current, origin);
      unsaved.current = {};
    },
  };
}

export interface SlideEditorProps {
  deck: DeckContext;
  slide: Slide;
  onMessage(message: string | null): void;
}

/** Title, notes, page, frame and build steps of one slide; typed text is written when left. */
export function SlideEditor({ deck, slide, onMessage }: SlideEditorProps) {
  const { doc, origin, readOnly } = deck;
  const { t } = useTranslation('present');
  const [title, setTitle] = useState(slide.title);
  const [notes, setNotes] = useState(slide.notes);
  const [text, setText] = useState(slide.text ?? '');
  const typed = useSlideText(doc, slide.id, origin);
  const patch = (p: Record<string, unknown>) =>
    updateSlide(doc, { id: slide.id, patch: p }, origin);
  return (
    <div className="deck-editor" data-testid="slide-editor">
      <label>
        {t('title')}
        <input
          value={title}
          disabled={readOnly}
          onChange={(e) => {
            setTitle(e.target.value);
            typed.remember('title', e.target.value);
          }}
          onBlur={typed.save}
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
              typed.remember('text', e.target.value);
            }}
            onBlur={typed.save}
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
            typed.remember('notes', e.target.value);
          }}
          onBlur={typed.save}
          data-testid="slide-notes"
        />
      </label>
      {slide.kind === 'frame' && !readOnly && (
        <FrameSteps doc={doc} slide={slide} patch={patch} onMessage={onMessage} />
      )}
      {!readOnly && (
        <div className="deck-editor__row">
          <button
            type="button"
            disabled={!canRun(deckActions.duplicate, deck)}
            onClick={() => runAction(deckActions.duplicate, deck)}
          >
            <Copy size={16} /> {t('duplicate')}
          </button>
          <button
            type="button"
            disabled={!canRun(deckActions.delete, deck)}
            onClick={() => runAction(deckActions.delete, deck)}
            data-testid="slide-delete"
          >
            <Trash2 size={16} /> {t('delete')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A frame slide's frame, reset to the board's view, and its build steps from the selection. */
function FrameSteps({
  doc,
  slide,
  patch,
  onMessage,
}: {
  doc: Y.Doc;
  slide: Slide;
  patch(p: Record<string, unknown>): void;
  onMessage(message: string | null): void;
}) {
  const { t } = useTranslation('present');
  const view = useBoardViews((s) => (slide.boardId ? s.views.get(slide.boardId) : undefined));
  const boardTitle = useDoc(
    doc,
    (d) => boardFieldsWatch(d, slide.boardId ?? null),
    (d) => (slide.boardId ? boardTitleOf(d, slide.boardId) : ''),
    [slide.boardId],
  );
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
  );
}
