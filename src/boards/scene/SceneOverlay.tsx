import { useTranslation } from 'react-i18next';
import {
  boundsOf,
  centreOf,
  distance,
  formatMetres,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import type { Gesture } from './gesture.ts';
import { markerRadius } from './SceneItem.tsx';
import type { SceneTool } from './tools.ts';

interface SceneOverlayProps {
  /** Pixels per metre at the present zoom. */
  scale: number;
  language: string;
  /** Text size in metres: a marker's circle grows with it. */
  labelMetres: number;
  tool: SceneTool;
  draft: readonly Point[];
  pointer: Point | null;
  gesture: Gesture | null;
  /** The objects as drawn (drags in progress applied), by id. */
  drawnById: ReadonlyMap<string, SceneObject>;
  selection: readonly string[];
  /** What the others have selected: id → their colour. */
  remoteSelections: ReadonlyMap<string, string>;
  references: readonly string[];
  /** The one selected object, when it may be rotated and resized. */
  transformable: SceneObject | undefined;
  /** The one selected object. */
  single: SceneObject | undefined;
  cursors: ReadonlyArray<{ client: number; x: number; y: number; color: string; name: string }>;
}

const rectBetween = (a: Point, b: Point) => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(b.x - a.x),
  height: Math.abs(b.y - a.y),
});

/** What is drawn over the objects: drafts, previews, selections, handles, the others' cursors. */
export function SceneOverlay(props: SceneOverlayProps) {
  const { t } = useTranslation('scene');
  const { scale, draft, pointer, gesture, drawnById, single, transformable } = props;
  const px = (n: number) => n / scale; // a length in screen pixels, in metres
  const selectionBox = (o: SceneObject, color: string, dashed: boolean, key: string) => {
    // A marker is a point: its box is its circle's.
    const r = o.shape === 'marker' ? markerRadius(props.labelMetres) : 0;
    const p = boundsOf(o);
    const b = { x0: p.x0 - r, y0: p.y0 - r, x1: p.x1 + r, y1: p.y1 + r };
    return (
      <rect
        key={key}
        x={b.x0 - px(4)}
        y={b.y0 - px(4)}
        width={b.x1 - b.x0 + px(8)}
        height={b.y1 - b.y0 + px(8)}
        className="scene-selection"
        stroke={color}
        strokeDasharray={dashed ? '6 4' : undefined}
        data-testid={dashed ? 'scene-remote-selection' : 'scene-selection'}
      />
    );
  };
  return (
    <>
      {draft.length > 0 && (
        <polyline
          points={[...draft, ...(pointer ? [pointer] : [])].map((p) => `${p.x},${p.y}`).join(' ')}
          className="scene-draft"
          strokeWidth={props.tool === 'wall' ? 0.2 : px(2)}
        />
      )}
      {gesture?.kind === 'shape' &&
        (gesture.tool === 'measure' || gesture.tool === 'calibrate' ? (
          <line
            x1={gesture.start.x}
            y1={gesture.start.y}
            x2={gesture.end.x}
            y2={gesture.end.y}
            className="scene-draft"
            strokeWidth={px(2)}
          />
        ) : (
          <rect
            {...rectBetween(gesture.start, gesture.end)}
            className="scene-draft"
            strokeWidth={px(2)}
          />
        ))}
      {gesture?.kind === 'marquee' && (
        <rect {...rectBetween(gesture.start, gesture.end)} className="scene-draft" />
      )}
      {single?.shape === 'marker' &&
        props.references.map((ref) => {
          const r = drawnById.get(ref);
          if (!r) return null;
          const mid = { x: (single.x + r.x) / 2, y: (single.y + r.y) / 2 };
          return (
            <g key={`tri-${ref}`} className="scene-triangulation" data-testid="scene-triangulation">
              <line x1={single.x} y1={single.y} x2={r.x} y2={r.y} />
              <text x={mid.x} y={mid.y} className="scene-label" fontSize={0.24}>
                {formatMetres(distance(single, r), props.language)}
              </text>
            </g>
          );
        })}
      {props.selection.map((id) => {
        const o = drawnById.get(id);
        return o ? selectionBox(o, '#1d4ed8', false, `s-${id}`) : null;
      })}
      {[...props.remoteSelections].map(([id, color]) => {
        const o = drawnById.get(id);
        return o ? selectionBox(o, color, true, `r-${id}`) : null;
      })}
      {transformable && (
        <>
          <circle
            cx={centreOf(transformable).x}
            cy={boundsOf(transformable).y0 - px(24)}
            r={px(7)}
            className="scene-handle"
            data-handle="rotate"
            data-testid="scene-rotate-handle"
          >
            <title>{t('rotate')}</title>
          </circle>
          {transformable.shape !== 'north' && transformable.shape !== 'text' && (
            <rect
              x={transformable.x + transformable.w - px(6)}
              y={transformable.y + transformable.h - px(6)}
              width={px(12)}
              height={px(12)}
              className="scene-handle"
              data-handle="resize"
              data-testid="scene-resize-handle"
              transform={
                transformable.rotation
                  ? `rotate(${transformable.rotation} ${centreOf(transformable).x} ${centreOf(transformable).y})`
                  : undefined
              }
            >
              <title>{t('resize')}</title>
            </rect>
          )}
        </>
      )}
      {props.cursors.map((c) => (
        <g
          key={c.client}
          transform={`translate(${c.x} ${c.y}) scale(${px(1)})`}
          className="scene-cursor"
          data-testid="scene-remote-cursor"
        >
          <path
            d="M0 0 L0 16 L4 12 L8 20 L11 18 L7 11 L13 11 Z"
            fill={c.color}
            stroke="#fff"
            strokeWidth="1"
          />
          <text x="14" y="24" fill={c.color} fontSize="12">
            {c.name}
          </text>
        </g>
      ))}
    </>
  );
}
