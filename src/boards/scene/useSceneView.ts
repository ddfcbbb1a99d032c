import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { grown, serves, type Area, type ViewWindow } from '../../canvas/viewWindow.ts';
import type { SceneObject } from '../../core/scene.ts';
import { fitView, revealPoint, zoomAt, type SceneView } from '../../core/scene/view.ts';
import type { Point } from '../../core/scene.ts';

/**
 * The scene's camera: wheel zoom about the pointer, fit to the drawing (once when the board opens
 * with objects, and on request), zoom about the centre. The maths is in core/scene/view.ts.
 */
export function useSceneView(
  svg: RefObject<SVGSVGElement | null>,
  objects: readonly SceneObject[],
) {
  const [view, setView] = useState<SceneView>({ x: 80, y: 60, k: 1 });
  /** The person has clicked, scrolled or typed on the scene: the view is theirs. */
  const touched = useRef(false);
  /** The scene has been fitted once (or the person started working before it could be). */
  const fitted = useRef(false);
  const [openedAt] = useState(() => Date.now());

  const onWheel = useCallback(
    (event: WheelEvent) => {
      event.preventDefault();
      touched.current = true;
      const box = svg.current!.getBoundingClientRect();
      const at = { x: event.clientX - box.left, y: event.clientY - box.top };
      setView((v) => zoomAt(v, Math.exp(-event.deltaY * 0.0015), at));
    },
    [svg],
  );
  useEffect(() => {
    const el = svg.current;
    el?.addEventListener('wheel', onWheel, { passive: false });
    return () => el?.removeEventListener('wheel', onWheel);
  }, [onWheel, svg]);

  /** Zooms to show the whole scene (the key 0, and once when the board opens). */
  const fit = useCallback(() => {
    const box = svg.current?.getBoundingClientRect();
    const next = box ? fitView(objects, box.width, box.height) : null;
    if (next) setView(next);
  }, [objects, svg]);

  /** Zooms by `factor` about the canvas's centre. */
  const zoom = useCallback(
    (factor: number) => {
      touched.current = true;
      const box = svg.current?.getBoundingClientRect();
      if (box) setView((v) => zoomAt(v, factor, { x: box.width / 2, y: box.height / 2 }));
    },
    [svg],
  );

  // A scene that opens with objects (or receives them while it loads) is shown whole; one that
  // the person has started to work on is never moved under their hands.
  useEffect(() => {
    if (fitted.current || objects.length === 0) return;
    fitted.current = true;
    if (Date.now() - openedAt < 3000) fit();
  }, [objects, fit, openedAt]);
  // The canvas may still change size as the page settles (the side panel folds away beside the
  // register): a scene nobody has touched yet is fitted again.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current && !touched.current && Date.now() - openedAt < 3000) fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit, openedAt, svg]);

  /** Brings a point (metres) into view, zoom kept: a finding of the case checklist, say. */
  const reveal = useCallback(
    (point: Point) => {
      const box = svg.current?.getBoundingClientRect();
      if (!box || box.width === 0) return;
      fitted.current = true;
      touched.current = true;
      setView((v) => revealPoint(v, point, box.width, box.height));
    },
    [svg],
  );

  /** The person takes the view over: no more automatic fitting. */
  const touch = useCallback(() => {
    fitted.current = true;
    touched.current = true;
  }, []);

  return { view, setView, fit, zoom, touch, touched, reveal };
}

/** Scenes of up to this many objects are drawn whole; bigger ones only in the view window. */
export const SCENE_WINDOWED = 400;

/**
 * The part of a big scene drawn as SVG, in metres: the view grown by half a screen on every side,
 * decided again only when the view leaves half that margin or the zoom changes by half (as the
 * React Flow boards' `useViewWindow`). Null: every object is drawn (a small scene, or before the
 * canvas has a size).
 */
export function useSceneWindow(
  svg: RefObject<SVGSVGElement | null>,
  view: SceneView,
  /** Pixels per metre. */
  scale: number,
  count: number,
): Area | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const box = el.getBoundingClientRect();
      setSize((old) =>
        old && old.width === box.width && old.height === box.height
          ? old
          : { width: box.width, height: box.height },
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [svg]);
  const last = useRef<ViewWindow | null>(null);
  if (count <= SCENE_WINDOWED || !size || size.width === 0) {
    last.current = null;
    return null;
  }
  const x0 = -view.x / scale;
  const y0 = -view.y / scale;
  const area = { x0, y0, x1: x0 + size.width / scale, y1: y0 + size.height / scale };
  if (!last.current || !serves(last.current, area, scale, false))
    last.current = { area: grown(area, 0.5), zoom: scale, simplified: false };
  return last.current.area;
}
