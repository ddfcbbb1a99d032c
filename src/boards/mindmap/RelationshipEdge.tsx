import {
  createContext,
  memo,
  useContext,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  useReactFlow,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';

export type RelationshipEdgeData = { relationship: string; control?: { dx: number; dy: number } };
export type RelationshipEdgeType = Edge<RelationshipEdgeData, 'relationship'>;

/** Commits a relationship's new bend (or null in a read-only map). */
export const RelationshipControlContext = createContext<
  ((id: string, control: { dx: number; dy: number }) => void) | null
>(null);

/**
 * A relationship line: a curve whose bend is a control point the person drags (the handle sits on
 * the curve's middle). The drag is shown locally and stored once, when it ends.
 */
export const RelationshipEdge = memo(function RelationshipEdge(
  props: EdgeProps<RelationshipEdgeType>,
) {
  const { id, sourceX, sourceY, targetX, targetY, label, data, style, markerEnd } = props;
  const commit = useContext(RelationshipControlContext);
  const flow = useReactFlow();
  const [dragging, setDragging] = useState<{ dx: number; dy: number; x: number; y: number } | null>(
    null,
  );
  const mx = (sourceX + targetX) / 2;
  const my = (sourceY + targetY) / 2;
  // By default the line bows sideways by a fifth of its length.
  const length = Math.hypot(targetX - sourceX, targetY - sourceY) || 1;
  const fallback = {
    dx: (-(targetY - sourceY) / length) * length * 0.2,
    dy: ((targetX - sourceX) / length) * length * 0.2,
  };
  const control = dragging ?? data?.control ?? fallback;
  const cx = mx + control.dx;
  const cy = my + control.dy;
  const path = `M${sourceX},${sourceY} Q${cx},${cy} ${targetX},${targetY}`;
  const hx = 0.25 * sourceX + 0.5 * cx + 0.25 * targetX;
  const hy = 0.25 * sourceY + 0.5 * cy + 0.25 * targetY;

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!commit) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging({ ...control, x: event.clientX, y: event.clientY });
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    // The handle is on the curve's middle, which moves half as far as the control point.
    const zoom = flow.getZoom();
    setDragging({
      dx: dragging.dx + ((event.clientX - dragging.x) * 2) / zoom,
      dy: dragging.dy + ((event.clientY - dragging.y) * 2) / zoom,
      x: event.clientX,
      y: event.clientY,
    });
  };
  const onPointerUp = () => {
    if (dragging && commit && data) commit(data.relationship, { dx: dragging.dx, dy: dragging.dy });
    setDragging(null);
  };

  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div
          className="relationship__middle nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${hx}px, ${hy}px)` }}
        >
          {label && <span className="relationship__label">{label}</span>}
          {commit && (
            <div
              className="relationship__handle"
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              data-testid="relationship-handle"
            />
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes = { relationship: RelationshipEdge };
