import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { MonitorPlay, Play } from 'lucide-react';
import { listSlides } from '../core/commands/deck.ts';
import { deckOf, type BoardSummary } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { canRun, runAction } from '../ui/actions.ts';
import { useRegisterActions, type RegisteredActions } from '../ui/actionRegistry.ts';
import {
  DECK_ACTIONS,
  deckActions,
  presentActions,
  type DeckContext,
  type PresentContext,
} from './actions.ts';
import { AddSlides } from './AddSlides.tsx';
import { useBoardViews } from '../canvas/boardViews.ts';
import { DeckExport } from './DeckExport.tsx';
import { DisplayChoices } from './DisplayChoices.tsx';
import { HearingLinks } from './HearingLinks.tsx';
import { SlideEditor } from './SlideEditor.tsx';
import { SlideList } from './SlideList.tsx';
import { useThumbnails } from './useThumbnails.tsx';
// The panel's looks (thumbnails, actions) are present's, loaded with it, not with the first slide.
import './present.css';

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

/** Present mode's keys, listed in the `?` sheet while the deck is open (they run in present mode). */
const PRESENT_KEYS: RegisteredActions<PresentContext> = {
  table: presentActions,
  title: 'present:presentKeys',
};

/**
 * The case's deck beside the boards: thumbnails kept current, drag to reorder, add frames from the
 * board in view, document pages and title slides, and for the selected slide its title, notes and
 * build steps. Owners also manage hearing links here.
 */
export function DeckPanel(props: DeckPanelProps) {
  const { doc, caseId, origin, readOnly, board } = props;
  const { t } = useTranslation('present');
  const slides = useDoc(doc, (d) => [deckOf(d)], listSlides);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const thumbs = useThumbnails(doc, caseId, slides);
  const view = useBoardViews((s) => (board ? s.views.get(board.id) : undefined));
  const current = slides.find((s) => s.id === selected) ?? null;
  const selectedIndex = current ? slides.indexOf(current) : -1;
  const deck: DeckContext = {
    doc,
    origin,
    readOnly,
    transact: (fn) => doc.transact(fn, origin),
    slides,
    selected: current,
    selectedIndex,
    board,
    viewRect: () => view?.viewRect() ?? null,
    canFrame: view !== undefined,
    newTitle: t('newTitle'),
    select: setSelected,
    present: props.onPresent,
    presenterView: props.onPresenterView,
  };
  // The palette and the `?` sheet offer the deck's actions, and present mode's keys, while open.
  const latest = useRef(deck);
  latest.current = deck;
  const registered = useMemo(
    () => ({ table: DECK_ACTIONS, context: () => latest.current, title: 'present:deck' }),
    [],
  );
  useRegisterActions('deck', registered);
  useRegisterActions('presentKeys', PRESENT_KEYS);

  return (
    <section className="deck-panel" aria-label={t('deck')} data-testid="deck-panel">
      <div className="deck-panel__actions">
        <button
          type="button"
          className="primary"
          disabled={!canRun(deckActions.present, deck)}
          onClick={() => runAction(deckActions.present, deck)}
          data-testid="present-start"
        >
          <Play size={16} /> {selectedIndex > 0 ? t('presentFromHere') : t('present')}
        </button>
        <button
          type="button"
          disabled={!canRun(deckActions.presenterView, deck)}
          onClick={() => runAction(deckActions.presenterView, deck)}
          data-testid="presenter-view"
        >
          <MonitorPlay size={16} /> {t('presenterView')}
        </button>
      </div>
      <DisplayChoices />
      {slides.length > 0 && <DeckExport doc={doc} caseId={caseId} slides={slides} />}
      {!readOnly && <AddSlides deck={deck} />}
      <SlideList
        doc={doc}
        origin={origin}
        readOnly={readOnly}
        slides={slides}
        selected={selected}
        thumbs={thumbs}
        onSelect={setSelected}
        onPresent={props.onPresent}
      />
      {current && (
        <SlideEditor key={current.id} deck={deck} slide={current} onMessage={setMessage} />
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {props.owner && <HearingLinks caseId={caseId} />}
    </section>
  );
}
