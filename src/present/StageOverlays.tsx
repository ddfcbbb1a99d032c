import type { ShownState } from './shown.ts';
import { regionOf, type Point } from './stage.ts';

/** What is drawn over the slide: spotlight, laser pointer, the zoom being drawn, black screen. */
export function StageOverlays({
  shown,
  zooming,
}: {
  shown: ShownState | null;
  zooming: { from: Point; to: Point } | null;
}) {
  const draft = zooming ? regionOf(zooming.from, zooming.to) : null;
  return (
    <>
      {shown?.spotlight && (
        <div
          className="present__spotlight"
          data-testid="spotlight"
          style={{
            background: `radial-gradient(circle at ${shown.spotlight.x * 100}% ${shown.spotlight.y * 100}%, transparent ${shown.spotlight.r * 100}vmin, rgba(0,0,0,0.78) ${shown.spotlight.r * 100 + 1}vmin)`,
          }}
        />
      )}
      {shown?.pointer && (
        <div
          className="present__laser"
          data-testid="laser"
          style={{ left: `${shown.pointer.x * 100}%`, top: `${shown.pointer.y * 100}%` }}
        />
      )}
      {draft && (
        <div
          className="present__zoom-draft"
          style={{
            left: `${draft.x * 100}%`,
            top: `${draft.y * 100}%`,
            width: `${draft.w * 100}%`,
            height: `${draft.h * 100}%`,
          }}
        />
      )}
      {/* Black is black: no bar, no counter, no marking (present.css); the presenter view says so. */}
      {shown?.black && <div className="present__black" data-testid="black" />}
    </>
  );
}
