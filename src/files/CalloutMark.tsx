import { useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { calloutBoxes, connectBoxes, fitCallout, type Box } from '../core/callout.ts';
import type { Mark } from '../core/commands/files.ts';

/** Where a callout's copy now is, in page fractions, as the document stores it. */
export interface CalloutCopy {
  x2: number;
  y2: number;
  w2: number;
}

interface CalloutMarkProps {
  mark: Mark;
  aspect: number;
  image: string;
  title: ReactNode;
  onDelete: (() => void) | undefined;
  /** Moves or resizes the copy (one document change when the gesture ends); null when read-only. */
  onMove: ((copy: CalloutCopy) => void) | null;
}

type Gesture = { mode: 'move' | 'resize'; x: number; y: number; box: Box };

/** A callout: its region, a connector, and the enlarged copy one can drag and resize. */
export function CalloutMark({ mark, aspect, image, title, onDelete, onMove }: CalloutMarkProps) {
  const [preview, setPreview] = useState<Box | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const { region, copy: stored } = calloutBoxes(mark, aspect);
  const copy = preview ?? stored;
  const line = connectBoxes(region, copy);
  const color = mark.color ?? '#2563eb';

  const toLayer = (event: ReactPointerEvent<SVGElement>) => {
    const matrix = (event.currentTarget.ownerSVGElement ?? null)?.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  };
  const begin = (mode: Gesture['mode']) => (event: ReactPointerEvent<SVGElement>) => {
    if (!onMove) return;
    // The page pans and the drawing tools draw on a press; this press is the copy's.
    event.stopPropagation();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const p = toLayer(event);
    gesture.current = { mode, x: p.x, y: p.y, box: copy };
  };
  const drag = (event: ReactPointerEvent<SVGElement>) => {
    const g = gesture.current;
    if (!g) return;
    const p = toLayer(event);
    const dx = p.x - g.x;
    const dy = p.y - g.y;
    // Resizing keeps the proportions: the axis the pointer moved most along decides the width.
    const dyAsWidth = (dy * g.box.w) / g.box.h;
    const next =
      g.mode === 'move'
        ? { ...g.box, x: g.box.x + dx, y: g.box.y + dy }
        : { ...g.box, w: g.box.w + (Math.abs(dx) >= Math.abs(dyAsWidth) ? dx : dyAsWidth) };
    setPreview(fitCallout(next, region, { w: 1, h: aspect }));
  };
  const end = () => {
    const moved = gesture.current && preview;
    gesture.current = null;
    setPreview(null);
    if (moved && onMove) onMove({ x2: preview.x, y2: preview.y / aspect, w2: preview.w });
  };

  const handle = Math.min(0.03, copy.w / 4, copy.h / 4);
  return (
    <g
      className="mark mark--callout"
      data-testid="mark-callout"
      onDoubleClick={onDelete}
      onPointerMove={drag}
      onPointerUp={end}
      onPointerCancel={end}
    >
      {title}
      <rect
        data-testid="callout-region"
        x={region.x}
        y={region.y}
        width={region.w}
        height={region.h}
        fill="none"
        stroke={color}
        strokeWidth={0.003}
      />
      <line data-testid="callout-connector" {...line} stroke={color} strokeWidth={0.002} />
      <rect x={copy.x} y={copy.y} width={copy.w} height={copy.h} fill="#fff" />
      <svg
        x={copy.x}
        y={copy.y}
        width={copy.w}
        height={copy.h}
        viewBox={`${region.x} ${region.y} ${region.w} ${region.h}`}
        preserveAspectRatio="none"
      >
        <image href={image} x={0} y={0} width={1} height={aspect} preserveAspectRatio="none" />
      </svg>
      <rect
        data-testid="callout-copy"
        className={onMove ? 'callout-copy is-movable' : 'callout-copy'}
        x={copy.x}
        y={copy.y}
        width={copy.w}
        height={copy.h}
        fill="transparent"
        stroke={color}
        strokeWidth={0.004}
        onPointerDown={begin('move')}
      />
      {onMove && (
        <rect
          data-testid="callout-resize"
          className="callout-resize"
          x={copy.x + copy.w - handle}
          y={copy.y + copy.h - handle}
          width={handle}
          height={handle}
          fill={color}
          onPointerDown={begin('resize')}
        />
      )}
    </g>
  );
}
