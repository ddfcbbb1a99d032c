import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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
import '../graph/graph.css';
import { badgeText, clampScale, fitView, stackRows, type TimelineView } from './renderLayout.ts';

export interface TimelineBoardProps {
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  /** False: no toolbar (the version view). */
  chrome?: boolean;
}

const LANE_ROW = 30;
type View = TimelineView;

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
  const [view, setView] = useState<View | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || 800));
    observer.observe(element);
    setWidth(element.clientWidth || 800);
    return () => observer.disconnect();
  }, []);

  const fit = useMemo(
    () => (timeline.span ? fitView(timeline.span, width) : null),
    [timeline.span, width],
  );
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

  const lanes = useMemo(() => {
    if (!current) return [];
    return timeline.lanes.map((lane) => {
      const items = timeline.items.filter((item) =>
        lane.id ? item.people.includes(lane.id) : item.people.length === 0,
      );
      return { lane, rows: stackRows(items, current) };
    });
  }, [timeline, current]);

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
              {lanes.map(({ lane, rows }) => (
                <section
                  key={lane.id || 'nobody'}
                  className="timeline__lane"
                  style={{ height: Math.max(1, rows.length) * LANE_ROW + 26 }}
                  data-testid="timeline-lane"
                >
                  <h3 className="timeline__lane-name">{lane.name || t('timeline.nobody')}</h3>
                  {rows.map((row, r) =>
                    row.map((item) => (
                      <Item
                        key={item.id}
                        item={item}
                        view={current}
                        row={r}
                        width={width}
                        lang={lang}
                        selected={item.id === selected}
                        onSelect={setSelected}
                      />
                    )),
                  )}
                </section>
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

/** One event: a bar for a range, a diamond for an instant; its name, time and evidence badges. */
const Item = memo(function Item({
  item,
  view,
  row,
  width,
  lang,
  selected,
  onSelect,
}: {
  item: TimelineItem;
  view: View;
  row: number;
  width: number;
  lang: string;
  selected: boolean;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation('graph');
  const x = (item.start.at - view.from) / view.msPerPx;
  const bar = item.end ? Math.max(6, (item.end.until - item.start.at) / view.msPerPx) : 0;
  // Items wholly outside the view are not drawn.
  if (x + bar < -400 || x > width + 50) return null;
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
    </button>
  );
});
