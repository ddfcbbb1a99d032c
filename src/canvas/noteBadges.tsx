import { createContext, memo, useContext, useEffect, useSyncExternalStore } from 'react';
import { useStore } from '@xyflow/react';
import type * as Y from 'yjs';
import { notesOf, openNoteCounts, type NoteAnchor } from '../core/notes.ts';
import './noteBadges.css';

/**
 * Review notes on boards (docs/review.md): the open-note count of each annotated item, read by a
 * badge per item, and what the person has selected, for "Add note". The case page provides both;
 * present mode, the presenter and hearing views, versions and exports provide neither, so no
 * badge is ever drawn there.
 *
 * Counts are computed once per change of the `notes` map (one Map by anchor key); each badge
 * subscribes to its own key and re-renders only when its count changes.
 */
export interface NoteCounts {
  subscribe(listener: () => void): () => void;
  count(key: string): number;
  destroy(): void;
}

/** A live count of open notes per anchor key of `doc` (`anchorKey` in core/notes.ts). */
export function createNoteCounts(doc: Y.Doc): NoteCounts {
  const listeners = new Set<() => void>();
  let counts = openNoteCounts(doc);
  const notes = notesOf(doc);
  const recount = () => {
    counts = openNoteCounts(doc);
    for (const listener of listeners) listener();
  };
  notes.observeDeep(recount);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    count: (key) => counts.get(key) ?? 0,
    destroy: () => notes.unobserveDeep(recount),
  };
}

export interface NoteBadgeScope {
  counts: NoteCounts;
  /** The board drawn under this scope (null for the deck). */
  boardId: string | null;
  /** Opens the thread of an anchor (the badge's click). */
  open(anchor: NoteAnchor): void;
  /** The badge's accessible name: "2 open notes". */
  label(count: number): string;
  /** Tells the page what is selected on the board, for "Add note" (null: nothing). */
  select(anchor: NoteAnchor | null): void;
}

export const NoteBadgeContext = createContext<NoteBadgeScope | null>(null);

const noop = () => () => undefined;
const zero = () => 0;

function useCount(key: string | null): number {
  const scope = useContext(NoteBadgeContext);
  return useSyncExternalStore(
    scope && key ? scope.counts.subscribe : noop,
    scope && key ? () => scope.counts.count(key) : zero,
  );
}

function anchorOf(
  scope: NoteBadgeScope,
  target: { node?: string; edge?: string; slide?: string },
): NoteAnchor | null {
  if (target.slide) return { kind: 'slide', slide: target.slide };
  if (!scope.boardId) return null;
  if (target.node) return { kind: 'node', board: scope.boardId, node: target.node };
  if (target.edge) return { kind: 'edge', board: scope.boardId, edge: target.edge };
  return null;
}

function keyOf(
  scope: NoteBadgeScope | null,
  target: { node?: string; edge?: string; slide?: string },
) {
  if (!scope) return null;
  if (target.slide) return `slide:${target.slide}`;
  if (!scope.boardId) return null;
  if (target.node) return `node:${scope.boardId}/${target.node}`;
  if (target.edge) return `edge:${scope.boardId}/${target.edge}`;
  return null;
}

/**
 * The open-note count of one item, drawn at its top right corner; nothing when it has none or
 * outside the case page. Clicking it opens the item's thread.
 * @example <NoteBadge node={id} /> // inside a topic
 */
export const NoteBadge = memo(function NoteBadge(target: {
  node?: string;
  edge?: string;
  slide?: string;
  /** Drawn inside React Flow: kept readable (12 px or more on screen) when zoomed out. */
  flow?: boolean;
  /** Inside another button (a timeline item): drawn as a span with the button role. */
  nested?: boolean;
}) {
  const scope = useContext(NoteBadgeContext);
  const count = useCount(keyOf(scope, target));
  if (!scope || count === 0) return null;
  return target.flow ? (
    <FlowBadge scope={scope} target={target} count={count} />
  ) : (
    <Badge scope={scope} target={target} count={count} nested={target.nested ?? false} />
  );
});

type BadgeTarget = { node?: string; edge?: string; slide?: string };

/** Zoomed out, the badge grows back to its size on screen (up to 2.5 times), so it stays readable. */
function FlowBadge(props: { scope: NoteBadgeScope; target: BadgeTarget; count: number }) {
  const zoom = useStore((s) => s.transform[2]);
  const scale = zoom < 1 ? Math.min(2.5, 1 / zoom) : 1;
  return <Badge {...props} scale={scale} />;
}

function Badge({
  scope,
  target,
  count,
  scale = 1,
  nested = false,
}: {
  scope: NoteBadgeScope;
  target: BadgeTarget;
  count: number;
  scale?: number;
  nested?: boolean;
}) {
  const label = scope.label(count);
  const open = (e: React.SyntheticEvent) => {
    e.stopPropagation();
    const anchor = anchorOf(scope, target);
    if (anchor) scope.open(anchor);
  };
  const props = {
    className: 'note-badge nodrag nopan',
    style: scale !== 1 ? { transform: `scale(${scale})` } : undefined,
    title: label,
    'aria-label': label,
    'data-testid': 'note-badge',
    onPointerDown: (e: React.PointerEvent) => e.stopPropagation(),
    onClick: open,
  };
  return nested ? (
    <span
      {...props}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') open(e);
      }}
    >
      {count}
    </span>
  ) : (
    <button type="button" {...props}>
      {count}
    </button>
  );
}

/**
 * The same badge in a scene's SVG, in metres: `size` is the scene's label height, so the number
 * reads at the size of the scene's own labels.
 */
export const SvgNoteBadge = memo(function SvgNoteBadge({
  node,
  x,
  y,
  size,
}: {
  node: string;
  x: number;
  y: number;
  size: number;
}) {
  const scope = useContext(NoteBadgeContext);
  const count = useCount(keyOf(scope, { node }));
  if (!scope || count === 0) return null;
  const r = size * 0.85;
  return (
    <g
      className="note-badge-svg"
      role="button"
      aria-label={scope.label(count)}
      data-testid="note-badge"
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        const anchor = anchorOf(scope, { node });
        if (anchor) scope.open(anchor);
      }}
    >
      <title>{scope.label(count)}</title>
      <circle cx={x} cy={y} r={r} fill="#b45309" stroke="#fff" strokeWidth={r * 0.15} />
      <text
        x={x}
        y={y}
        fontSize={size}
        fill="#fff"
        fontWeight={700}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {count}
      </text>
    </g>
  );
});

/** Tells the case page which slide of the deck is selected, for "Add note". */
export function useNoteSlideSelection(slide: string | null | undefined): void {
  const select = useContext(NoteBadgeContext)?.select;
  useEffect(() => {
    if (select && slide) select({ kind: 'slide', slide });
  }, [select, slide]);
}

/**
 * Tells the case page what is selected on a board (the first selected node, or a link), for
 * "Add note"; forgets it when the board goes.
 */
export function useNoteSelection(node: string | null | undefined, edge?: string | null): void {
  const scope = useContext(NoteBadgeContext);
  const boardId = scope?.boardId ?? null;
  const select = scope?.select;
  useEffect(() => {
    if (!select || !boardId) return;
    select(
      edge
        ? { kind: 'edge', board: boardId, edge }
        : node
          ? { kind: 'node', board: boardId, node }
          : null,
    );
  }, [select, boardId, node, edge]);
  useEffect(() => () => select?.(null), [select]);
}
