import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import {
  listSlides,
  nextPosition,
  positionsOf,
  previousPosition,
  type DeckPosition,
} from '../core/commands/deck.ts';
import { deckOf } from '../core/doc.ts';
import { useYValue } from '../files/useYValue.ts';
import { SlideView } from './SlideView.tsx';
import { Marking, useClassification } from './Marking.tsx';
import { channelName, type PresenterMessage } from './channel.ts';
import { publishImage, publishState, endPublishing } from './publish.ts';
import type { Point, Region, ShownState } from './shownState.ts';
import './present.css';

export type { ShownState } from './shownState.ts';

/** Display choices for presenting, kept in this browser (a projector stays the same projector). */
export const prefs = {
  get(key: string): boolean {
    try {
      return localStorage.getItem(`caseboard.present.${key}`) === '1';
    } catch {
      return false;
    }
  },
  set(key: string, on: boolean): void {
    try {
      localStorage.setItem(`caseboard.present.${key}`, on ? '1' : '0');
    } catch {
      // Private windows may refuse storage: the choice lasts for this presentation only.
    }
  },
};

export interface PresentViewProps {
  doc: Y.Doc;
  caseId: string;
  awareness: Awareness | null;
  /** `present` drives the deck; `follow` shows what the presenter with `clientId` shows. */
  mode: 'present' | 'follow';
  start?: DeckPosition;
  clientId?: number;
  /** Whether hearing-link holders are shown this presentation (editors and owners; the server refuses viewers). */
  toHearingLinks?: boolean;
  onExit(): void;
}

/**
 * Present mode and follow mode: the slide fills the screen at its aspect ratio. Presenting, the keys
 * move through slides and build steps, and the pointer, spotlight, zoom and black screen are shown
 * to everyone following (awareness), to hearing-link holders (the server) and to the presenter view
 * (BroadcastChannel).
 */
export function PresentView(props: PresentViewProps) {
  const { doc, caseId, awareness, mode, onExit } = props;
  const publishes = mode === 'present' && props.toHearingLinks !== false;
  const { t } = useTranslation('present');
  const slides = useYValue(deckOf(doc), () => listSlides(doc));
  const classification = useClassification(doc);
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [contrast, setContrast] = useState(() => prefs.get('contrast'));
  const [large, setLarge] = useState(() => prefs.get('large'));

  // Presenting: the presenter's own state.
  const [position, setPosition] = useState<DeckPosition>(props.start ?? { index: 0, step: 0 });
  const [black, setBlack] = useState(false);
  const [laser, setLaser] = useState(false);
  const [laserHeld, setLaserHeld] = useState(false);
  const [spot, setSpot] = useState(false);
  const [pointer, setPointer] = useState<Point | null>(null);
  const [zoom, setZoom] = useState<Region | null>(null);
  const [zooming, setZooming] = useState<{ from: Point; to: Point } | null>(null);
  const [zoomArmed, setZoomArmed] = useState(false);
  const digits = useRef('');
  const startedAt = useRef(Date.now());

  // Following: the presenter's state from awareness.
  const remote = useRemotePresenter(awareness, mode === 'follow' ? props.clientId : undefined);

  const shown: ShownState | null = useMemo(() => {
    if (mode === 'follow') return remote?.state ?? null;
    const slide = slides[position.index];
    return {
      slideId: slide?.id ?? '',
      index: position.index,
      count: slides.length,
      step: position.step,
      title: slide?.title ?? '',
      black,
      pointer: laser || laserHeld ? pointer : null,
      spotlight: spot && pointer ? { ...pointer, r: 0.16 } : null,
      zoom,
      startedAt: startedAt.current,
    };
  }, [mode, remote, slides, position, black, laser, laserHeld, spot, pointer, zoom]);

  const slideIndex = shown ? slides.findIndex((s) => s.id === shown.slideId) : -1;
  const slide = slideIndex >= 0 ? slides[slideIndex]! : null;

  // Full screen while presenting or following, where the browser allows it.
  useEffect(() => {
    const element = root.current;
    if (element?.requestFullscreen && !document.fullscreenElement)
      element.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);
  useEffect(() => root.current?.focus(), []);

  // Publish: awareness for members, the server for hearing links, the channel for the presenter view.
  const channel = useMemo(
    () =>
      mode === 'present' && typeof BroadcastChannel !== 'undefined'
        ? new BroadcastChannel(channelName(caseId))
        : null,
    [mode, caseId],
  );
  useEffect(() => {
    if (mode !== 'present' || !shown) return;
    awareness?.setLocalStateField('present', shown);
    if (publishes) publishState(caseId, shown);
    channel?.postMessage({ type: 'state', state: shown } satisfies PresenterMessage);
  }, [mode, shown, awareness, caseId, channel, publishes]);
  useEffect(() => {
    if (mode !== 'present') return;
    return () => {
      awareness?.setLocalStateField('present', null);
      if (publishes) endPublishing(caseId);
      channel?.postMessage({ type: 'ended' } satisfies PresenterMessage);
      channel?.close();
    };
  }, [mode, awareness, caseId, channel, publishes]);
  // A picture of the slide for hearing links, once the camera has settled on a new slide or step.
  const pictureKey = shown ? `${shown.slideId}/${shown.step}/${shown.black}/${contrast}` : '';
  useEffect(() => {
    if (!publishes || !pictureKey) return;
    const timer = setTimeout(() => {
      if (stage.current) void publishImage(caseId, stage.current, black);
    }, 900);
    return () => clearTimeout(timer);
  }, [publishes, pictureKey, caseId, black]);

  const go = useCallback(
    (next: DeckPosition) => {
      setPosition(next);
      setZoom(null);
    },
    [setPosition],
  );
  const command = useCallback(
    (cmd: PresenterMessage & { type: 'command' }) => {
      if (cmd.cmd === 'next') go(nextPosition(slides, position));
      else if (cmd.cmd === 'prev') go(previousPosition(slides, position));
      else if (cmd.cmd === 'black') setBlack((b) => !b);
      else if (
        (cmd.cmd === 'goto' || cmd.cmd === 'start') &&
        cmd.index !== undefined &&
        slides[cmd.index]
      )
        go({ index: cmd.index, step: 0 });
      else if (cmd.cmd === 'exit') onExit();
    },
    [go, slides, position, onExit],
  );
  useEffect(() => {
    if (!channel) return;
    const onMessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'command') command(event.data);
      if (event.data.type === 'hello' && shown)
        channel.postMessage({ type: 'state', state: shown } satisfies PresenterMessage);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [channel, command, shown]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const key = event.key;
    if (key === 'Escape') {
      event.preventDefault();
      if (zoom || zooming || zoomArmed) {
        setZoom(null);
        setZooming(null);
        setZoomArmed(false);
      } else onExit();
      return;
    }
    if (key === 'c' || key === 'C') {
      prefs.set('contrast', !contrast);
      setContrast(!contrast);
      return;
    }
    if (key === 't' || key === 'T') {
      prefs.set('large', !large);
      setLarge(!large);
      return;
    }
    if (mode !== 'present') return;
    if (/^[0-9]$/.test(key)) {
      digits.current += key;
      return;
    }
    if (key === 'Enter' && digits.current) {
      const n = Number(digits.current) - 1;
      digits.current = '';
      if (slides[n]) go({ index: n, step: 0 });
      return;
    }
    digits.current = '';
    if (['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter'].includes(key)) {
      event.preventDefault();
      go(nextPosition(slides, position));
    } else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].includes(key)) {
      event.preventDefault();
      go(previousPosition(slides, position));
    } else if (key === 'Home') go({ index: 0, step: 0 });
    else if (key === 'End' && slides.length > 0) {
      const last = slides.length - 1;
      go({ index: last, step: positionsOf(slides[last]!) - 1 });
    } else if (key === 'b' || key === 'B' || key === '.') setBlack((b) => !b);
    else if (key === 'p' || key === 'P') setLaser((on) => !on);
    else if (key === 'l' || key === 'L') setLaserHeld(true);
    else if (key === 's' || key === 'S') setSpot((on) => !on);
    else if (key === 'z' || key === 'Z') {
      if (zoom) setZoom(null);
      else setZoomArmed((on) => !on);
    }
  };
  const onKeyUp = (event: React.KeyboardEvent) => {
    if (event.key === 'l' || event.key === 'L') setLaserHeld(false);
  };

  const fractionOf = (event: PointerEvent): Point => {
    const box = root.current!.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)),
      y: Math.min(1, Math.max(0, (event.clientY - box.top) / box.height)),
    };
  };
  const pointerFrame = useRef(0);
  const onPointerMove = (event: PointerEvent) => {
    if (mode !== 'present') return;
    const at = fractionOf(event);
    if (zooming) setZooming({ ...zooming, to: at });
    if (!(laser || laserHeld || spot)) return;
    // At most one update a frame: followers get a smooth pointer without a message per event.
    if (pointerFrame.current) return;
    pointerFrame.current = requestAnimationFrame(() => {
      pointerFrame.current = 0;
      setPointer(at);
    });
  };
  const onPointerDown = (event: PointerEvent) => {
    if (mode !== 'present') return;
    if (zoomArmed) {
      const at = fractionOf(event);
      setZooming({ from: at, to: at });
      return;
    }
    if (event.button === 0 && !(laser || spot)) go(nextPosition(slides, position));
  };
  const onPointerUp = () => {
    if (!zooming) return;
    const region = regionOf(zooming.from, zooming.to);
    setZooming(null);
    setZoomArmed(false);
    if (region.w > 0.02 && region.h > 0.02) setZoom(region);
  };

  const view = shown;
  const zoomStyle = view?.zoom
    ? {
        transform: `scale(${Math.min(1 / view.zoom.w, 1 / view.zoom.h)}) translate(${-view.zoom.x * 100}%, ${-view.zoom.y * 100}%)`,
        transformOrigin: '0 0',
      }
    : undefined;

  return (
    <div
      ref={root}
      className={`present${contrast ? ' present--contrast' : ''}${large ? ' present--large' : ''}${zoomArmed ? ' is-zoom-armed' : ''}`}
      tabIndex={0}
      role="dialog"
      aria-label={t('present')}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onPointerMove={onPointerMove}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      data-testid={mode === 'present' ? 'present' : 'follow'}
      data-slide-index={slideIndex}
      data-step={view?.step ?? 0}
      data-black={view?.black ? 'true' : 'false'}
    >
      {/* Its own row above the slide, so it never covers what the slide shows. */}
      <Marking classification={classification} />
      <div className="present__stage" ref={stage}>
        <div className="present__zoom" style={zoomStyle}>
          {view ? (
            <SlideView doc={doc} caseId={caseId} slide={slide} step={view.step} />
          ) : (
            <p className="present__message">{t('stopped')}</p>
          )}
        </div>
      </div>
      {view?.spotlight && (
        <div
          className="present__spotlight"
          data-testid="spotlight"
          style={{
            background: `radial-gradient(circle at ${view.spotlight.x * 100}% ${view.spotlight.y * 100}%, transparent ${view.spotlight.r * 100}vmin, rgba(0,0,0,0.78) ${view.spotlight.r * 100 + 1}vmin)`,
          }}
        />
      )}
      {view?.pointer && (
        <div
          className="present__laser"
          data-testid="laser"
          style={{ left: `${view.pointer.x * 100}%`, top: `${view.pointer.y * 100}%` }}
        />
      )}
      {zooming && (
        <div
          className="present__zoom-draft"
          style={{
            left: `${regionOf(zooming.from, zooming.to).x * 100}%`,
            top: `${regionOf(zooming.from, zooming.to).y * 100}%`,
            width: `${regionOf(zooming.from, zooming.to).w * 100}%`,
            height: `${regionOf(zooming.from, zooming.to).h * 100}%`,
          }}
        />
      )}
      {/* Black is black: no bar, no counter, no marking (present.css); the presenter view says so. */}
      {view?.black && <div className="present__black" data-testid="black" />}
      <div className="present__bar">
        {mode === 'follow' ? (
          <>
            <span>{t('following', { name: remote?.name ?? '' })}</span>
            <button type="button" onClick={onExit} data-testid="leave-follow">
              {t('leave')}
            </button>
          </>
        ) : (
          <span className="present__keys">{t('keys')}</span>
        )}
        <span className="present__counter" data-testid="present-counter">
          {t('counter', { n: slideIndex + 1, count: slides.length })}
        </span>
      </div>
    </div>
  );
}

function regionOf(a: Point, b: Point): Region {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
}

/** Someone presenting in this case, from awareness: their client id, name and state. */
export interface RemotePresenter {
  clientId: number;
  name: string;
  state: ShownState;
}

/** Everyone presenting now (usually one), kept current. */
export function usePresenters(awareness: Awareness | null): RemotePresenter[] {
  const [presenters, setPresenters] = useState<RemotePresenter[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const found: RemotePresenter[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const shown = (state as { present?: ShownState | null }).present;
        const user = (state as { user?: { name?: string } }).user;
        if (shown?.slideId) found.push({ clientId, name: user?.name ?? '', state: shown });
      });
      setPresenters(found);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return presenters;
}

function useRemotePresenter(awareness: Awareness | null, clientId: number | undefined) {
  const presenters = usePresenters(clientId === undefined ? null : awareness);
  return presenters.find((p) => p.clientId === clientId) ?? null;
}
