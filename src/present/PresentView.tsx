import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { listSlides, nextPosition, type DeckPosition } from '../core/commands/deck.ts';
import { deckOf } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { presentActions, presentKeyDown, runById, type PresentContext } from './actions.ts';
import { displayPrefs } from './displayPrefs.ts';
import { Marking, useClassification } from './Marking.tsx';
import type { ShownState } from './shown.ts';
import { SlideView } from './SlideView.tsx';
import {
  SPOTLIGHT_RADIUS,
  fractionIn,
  isZoomable,
  regionOf,
  zoomTransform,
  type Point,
  type Region,
} from './stage.ts';
import { StageOverlays } from './StageOverlays.tsx';
import { usePublishing, type ChannelCommand } from './usePublishing.ts';
import { useRemotePresenter } from './usePresenters.ts';
import './present.css';

export type { ShownState } from './shown.ts';
export { usePresenters, type RemotePresenter } from './usePresenters.ts';

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

/** Presenter view commands, as the actions of present mode that do the same. */
const channelActions: Partial<Record<ChannelCommand['cmd'], string>> = {
  next: 'present.next',
  prev: 'present.previous',
  black: 'present.black',
  exit: 'present.exit',
};

/**
 * Present mode and follow mode: the slide fills the screen at its aspect ratio. Presenting, the keys
 * (`presentActions`) move through slides and build steps, and the pointer, spotlight, zoom and black
 * screen are shown to everyone following (awareness), to hearing-link holders (the server) and to
 * the presenter view (BroadcastChannel).
 */
export function PresentView(props: PresentViewProps) {
  const { doc, caseId, awareness, mode, onExit } = props;
  const presenting = mode === 'present';
  const { t, i18n } = useTranslation('present');
  const slides = useDoc(doc, (d) => [deckOf(d)], listSlides);
  const classification = useClassification(doc);
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [contrast, setContrast] = useState(() => displayPrefs.get('contrast'));
  const [large, setLarge] = useState(() => displayPrefs.get('large'));

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
  const [startedAt] = useState(() => Date.now());

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
      spotlight: spot && pointer ? { ...pointer, r: SPOTLIGHT_RADIUS } : null,
      zoom,
      startedAt,
    };
  }, [mode, remote, slides, position, black, laser, laserHeld, spot, pointer, zoom, startedAt]);

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

  const go = useCallback((next: DeckPosition) => {
    setPosition(next);
    setZoom(null);
  }, []);
  // Built when a key or a command comes, from the state of that moment.
  const actionContext = (): Omit<PresentContext, 'typed' | 'typeDigit'> => ({
    readOnly: false,
    transact: (fn) => fn(),
    presenting,
    slides,
    position,
    zoomed: Boolean(zoom || zooming || zoomArmed),
    go,
    toggleBlack: () => setBlack((b) => !b),
    toggleLaser: () => setLaser((on) => !on),
    holdLaser: () => setLaserHeld(true),
    toggleSpotlight: () => setSpot((on) => !on),
    toggleZoom: () => {
      if (zoom) setZoom(null);
      else setZoomArmed((on) => !on);
    },
    cancelZoom: () => {
      setZoom(null);
      setZooming(null);
      setZoomArmed(false);
    },
    toggleContrast: () => {
      displayPrefs.set('contrast', !contrast);
      setContrast(!contrast);
    },
    toggleLarge: () => {
      displayPrefs.set('large', !large);
      setLarge(!large);
    },
    exit: onExit,
  });

  const onCommand = (command: ChannelCommand) => {
    const id = channelActions[command.cmd];
    if (id) runById(presentActions, id, { ...actionContext(), typed: '', typeDigit: () => {} });
    else if (command.index !== undefined && slides[command.index])
      go({ index: command.index, step: 0 }); // goto and start
  };
  usePublishing({
    presenting,
    toHearingLinks: props.toHearingLinks !== false,
    caseId,
    awareness,
    shown,
    doc,
    slides,
    language: i18n.language === 'en' ? 'en' : 'vi',
    onCommand,
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    presentKeyDown(event.nativeEvent, actionContext(), digits);
  };
  const onKeyUp = (event: React.KeyboardEvent) => {
    if (event.key === 'l' || event.key === 'L') setLaserHeld(false);
  };

  const fractionOf = (event: PointerEvent): Point =>
    fractionIn(root.current!.getBoundingClientRect(), event.clientX, event.clientY);
  const pointerFrame = useRef(0);
  const onPointerMove = (event: PointerEvent) => {
    if (!presenting) return;
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
    if (!presenting) return;
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
    if (isZoomable(region)) setZoom(region);
  };

  const zoomStyle = shown?.zoom
    ? { transform: zoomTransform(shown.zoom), transformOrigin: '0 0' }
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
      data-testid={presenting ? 'present' : 'follow'}
      data-slide-index={slideIndex}
      data-step={shown?.step ?? 0}
      data-black={shown?.black ? 'true' : 'false'}
    >
      {/* Its own row above the slide, so it never covers what the slide shows. */}
      <Marking classification={classification} />
      <div className="present__stage" ref={stage}>
        <div className="present__zoom" style={zoomStyle}>
          {shown ? (
            <SlideView doc={doc} caseId={caseId} slide={slide} step={shown.step} />
          ) : (
            <p className="present__message">{t('stopped')}</p>
          )}
        </div>
      </div>
      <StageOverlays shown={shown} zooming={zooming} />
      <div className="present__bar">
        {presenting ? (
          <span className="present__keys">{t('keys')}</span>
        ) : (
          <>
            <span>{t('following', { name: remote?.name ?? '' })}</span>
            <button type="button" onClick={onExit} data-testid="leave-follow">
              {t('leave')}
            </button>
          </>
        )}
        <span className="present__counter" data-testid="present-counter">
          {t('counter', { n: slideIndex + 1, count: slides.length })}
        </span>
      </div>
    </div>
  );
}
