import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { formatCaseTime } from '../../core/time.ts';
import { tickStep, ticks, type TimelineItem } from '../../core/timeline.ts';
import { useDocQuery } from '../../sync/useDoc.ts';
import { timelineQuery } from './query.ts';
import { useTimelineActions, type TimelineContext } from './actions.ts';
import { TimelineToolbar } from './TimelineToolbar.tsx';
import { tickLabel } from './axis.ts';
import { AddEvent, Details } from './TimelineForms.tsx';
import { DeadlineMarkers, markerTime, useDeadlineMarkers } from './DeadlineMarkers.tsx';
import '../graph/graph.css';
import { NoteBadge, useNoteSelection } from '../../canvas/noteBadges.tsx';
import { badgeText, clampScale, fitView, stackRows, type TimelineView } from './renderLayout.ts';

export interface TimelineBoardProps {
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  /** False: no toolbar (the version view). */
  chrome?: boolean;
}

const LANE_ROW = 30;
/** A lane's height beside its rows: its name above them. */
const LANE_HEAD = 26;
type View = TimelineView;

/**
 * The part of the timeline drawn as DOM: the time from half a screen before the view to half a
 * screen after it, in the lanes from half a screen above to half a screen below. Items are placed
 * from `origin` (the window's left edge when it was decided) and the drawing is shifted by CSS, so
 * a pan within the window re-renders nothing; it is decided again when the view leaves half the
 * margin or the zoom changes.
 */
interface DrawnWindow {
  origin: number;
  msPerPx: number;
  /** The drawn time, in ms. */
  from: number;
  to: number;
  /** The drawn height, in px from the top of the lanes. */
  top: number;
  bottom: number;
}

function decideWindow(
  last: DrawnWindow | null,
  view: View,
  width: number,
  scrollTop: number,
  height: number,
): DrawnWindow {
  const span = width * view.msPerPx;
  const viewTo = view.from + span;
  if (
    last &&
    last.msPerPx === view.msPerPx &&
    view.from - span / 4 >= last.from &&
    viewTo + span / 4 <= last.to &&
    scrollTop - height / 4 >= last.top &&
    scrollTop + height + height / 4 <= last.bottom
  )
    return last;
  return {
    origin: view.from,
    msPerPx: view.msPerPx,
    from: view.from - span / 2,
    to: viewTo + span / 2,
    top: scrollTop - height / 2,
    bottom: scrollTop + height * 1.5,
  };
}

/**
 * The case timeline: register events on a time axis from minutes to years, one lane per person,
 * ranges as bars, linked evidence as badges; events without a time listed aside. Reads the
 * register, so every board and person sees the same events.
 */
export function TimelineBoard({ doc, origin, readOnly, chrome = true }: TimelineBoardProps) {
  const { t, i18n } = useTranslation('graph');
  const lang = i18n.language || 'vi';
  const timeline = useDocQuery(doc, timelineQuery);
  const area = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(600);
  const [scrollTop, setScrollTop] = useState(0);
  const [view, setView] = useState<View | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useNoteSelection(selected);
  const [adding, setAdding] = useState(false);

  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    const measure = () => {
      setWidth(element.clientWidth || 800);
      setHeight(element.clientHeight || 600);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);

  const markers = useDeadlineMarkers(doc);
  // The view that shows every event also shows every running deadline.
  const span = useMemo(() => {
    const times = markers.map(markerTime);
    if (times.length === 0) return timeline.span;
    const from = Math.min(...times, timeline.span?.from ?? Infinity);
    const to = Math.max(...times, timeline.span?.to ?? -Infinity);
    // Room after the last day for its flag's words.
    return { from, to: to + Math.max(7 * 86_400_000, (to - from) * 0.6) };
  }, [markers, timeline.span]);
  const fit = useMemo(() => (span ? fitView(span, width) : null), [span, width]);
  // Until someone zooms or pans, the view follows the events and shows all of them.
  const current = view ?? fit;

  const zoom = (factor: number, atPx = width / 2) =>
    setView((v) => {
      const base = v ?? fit;
      if (!base) return v;
      const msPerPx = clampScale(base.msPerPx * factor);
      const at = base.from + atPx * base.msPerPx;
      return { from: at - atPx * msPerPx, msPerPx };
    });
  const actionContext = (): TimelineContext => ({
    readOnly,
    transact: (fn) => doc.transact(fn, origin),
    zoom,
    fit: () => setView(null),
    add: () => setAdding(true),
  });
  useTimelineActions(actionContext);

  // Wheel zooms around the pointer (shift + wheel pans); a drag pans. Passive listeners cannot
  // prevent the page from scrolling, hence addEventListener.
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const x = event.clientX - element.getBoundingClientRect().left;
      if (event.shiftKey && current)
        setView({
          from: current.from + (event.deltaY || event.deltaX) * current.msPerPx,
          msPerPx: current.msPerPx,
        });
      else zoom(Math.exp(event.deltaY * 0.002), x);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });
  const drag = useRef<{ x: number; from: number; msPerPx: number } | null>(null);

  // Rows depend on the zoom only (stacking is the same wherever the view starts): a pan restacks
  // nothing. Items are sorted into lanes in one pass.
  const msPerPx = current?.msPerPx;
  const lanes = useMemo(() => {
    if (msPerPx === undefined) return [];
    const byLane = new Map<string, TimelineItem[]>(timeline.lanes.map((l) => [l.id, []]));
    for (const item of timeline.items) {
      if (item.people.length === 0) byLane.get('')?.push(item);
      else for (const person of new Set(item.people)) byLane.get(person)?.push(item);
    }
    let top = 0;
    return timeline.lanes.map((lane) => {
      const rows = stackRows(byLane.get(lane.id) ?? [], { from: 0, msPerPx });
      const laneHeight = Math.max(1, rows.length) * LANE_ROW + LANE_HEAD;
      const placed = { lane, rows, top, height: laneHeight };
      top += laneHeight;
      return placed;
    });
  }, [timeline, msPerPx]);
  const lastWindow = useRef<DrawnWindow | null>(null);
  const drawnWindow = current
    ? (lastWindow.current = decideWindow(lastWindow.current, current, width, scrollTop, height))
    : null;

  const step = current ? tickStep(current.msPerPx) : null;
  const axis =
    current && step ? ticks(current.from, current.from + width * current.msPerPx, step) : [];
  const selectedItem = timeline.items.find((i) => i.id === selected) ?? null;

  return (
    <div className="timeline-board" data-testid="timeline-board">
      <div className="timeline-board__main">
        {chrome && <TimelineToolbar context={actionContext} />}
        {adding && (
          <AddEvent
            doc={doc}
            origin={origin}
            onDone={(added) => {
              setAdding(false);
              // Show the whole timeline again, so the new event is in view.
              if (added) setView(null);
            }}
            lang={lang}
          />
        )}
        <div
          className="timeline"
          ref={area}
          onPointerDown={(event) => {
            if (!current || (event.target as Element).closest('.timeline-item')) return;
            drag.current = { x: event.clientX, from: current.from, msPerPx: current.msPerPx };
            (event.currentTarget as Element).setPointerCapture(event.pointerId);
          }}
          onPointerMove={(event) => {
            const start = drag.current;
            if (!start) return;
            setView({
              from: start.from - (event.clientX - start.x) * start.msPerPx,
              msPerPx: start.msPerPx,
            });
          }}
          onPointerUp={() => (drag.current = null)}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          style={
            current && drawnWindow
              ? ({
                  '--timeline-shift': `${(drawnWindow.origin - current.from) / current.msPerPx}px`,
                } as CSSProperties)
              : undefined
          }
        >
          {!current ? (
            <p className="muted timeline__empty">{t('timeline.empty')}</p>
          ) : (
            <>
              <div className="timeline__axis" data-testid="timeline-axis" data-unit={step?.unit}>
                {axis.map((tick) => (
                  <span
                    key={tick}
                    className="timeline__tick"
                    style={{ left: (tick - current.from) / current.msPerPx }}
                  >
                    {tickLabel(tick, step!.unit, lang)}
                  </span>
                ))}
              </div>
              <DeadlineMarkers
                markers={markers}
                from={current.from}
                msPerPx={current.msPerPx}
                lang={lang}
              />
              {lanes.map(({ lane, rows, top, height: laneHeight }) => (
                <Lane
                  key={lane.id || 'nobody'}
                  name={lane.name || t('timeline.nobody')}
                  rows={rows}
                  height={laneHeight}
                  drawn={
                    drawnWindow &&
                    top + LANE_HEAD < drawnWindow.bottom &&
                    top + laneHeight > drawnWindow.top
                      ? drawnWindow
                      : null
                  }
                  lang={lang}
                  selected={selected}
                  onSelect={setSelected}
                />
              ))}
            </>
          )}
        </div>
      </div>
      <aside className="proof-panel timeline-aside" data-testid="timeline-aside">
        {selectedItem && <Details item={selectedItem} doc={doc} lang={lang} />}
        <h2>{t('timeline.untimed')}</h2>
        <p className="muted">{t('timeline.untimedHint')}</p>
        <ul className="proof-panel__list" data-testid="timeline-untimed">
          {timeline.untimed.map((event) => (
            <li key={event.id}>
              {event.name}
              {event.start && <span className="muted"> — “{event.start}”</span>}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

/**
 * One person's lane: its name, and its items in the drawn window (none when the lane is outside
 * it), placed from the window's origin; the timeline's `--timeline-shift` moves them with the view.
 */
const Lane = memo(function Lane({
  name,
  rows,
  height,
  drawn,
  lang,
  selected,
  onSelect,
}: {
  name: string;
  rows: TimelineItem[][];
  height: number;
  drawn: DrawnWindow | null;
  lang: string;
  selected: string | null;
  onSelect(id: string): void;
}) {
  return (
    <section className="timeline__lane" style={{ height }} data-testid="timeline-lane">
      <h3 className="timeline__lane-name">{name}</h3>
      {drawn && (
        <div className="timeline__track">
          {rows.map((row, r) =>
            row.map((item) => {
              // Items wholly outside the window are not drawn (a label reaches 400 px left).
              const until = item.end ? Math.max(item.end.until, item.start.at) : item.start.at;
              if (until < drawn.from - 400 * drawn.msPerPx || item.start.at > drawn.to) return null;
              return (
                <Item
                  key={item.id}
                  item={item}
                  origin={drawn.origin}
                  msPerPx={drawn.msPerPx}
                  row={r}
                  lang={lang}
                  selected={item.id === selected}
                  onSelect={onSelect}
                />
              );
            }),
          )}
        </div>
      )}
    </section>
  );
});

/** One event: a bar for a range, a diamond for an instant; its name, time and evidence badges. */
const Item = memo(function Item({
  item,
  origin,
  msPerPx,
  row,
  lang,
  selected,
  onSelect,
}: {
  item: TimelineItem;
  origin: number;
  msPerPx: number;
  row: number;
  lang: string;
  selected: boolean;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation('graph');
  const x = (item.start.at - origin) / msPerPx;
  const bar = item.end ? Math.max(6, (item.end.until - item.start.at) / msPerPx) : 0;
  const when =
    formatCaseTime(item.start, lang) + (item.end ? ` – ${formatCaseTime(item.end, lang)}` : '');
  const evidence = item.evidence.map((e) => e.name);
  const badge = badgeText(item);
  return (
    <button
      type="button"
      className={`timeline-item${item.end ? ' timeline-item--range' : ''}${selected ? ' is-selected' : ''}`}
      style={{ left: x, top: 24 + row * LANE_ROW }}
      onClick={() => onSelect(item.id)}
      title={`${item.name} — ${when}`}
      data-testid="timeline-item"
      data-id={item.id}
      data-start={item.start.at}
    >
      {item.end ? (
        <span className="timeline-item__bar" style={{ width: bar }} />
      ) : (
        <span className="timeline-item__dot" aria-hidden />
      )}
      <span className="timeline-item__name">{item.name}</span>
      {evidence.length > 0 && (
        <span
          className="timeline-item__badge"
          title={t('timeline.evidence', { names: evidence.join('; ') })}
          data-testid="timeline-evidence"
        >
          {badge}
        </span>
      )}
      <NoteBadge node={item.id} nested />
    </button>
  );
});
