import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ChevronLeft, ChevronRight, MonitorOff, Play, Square } from 'lucide-react';
import { listSlides, type Slide } from '../core/commands/deck.ts';
import { deckOf, metaOf, readMeta } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { CaseSession } from '../sync/CaseSession.ts';
import { ClassificationBadge } from '../ui/ClassificationBadge.tsx';
import type { User } from '../sync/api.ts';
import { SlideView } from './SlideView.tsx';
import { channelName, type PresenterMessage } from './channel.ts';
import { useClassification } from './Marking.tsx';
import type { ShownState } from './shown.ts';
import {
  presenterActions,
  runKey,
  type PresenterCommand,
  type PresenterContext,
} from './actions.ts';
import { upcoming } from './navigation.ts';

/**
 * The presenter view, in a second window on the laptop beside the projector: before presenting, the
 * deck and a button that starts it in the case's window; while presenting, the current slide large,
 * the next one, the notes, the counter, the elapsed time and the clock, and controls that drive the
 * presenting window over a BroadcastChannel.
 */
export function PresenterPage({ caseId, user }: { caseId: string; user: User }) {
  const [session, setSession] = useState<CaseSession | null>(null);
  useEffect(() => {
    const opened = new CaseSession(caseId, { id: user.id, displayName: user.displayName }, true);
    setSession(opened);
    return () => opened.destroy();
  }, [caseId, user.id, user.displayName]);
  if (!session) return null;
  return <Presenter doc={session.doc} caseId={caseId} />;
}

function Presenter({ doc, caseId }: { doc: Y.Doc; caseId: string }) {
  const { t, i18n } = useTranslation('present');
  const slides = useDoc(doc, (d) => [deckOf(d)], listSlides);
  const caseTitle = useDoc(
    doc,
    (d) => [metaOf(d)],
    (d) => readMeta(d).title,
  );
  const classification = useClassification(doc);
  const [state, setState] = useState<ShownState | null>(null);
  const [chosen, setChosen] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const channel = useMemo(() => new BroadcastChannel(channelName(caseId)), [caseId]);
  useEffect(() => {
    const onMessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'state') setState(event.data.state);
      if (event.data.type === 'ended') setState(null);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ type: 'hello' } satisfies PresenterMessage);
    return () => {
      channel.removeEventListener('message', onMessage);
      channel.close();
    };
  }, [channel]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    document.title = `${t('presenterView')} – ${caseTitle || 'CaseBoard'}`;
  }, [t, caseTitle]);
  const send = useMemo(
    () => (cmd: PresenterCommand, index?: number) =>
      channel.postMessage({ type: 'command', cmd, index } satisfies PresenterMessage),
    [channel],
  );
  useEffect(() => {
    const keys: PresenterContext = { readOnly: false, transact: (fn) => fn(), send };
    const onKey = (event: KeyboardEvent) => void runKey(presenterActions, event, keys);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

  const index = state ? slides.findIndex((s) => s.id === state.slideId) : -1;
  const slide = index >= 0 ? slides[index]! : null;
  const elapsed = state ? Math.max(0, Math.floor((now - state.startedAt) / 1000)) : 0;
  const clock = new Date(now).toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
  });
  const presenting = state && slide;

  return (
    <main
      className="presenter"
      data-testid="presenter-page"
      data-slide-index={presenting ? index : -1}
      data-step={state?.step ?? 0}
    >
      <ClassificationBadge classification={classification} banner />
      <header className="presenter__top">
        <h1 className="presenter__case">{caseTitle}</h1>
        {presenting && (
          <span className="presenter__counter" data-testid="presenter-counter">
            {index + 1} / {slides.length}
          </span>
        )}
        {state?.black && (
          <span className="presenter__black-state" data-testid="presenter-black-state">
            <Square size={16} /> {t('presenter.blackOn')}
          </span>
        )}
        <span className="presenter__times">
          {presenting && (
            <span data-testid="presenter-elapsed">
              {t('presenter.elapsed')} <strong>{formatDuration(elapsed)}</strong>
            </span>
          )}
          <span>
            {t('presenter.clock')} <strong>{clock}</strong>
          </span>
        </span>
      </header>
      {presenting ? (
        <Presenting
          doc={doc}
          caseId={caseId}
          slides={slides}
          index={index}
          state={state}
          send={send}
        />
      ) : (
        <BeforePresenting
          doc={doc}
          caseId={caseId}
          slides={slides}
          chosen={Math.min(chosen, Math.max(0, slides.length - 1))}
          onChoose={setChosen}
          onStart={(at) => send('start', at)}
        />
      )}
    </main>
  );
}

function Presenting({
  doc,
  caseId,
  slides,
  index,
  state,
  send,
}: {
  doc: Y.Doc;
  caseId: string;
  slides: readonly Slide[];
  index: number;
  state: ShownState;
  send(cmd: PresenterCommand): void;
}) {
  const { t } = useTranslation('present');
  const slide = slides[index]!;
  // The next thing the audience will see: the next build step, or the next slide.
  const next = upcoming(slides, { index, step: state.step });
  return (
    <div className="presenter__body">
      <section className="presenter__main">
        <h2 className="presenter__label">{t('presenter.current')}</h2>
        <div className="presenter__current" data-testid="presenter-current">
          <SlideView doc={doc} caseId={caseId} slide={slide} step={state.step} />
          {state.black && <div className="presenter__blacked">{t('presenter.black')}</div>}
        </div>
        <div className="presenter__controls">
          <button type="button" onClick={() => send('prev')} data-testid="presenter-prev">
            <ChevronLeft size={20} /> {t('presenter.prev')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => send('next')}
            data-testid="presenter-next"
          >
            {t('presenter.forward')} <ChevronRight size={20} />
          </button>
          <button
            type="button"
            aria-pressed={state.black}
            onClick={() => send('black')}
            data-testid="presenter-black"
          >
            <Square size={18} /> {state.black ? t('presenter.unblack') : t('presenter.black')}
          </button>
          <button type="button" onClick={() => send('exit')} data-testid="presenter-exit">
            <MonitorOff size={18} /> {t('presenter.exit')}
          </button>
        </div>
      </section>
      <aside className="presenter__side">
        <h2 className="presenter__label">{t('presenter.next')}</h2>
        <div className="presenter__next" data-testid="presenter-next-slide">
          {next ? (
            <SlideView doc={doc} caseId={caseId} slide={next.slide} step={next.step} instant />
          ) : (
            <p className="presenter__end">{t('presenter.end')}</p>
          )}
        </div>
        <Notes slide={slide} />
      </aside>
    </div>
  );
}

function BeforePresenting({
  doc,
  caseId,
  slides,
  chosen,
  onChoose,
  onStart,
}: {
  doc: Y.Doc;
  caseId: string;
  slides: readonly Slide[];
  chosen: number;
  onChoose(index: number): void;
  onStart(index: number): void;
}) {
  const { t } = useTranslation('present');
  const slide = slides[chosen] ?? null;
  return (
    <div className="presenter__body">
      <section className="presenter__main">
        <h2 className="presenter__label">{t('presenter.notStarted')}</h2>
        <div className="presenter__current" data-testid="presenter-current">
          {slide ? (
            <SlideView doc={doc} caseId={caseId} slide={slide} step={0} instant />
          ) : (
            <p className="presenter__end">{t('empty')}</p>
          )}
        </div>
        <div className="presenter__controls">
          <button
            type="button"
            className="primary presenter__start"
            disabled={!slide}
            onClick={() => onStart(chosen)}
            data-testid="presenter-start"
          >
            <Play size={20} />{' '}
            {chosen > 0 ? t('presenter.startHere', { n: chosen + 1 }) : t('presenter.start')}
          </button>
          <p className="presenter__hint">{t('presenter.startHint')}</p>
        </div>
      </section>
      <aside className="presenter__side">
        <h2 className="presenter__label">{t('presenter.slides', { count: slides.length })}</h2>
        <ol className="presenter__list">
          {slides.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={i === chosen}
                onClick={() => onChoose(i)}
                onDoubleClick={() => onStart(i)}
                data-testid="presenter-slide"
              >
                <span className="presenter__number">{i + 1}</span>
                <span className="presenter__slide-title">{s.title || t(`kind.${s.kind}`)}</span>
              </button>
            </li>
          ))}
        </ol>
        {slide && <Notes slide={slide} />}
      </aside>
    </div>
  );
}

function Notes({ slide }: { slide: Slide }) {
  const { t } = useTranslation('present');
  return (
    <section className="presenter__notes" data-testid="presenter-notes">
      <h2 className="presenter__label">{t('presenter.notes')}</h2>
      <div className={slide.notes ? 'presenter__notes-text' : 'presenter__notes-text is-empty'}>
        {slide.notes || t('presenter.noNotes')}
      </div>
    </section>
  );
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${p2(m)}:${p2(s)}` : `${p2(m)}:${p2(s)}`;
}
