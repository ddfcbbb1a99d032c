import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../core/schema.ts';
import { Marking } from './Marking.tsx';
import './present.css';

interface LiveState {
  slide: number;
  count: number;
  step: number;
  title: string;
  black: boolean;
  pointer: { x: number; y: number } | null;
  spotlight: { x: number; y: number; r: number } | null;
  image: number;
  presenter: string;
}

/**
 * What a hearing-link holder sees, with no account: the presenter's slide as a picture, the step,
 * the pointer and the spotlight, live. Nothing else of the case reaches this page.
 */
export function LivePage({ token }: { token: string }) {
  const { t } = useTranslation('present');
  const [state, setState] = useState<LiveState | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [classification, setClassification] = useState<Classification>('none');
  useEffect(() => {
    let source: EventSource | null = null;
    let cancelled = false;
    void fetch(`/api/live/${token}`, { headers: { 'Accept-Language': navigator.language } }).then(
      async (res) => {
        const body = (await res.json()) as {
          message?: string;
          state?: LiveState | null;
          classification?: Classification;
        };
        if (cancelled) return;
        if (!res.ok) return setRefused(body.message ?? t('live.refused'));
        setClassification(body.classification ?? 'none');
        setState(body.state ?? null);
        source = new EventSource(`/api/live/${token}/events`);
        source.addEventListener('state', (event) => {
          setState(
            (JSON.parse((event as MessageEvent<string>).data) as { state: LiveState | null }).state,
          );
        });
        source.addEventListener('end', (event) => {
          const reason = (JSON.parse((event as MessageEvent<string>).data) as { reason: string })
            .reason;
          setRefused(
            reason === 'revoked' || reason === 'expired' ? t('live.refused') : t('live.ended'),
          );
          source?.close();
        });
      },
      () => setRefused(t('live.refused')),
    );
    return () => {
      cancelled = true;
      source?.close();
    };
  }, [token, t]);
  useEffect(() => setEnded(false), [state]);
  // A slide's picture carries the marking itself (top and bottom, drawn from the document, so a
  // saved copy keeps it); the page marks only what it shows without one.
  const pictured = !!state && !ended && !refused && state.image > 0 && !state.black;
  return (
    <main
      className={
        classification !== 'none' && state && !refused && !ended && !pictured
          ? 'live live--marked'
          : 'live'
      }
      data-testid="live-page"
      data-slide-index={state?.slide ?? -1}
      data-step={state?.step ?? 0}
    >
      {!refused && !state?.black && !pictured && (
        <Marking classification={classification} testId="live-classification" />
      )}
      {refused ? (
        <p className="live__message" role="alert" data-testid="live-refused">
          {refused}
        </p>
      ) : !state || ended ? (
        <p className="live__message" data-testid="live-waiting">
          {t('live.waiting')}
        </p>
      ) : (
        <div className="live__stage">
          {state.image > 0 && !state.black && (
            <img
              className="live__image"
              style={{ width: '100%', height: '100%' }}
              src={`/api/live/${token}/image?v=${state.image}`}
              alt={state.title}
              data-testid="live-image"
            />
          )}
          {state.black && <div className="present__black" />}
          {state.spotlight && (
            <div
              className="present__spotlight"
              style={{
                background: `radial-gradient(circle at ${state.spotlight.x * 100}% ${state.spotlight.y * 100}%, transparent ${state.spotlight.r * 100}vmin, rgba(0,0,0,0.78) ${state.spotlight.r * 100 + 1}vmin)`,
              }}
            />
          )}
          {state.pointer && (
            <div
              className="present__laser"
              data-testid="live-laser"
              style={{ left: `${state.pointer.x * 100}%`, top: `${state.pointer.y * 100}%` }}
            />
          )}
          <span className="live__bar">
            {state.presenter} · {state.slide + 1}/{state.count}
          </span>
        </div>
      )}
    </main>
  );
}
