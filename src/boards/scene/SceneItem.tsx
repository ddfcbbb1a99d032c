import { memo } from 'react';
import {
  areaOf,
  centreOf,
  formatMetres,
  formatSquareMetres,
  pathLength,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import { areaLabelText, roomOutline, sideLabels } from '../../core/sceneLabels.ts';
import { symbolById } from './symbols.ts';

export interface SceneItemProps {
  object: SceneObject;
  /** Measurement ends after pins are resolved; other objects ignore it. */
  ends?: [Point, Point] | null;
  /** The number a marker shows. */
  number?: number;
  language: string;
  caseId: string;
  northLabel: string;
  gridMetres: number;
  /** Size of a label in metres: 13 px at zoom 1, never under 11 px on screen when zoomed out. */
  labelMetres: number;
  /** Where a room's area label or a measurement's label goes (`src/core/sceneLabels.ts`). */
  labelAt?: Point;
}

const pts = (points: readonly Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');
/** Text size in metres that reads about 13 px at zoom 1 (50 px per metre). */
export const BASE_TEXT = 0.26;

/** The radius of a marker's circle in metres, for a text size in metres (it grows with the text). */
export function markerRadius(labelMetres: number): number {
  return 0.22 * (labelMetres / BASE_TEXT);
}

/** The length of each side of a room, along the side, outside it. */
function SideLengths({ o, size, language }: { o: SceneObject; size: number; language: string }) {
  const outline = roomOutline(o);
  if (!outline) return null;
  const offset = (o.shape === 'wall' ? o.thickness / 2 : 0) + size * 0.75;
  return (
    <>
      {sideLabels(outline, true, offset).map((side, i) => (
        <text
          key={i}
          x={side.x}
          y={side.y}
          transform={side.angle ? `rotate(${side.angle} ${side.x} ${side.y})` : undefined}
          className="scene-label scene-side-length"
          fontSize={size}
          data-testid="scene-side-length"
        >
          {formatMetres(side.length, language)}
        </text>
      ))}
    </>
  );
}

/**
 * One object of a scene, drawn in metres (the parent group scales metres to pixels). Memoized: an
 * object re-renders only when its own record (or what it shows) changes.
 */
export const SceneItem = memo(function SceneItem({
  object: o,
  ends,
  number,
  language,
  caseId,
  northLabel,
  gridMetres,
  labelMetres,
  labelAt,
}: SceneItemProps) {
  const TEXT = labelMetres;
  const c = centreOf(o);
  const at = labelAt ?? c;
  const rotate = o.rotation ? `rotate(${o.rotation} ${c.x} ${c.y})` : undefined;
  const common = {
    'data-id': o.id,
    'data-shape': o.shape,
    className: `scene-item scene-item--${o.shape}${o.locked ? ' is-locked' : ''}`,
  };
  switch (o.shape) {
    case 'wall': {
      const area = areaOf(o);
      return (
        <g {...common}>
          {o.closed ? (
            <polygon
              points={pts(o.points)}
              className="scene-wall"
              strokeWidth={o.thickness}
              fill="rgba(148, 163, 184, 0.12)"
            />
          ) : (
            <polyline
              points={pts(o.points)}
              className="scene-wall"
              strokeWidth={o.thickness}
              fill="none"
            />
          )}
          {o.closed && <SideLengths o={o} size={TEXT * 0.9} language={language} />}
          {area !== null && (
            <text
              x={at.x}
              y={at.y}
              className="scene-label scene-area"
              fontSize={TEXT * 1.2}
              data-testid="scene-area"
            >
              {formatSquareMetres(area, language)}
            </text>
          )}
        </g>
      );
    }
    case 'rect':
      return (
        <g {...common}>
          <rect
            x={o.x}
            y={o.y}
            width={o.w}
            height={o.h}
            className="scene-shape"
            transform={rotate}
          />
          <SideLengths o={o} size={TEXT * 0.9} language={language} />
          <text
            x={at.x}
            y={at.y}
            className="scene-label scene-area"
            fontSize={TEXT * 1.2}
            data-testid="scene-area"
          >
            {areaLabelText(o, language)}
          </text>
        </g>
      );
    case 'ellipse':
      return (
        <g {...common} transform={rotate}>
          <ellipse cx={c.x} cy={c.y} rx={o.w / 2} ry={o.h / 2} className="scene-shape" />
          {o.label && (
            <text x={c.x} y={c.y} className="scene-label" fontSize={TEXT}>
              {o.label}
            </text>
          )}
        </g>
      );
    case 'polygon':
      return (
        <g {...common}>
          <polygon points={pts(o.points)} className="scene-shape" />
          <SideLengths o={o} size={TEXT * 0.9} language={language} />
          <text
            x={at.x}
            y={at.y}
            className="scene-label scene-area"
            fontSize={TEXT * 1.2}
            data-testid="scene-area"
          >
            {areaLabelText(o, language)}
          </text>
        </g>
      );
    case 'line':
    case 'arrow':
      return (
        <g {...common}>
          <polyline
            points={pts(o.points)}
            className="scene-path"
            markerEnd={o.shape === 'arrow' ? 'url(#scene-arrow)' : undefined}
          />
          {o.times?.map((time, i) =>
            time && o.points[i] ? (
              <text
                key={i}
                x={o.points[i].x}
                y={o.points[i].y - 0.15}
                className="scene-label scene-time"
                fontSize={TEXT}
              >
                {time}
              </text>
            ) : null,
          )}
        </g>
      );
    case 'text':
      return (
        <g {...common} transform={rotate}>
          <text
            x={o.x}
            y={o.y}
            className="scene-text"
            fontSize={o.h > 0 ? o.h : TEXT * 1.5}
            dominantBaseline="hanging"
          >
            {o.label}
          </text>
        </g>
      );
    case 'measure': {
      if (!ends) return null;
      const [a, b] = ends;
      const length = pathLength([a, b]);
      const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      const upright = angle > 90 || angle < -90 ? angle + 180 : angle;
      const mid = labelAt ?? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - TEXT * 0.6 };
      return (
        <g {...common}>
          <line
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            className="scene-measure"
            markerStart="url(#scene-tick)"
            markerEnd="url(#scene-tick)"
          />
          <text
            x={mid.x}
            y={mid.y}
            transform={`rotate(${upright} ${mid.x} ${mid.y})`}
            className="scene-label scene-measure-label"
            fontSize={TEXT}
            data-testid="scene-measure-label"
          >
            {formatMetres(length, language)}
          </text>
        </g>
      );
    }
    case 'marker':
      return (
        <g {...common}>
          <circle cx={o.x} cy={o.y} r={markerRadius(TEXT)} className="scene-marker" />
          <text
            x={o.x}
            y={o.y}
            className="scene-marker-number"
            fontSize={0.24 * (TEXT / 0.26)}
            data-testid="scene-marker-number"
          >
            {number ?? '?'}
          </text>
        </g>
      );
    case 'refpoint':
      return (
        <g {...common}>
          <path
            d={`M${o.x} ${o.y - 0.22} L${o.x + 0.2} ${o.y + 0.14} L${o.x - 0.2} ${o.y + 0.14} Z`}
            className="scene-refpoint"
          />
          <text
            x={o.x + 0.28}
            y={o.y}
            className="scene-label scene-refpoint-label"
            fontSize={TEXT}
            textAnchor="start"
          >
            {o.label}
          </text>
        </g>
      );
    case 'symbol': {
      const symbol = o.symbol ? symbolById(o.symbol) : undefined;
      return (
        <g {...common} transform={rotate}>
          {symbol ? (
            <svg
              x={o.x}
              y={o.y}
              width={o.w}
              height={o.h}
              viewBox={`0 0 ${Math.round(symbol.w * 100)} ${Math.round(symbol.h * 100)}`}
              preserveAspectRatio="none"
              overflow="visible"
              // Our own drawings (symbols.ts), never user input.
              dangerouslySetInnerHTML={{ __html: symbol.svg }}
            />
          ) : (
            <rect
              x={o.x}
              y={o.y}
              width={o.w}
              height={o.h}
              className="scene-shape"
              strokeDasharray="0.1 0.1"
            />
          )}
          {/* A transparent box over thin symbols, so they can be picked. */}
          <rect x={o.x} y={o.y} width={o.w} height={o.h} fill="transparent" />
          {o.label && (
            <text
              x={c.x}
              y={o.y + o.h + TEXT * 0.7}
              className="scene-label"
              fontSize={TEXT}
              data-testid="scene-symbol-label"
            >
              {o.label}
            </text>
          )}
        </g>
      );
    }
    case 'image':
      return (
        <g {...common} transform={rotate}>
          <image
            href={o.file ? `/api/cases/${caseId}/files/${o.file}` : undefined}
            x={o.x}
            y={o.y}
            width={o.w}
            height={o.h}
            opacity={o.opacity ?? 1}
            preserveAspectRatio="none"
          />
        </g>
      );
    case 'scalebar': {
      const length = Math.max(gridMetres * 4, 0.01);
      return (
        <g {...common}>
          <rect x={o.x} y={o.y} width={length / 2} height={0.08} fill="#111827" />
          <rect
            x={o.x + length / 2}
            y={o.y}
            width={length / 2}
            height={0.08}
            fill="#fff"
            stroke="#111827"
            strokeWidth={0.02}
          />
          <text
            x={o.x}
            y={o.y + 0.14}
            className="scene-label"
            fontSize={TEXT * 0.9}
            textAnchor="start"
            dominantBaseline="hanging"
          >
            0
          </text>
          <text
            x={o.x + length}
            y={o.y + 0.14}
            className="scene-label"
            fontSize={TEXT * 0.9}
            dominantBaseline="hanging"
            data-testid="scene-scalebar-label"
          >
            {formatMetres(length, language)}
          </text>
        </g>
      );
    }
    case 'north':
      return (
        <g {...common} transform={`rotate(${o.rotation} ${o.x} ${o.y})`}>
          <circle cx={o.x} cy={o.y} r={0.45} fill="#fff" stroke="#111827" strokeWidth={0.03} />
          <path
            d={`M${o.x} ${o.y - 0.4} L${o.x + 0.16} ${o.y + 0.25} L${o.x} ${o.y + 0.12} L${o.x - 0.16} ${o.y + 0.25} Z`}
            fill="#111827"
          />
          <text x={o.x} y={o.y - 0.55} className="scene-label scene-north" fontSize={TEXT * 1.3}>
            {northLabel}
          </text>
        </g>
      );
    default:
      return null;
  }
});
