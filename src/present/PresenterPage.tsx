import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight, MonitorOff, Square } from 'lucide-react';
import { listSlides, positionsOf } from '../core/commands/deck.ts';
import { deckOf } from '../core/doc.ts';
import { useYValue } from '../files/useYValue.ts';
import { CaseSession } from '../sync/CaseSession.ts';
import type { User } from '../app/api.ts';
import { SlideView } from './SlideView.tsx';
import { channelName, type PresenterMessage } from './channel.ts';
import type { ShownState } from './PresentView.tsx';
import './present.css';

/**
 * The presenter view, in a second window: the current and next slide, the notes, the elapsed time
 * and the clock, and controls that drive the presenting window over a BroadcastChannel.
 */
export function PresenterPage({ caseId, user }: { caseId: string; user: User }) {
  const [session, setSession] = useState<CaseSession | null>(null);
  useEffect(() => {
    const opened = new CaseSession(caseId, { id: user.id, displayName: user.displayName }, true);
    setSession(opened);
    return () => opened.destroy();
  }, [caseId, user.id, user.displayName]);
  if (!session) return null;
  return <Presenter session={session} caseId={caseId} />;
}

function Presenter({ session, caseId }: { session: CaseSession; caseId: string }) {
  const { t, i18n } = useTranslation('present');
  const { doc } = session;
  const slides = useYValue(deckOf(doc), () => listSlides(doc));
  const [state, setState] = useState<ShownState | null>(null);
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
    const onKey = (event: KeyboardEvent) => {
      const send = (cmd: 'next' | 'prev' | 'black') =>
        channel.postMessage({ type: 'command', cmd } satisfies PresenterMessage);
      if (['ArrowRight', 'ArrowDown', ' ', 'PageDown'].includes(event.key)) send('next');
      else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key)) send('prev');
      else if (event.key === 'b' || event.key === 'B') send('black');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [channel]);

  const index = state ? slides.findIndex((s) => s.id === state.slideId) : -1;
  const slide = index >= 0 ? slides[index]! : null;
  // The next thing the audience will see: the next build step, or the next slide.
  const next =
    slide && state && state.step + 1 < positionsOf(slide)
      ? { slide, step: state.step + 1 }
      : slides[index + 1]
        ? { slide: slides[index + 1]!, step: 0 }
        : null;
  const elapsed = state ? Math.max(0, Math.floor((now - state.startedAt) / 1000)) : 0;
  const clock = new Date(now).toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
  });
  const command = (cmd: 'next' | 'prev' | 'black' | 'exit') =>
    channel.postMessage({ type: 'command', cmd } satisfies PresenterMessage);

  if (!state || !slide)
    return (
      <main className="presenter" data-testid="presenter-page">
        <p>{t('presenter.waiting')}</p>
      </main>
    );
  return (
    <main
      className="presenter"
      data-testid="presenter-page"
      data-slide-index={index}
      data-step={state.step}
    >
      <section>
        <h2>
          {t('presenter.current')} · {index + 1}/{slides.length}{' '}
          {state.black && `· ${t('presenter.black')}`}
        </h2>
        <div className="presenter__current">
          <SlideView doc={doc} caseId={caseId} slide={slide} step={state.step} />
        </div>
      </section>
      <section>
        <h2>{t('presenter.next')}</h2>
        <div className="presenter__next">
          {next ? (
            <SlideView doc={doc} caseId={caseId} slide={next.slide} step={next.step} instant />
          ) : (
            <p className="present__message">{t('presenter.end')}</p>
          )}
        </div>
        <div className="presenter__times">
          <span>
            {t('presenter.elapsed')} {formatDuration(elapsed)}
          </span>
          <span>
            {t('presenter.clock')} {clock}
          </span>
        </div>
      </section>
      <section className="presenter__notes" data-testid="presenter-notes">
        <h2>{t('presenter.notes')}</h2>
        {slide.notes}
      </section>
      <section className="presenter__controls">
        <button type="button" onClick={() => command('prev')}>
          <ChevronLeft size={20} /> {t('presenter.prev')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => command('next')}
          data-testid="presenter-next"
        >
          {t('presenter.forward')} <ChevronRight size={20} />
        </button>
        <button type="button" onClick={() => command('black')}>
          <Square size={20} /> {t('presenter.black')}
        </button>
        <button type="button" onClick={() => command('exit')}>
          <MonitorOff size={20} />
        </button>
      </section>
    </main>
  );
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${p2(m)}:${p2(s)}` : `${p2(m)}:${p2(s)}`;
}
