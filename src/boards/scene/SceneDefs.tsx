import type { SceneView } from '../../core/scene/view.ts';

/** The grid pattern and the arrow and tick heads the scene's drawing refers to. */
export function SceneDefs({
  view,
  gridMetres,
  scale,
}: {
  view: SceneView;
  gridMetres: number;
  /** Pixels per metre at the present zoom. */
  scale: number;
}) {
  const size = gridMetres * scale;
  return (
    <defs>
      <pattern
        id="scene-grid"
        patternUnits="userSpaceOnUse"
        width={size}
        height={size}
        x={view.x}
        y={view.y}
      >
        <path d={`M ${size} 0 L 0 0 0 ${size}`} className="scene-grid-line" />
      </pattern>
      <marker
        id="scene-arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="8"
        markerHeight="8"
        orient="auto-start-reverse"
      >
        <path d="M0 0 L10 5 L0 10 Z" fill="#1f2937" />
      </marker>
      <marker
        id="scene-tick"
        viewBox="0 0 10 10"
        refX="5"
        refY="5"
        markerWidth="10"
        markerHeight="10"
        orient="auto"
      >
        <path d="M5 0 V10" stroke="#b45309" strokeWidth="1.5" />
      </marker>
    </defs>
  );
}
