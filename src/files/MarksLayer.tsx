import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { placeCallout } from '../core/callout.ts';
import type { Mark, MarkInput, MarkKind } from '../core/commands/files.ts';
import { CalloutMark, type CalloutCopy } from './CalloutMark.tsx';

interface MarksLayerProps {
  image: { src: string; width: number; height: number };
  marks: Mark[];
  /** `region`: a rectangle for a review note (`onRegion`), not a mark. */
  tool: 'pan' | MarkKind | 'region';
  page: number;
  onAdd(mark: MarkInput): void;
  /** A region drawn with the `region` tool, in page fractions; a click gives the whole page. */
  onRegion?: (region: { x: number; y: number; w: number; h: number }) => void;
  onDelete: ((id: string) => void) | null;
  /** Moves or resizes a callout's copy; null when read-only. */
  onMoveCallout: ((id: string, copy: CalloutCopy) => void) | null;
  /** Asks for a note's text at a spot (the app's own dialog, not the browser's prompt). */
  onAskNote(at: { x: number; y: number }): void;
  deleteLabel: string;
}

const COLOR = '#d97706';

/**
 * The page image with its marks, in one SVG whose user space is the page in fractions (0–1), so
 * marks stay on their spot at any zoom or rotation. Drawing: drag for a highlight, an arrow or a
 * callout region; click for a note. A callout's copy is dragged to move it, by its corner to resize.
 */
export function MarksLayer({
  image,
  marks,
  tool,
  page,
  onAdd,
  onDelete,
  onMoveCallout,
  onAskNote,
  onRegion,
  deleteLabel,
}: MarksLayerProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [draft, setDraft] = useState<{ x: number; y: number; x2: number; y2: number } | null>(null);
  const aspect = image.height / image.width;

  const toPage = (event: ReactPointerEvent): { x: number; y: number } => {
    const element = svg.current;
    const matrix = element?.getScreenCTM();
    if (!element || !matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: clamp(point.x), y: clamp(point.y / aspect) };
  };

  const onPointerDown = (event: ReactPointerEvent) => {
    if (tool === 'pan') return;
    event.stopPropagation();
    const p = toPage(event);
    if (tool === 'note') return onAskNote(p);
    svg.current?.setPointerCapture?.(event.pointerId);
    setDraft({ x: p.x, y: p.y, x2: p.x, y2: p.y });
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    if (!draft) return;
    const p = toPage(event);
    setDraft({ ...draft, x2: p.x, y2: p.y });
  };
  const onPointerUp = () => {
    if (!draft || tool === 'pan' || tool === 'note') return setDraft(null);
    const box = {
      x: Math.min(draft.x, draft.x2),
      y: Math.min(draft.y, draft.y2),
      w: Math.abs(draft.x2 - draft.x),
      h: Math.abs(draft.y2 - draft.y),
    };
    setDraft(null);
    if (tool === 'region') {
      onRegion?.(Math.max(box.w, box.h) < 0.01 ? { x: 0, y: 0, w: 1, h: 1 } : box);
      return;
    }
    if (Math.max(box.w, box.h) < 0.01) return;
    if (tool === 'arrow')
      onAdd({
        kind: 'arrow',
        page,
        x: draft.x,
        y: draft.y,
        x2: draft.x2,
        y2: draft.y2,
        color: '#dc2626',
      });
    if (tool === 'highlight') onAdd({ kind: 'highlight', page, ...box, color: '#facc15' });
    if (tool === 'callout') {
      // The enlarged copy goes where it fits; the user may move it afterwards.
      const copy = placeCallout(
        { x: box.x, y: box.y * aspect, w: box.w, h: box.h * aspect },
        { w: 1, h: aspect },
      );
      onAdd({
        kind: 'callout',
        page,
        ...box,
        x2: copy.x,
        y2: copy.y / aspect,
        w2: copy.w,
        color: '#2563eb',
      });
    }
  };

  return (
    <svg
      ref={svg}
      className="marks-layer"
      viewBox={`0 0 1 ${aspect}`}
      width="100%"
      height="100%"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      data-testid="marks-layer"
    >
      <image href={image.src} x={0} y={0} width={1} height={aspect} preserveAspectRatio="none" />
      {marks.map((mark) => (
        <MarkShape
          key={mark.id}
          mark={mark}
          aspect={aspect}
          image={image.src}
          onDelete={onDelete}
          onMoveCallout={onMoveCallout}
          deleteLabel={deleteLabel}
        />
      ))}
      {draft && tool === 'arrow' && (
        <line
          x1={draft.x}
          y1={draft.y * aspect}
          x2={draft.x2}
          y2={draft.y2 * aspect}
          stroke="#dc2626"
          strokeWidth={0.004}
        />
      )}
      {draft && tool !== 'arrow' && (
        <rect
          x={Math.min(draft.x, draft.x2)}
          y={Math.min(draft.y, draft.y2) * aspect}
          width={Math.abs(draft.x2 - draft.x)}
          height={Math.abs(draft.y2 - draft.y) * aspect}
          fill="none"
          stroke="#2563eb"
          strokeDasharray="0.01"
          strokeWidth={0.003}
        />
      )}
    </svg>
  );
}

function MarkShape({
  mark,
  aspect,
  image,
  onDelete,
  onMoveCallout,
  deleteLabel,
}: {
  mark: Mark;
  aspect: number;
  image: string;
  onDelete: ((id: string) => void) | null;
  onMoveCallout: ((id: string, copy: CalloutCopy) => void) | null;
  deleteLabel: string;
}) {
  const y = mark.y * aspect;
  const remove = onDelete ? () => onDelete(mark.id) : undefined;
  const title = <title>{mark.text ?? deleteLabel}</title>;
  switch (mark.kind) {
    case 'highlight':
      return (
        <rect
          className="mark mark--highlight"
          data-testid="mark-highlight"
          x={mark.x}
          y={y}
          width={mark.w ?? 0}
          height={(mark.h ?? 0) * aspect}
          fill={mark.color ?? '#facc15'}
          fillOpacity={0.35}
          onDoubleClick={remove}
        >
          {title}
        </rect>
      );
    case 'arrow':
      return (
        <g className="mark mark--arrow" data-testid="mark-arrow" onDoubleClick={remove}>
          {title}
          <defs>
            <marker
              id={`head-${mark.id}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={mark.color ?? '#dc2626'} />
            </marker>
          </defs>
          <line
            x1={mark.x}
            y1={y}
            x2={mark.x2 ?? mark.x}
            y2={(mark.y2 ?? mark.y) * aspect}
            stroke={mark.color ?? '#dc2626'}
            strokeWidth={0.005}
            markerEnd={`url(#head-${mark.id})`}
          />
        </g>
      );
    case 'note':
      return (
        <g className="mark mark--note" data-testid="mark-note" onDoubleClick={remove}>
          {title}
          <circle cx={mark.x} cy={y} r={0.012} fill={mark.color ?? COLOR} />
          <text
            x={mark.x + 0.018}
            y={y + 0.008}
            fontSize={0.022}
            fill="#111827"
            stroke="#fff"
            strokeWidth={0.004}
            paintOrder="stroke"
          >
            {mark.text}
          </text>
        </g>
      );
    case 'callout':
      return (
        <CalloutMark
          mark={mark}
          aspect={aspect}
          image={image}
          title={title}
          onDelete={remove}
          onMove={onMoveCallout ? (copy) => onMoveCallout(mark.id, copy) : null}
        />
      );
  }
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));
