import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import type { Rect } from '../core/commands/deck.ts';
import { useBoardViewsRegistry, type PresentFrame } from './boardViews.ts';

/**
 * Frames for boards drawn without React Flow (a scene, the timeline). Board coordinates are those
 * of the element `root` selects: an SVG group's own units (its screen matrix inverted), or an HTML
 * element's CSS pixels from its top-left corner.
 */

/** Screen → board coordinates of the element, as a function of a screen point. */
function toBoard(element: Element): ((x: number, y: number) => { x: number; y: number }) | null {
  if (element instanceof SVGGraphicsElement) {
    const matrix = element.getScreenCTM()?.inverse();
    if (!matrix) return null;
    return (x, y) => {
      const p = new DOMPoint(x, y).matrixTransform(matrix);
      return { x: p.x, y: p.y };
    };
  }
  const box = element.getBoundingClientRect();
  return (x, y) => ({ x: x - box.left + element.scrollLeft, y: y - box.top + element.scrollTop });
}

/** The part of the board in view inside `box`, in board coordinates. */
function visibleRect(box: HTMLElement, element: Element): Rect | null {
  const map = toBoard(element);
  const r = box.getBoundingClientRect();
  if (!map || !r.width || !r.height) return null;
  const a = map(r.left, r.top);
  const b = map(r.right, r.bottom);
  return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

/**
 * Draws a board editor and registers its view with the deck, so a frame can be taken from what is
 * on screen (as React Flow boards do through `useFlowFrame`).
 */
export function ElementFrameView({
  boardId,
  root,
  children,
}: {
  boardId: string;
  root: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const registry = useBoardViewsRegistry();
  useEffect(
    () =>
      registry?.getState().register({
        boardId,
        selection: () => [],
        viewRect: () => {
          const element = box.current?.querySelector(root);
          return box.current && element ? visibleRect(box.current, element) : null;
        },
      }),
    [boardId, root, registry],
  );
  return (
    <div ref={box} className="element-frame" data-element-frame={boardId}>
      {children}
    </div>
  );
}

/**
 * A board drawn without React Flow on a slide: the editor, read-only, scaled and moved so that
 * the frame fills the slide.
 */
export function ElementFrameSlide<P extends { present?: PresentFrame | null }>({
  root,
  Editor,
  props,
}: {
  root: string;
  Editor: ComponentType<P>;
  props: P;
}) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [transform, setTransform] = useState<string | null>(null);
  const frame = props.present?.frame;
  useLayoutEffect(() => {
    if (!frame) return;
    let raf = 0;
    const fit = () => {
      const box = outer.current;
      const element = inner.current?.querySelector(root);
      if (!box || !element || !inner.current) {
        raf = requestAnimationFrame(fit);
        return;
      }
      // Measure untransformed: the board's own matrix, then the frame's box on screen.
      inner.current.style.transform = 'none';
      const map = toBoard(element);
      const origin = inner.current.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      if (!map || !view.width) return;
      const at0 = map(origin.left, origin.top);
      const at1 = map(origin.left + 100, origin.top + 100);
      const unitsPerPx = { x: (at1.x - at0.x) / 100, y: (at1.y - at0.y) / 100 };
      const left = (frame.x - at0.x) / unitsPerPx.x;
      const top = (frame.y - at0.y) / unitsPerPx.y;
      const width = frame.w / unitsPerPx.x;
      const height = frame.h / unitsPerPx.y;
      const scale = Math.min(view.width / width, view.height / height);
      const dx = (view.width - width * scale) / 2 - left * scale;
      const dy = (view.height - height * scale) / 2 - top * scale;
      const next = `translate(${dx}px, ${dy}px) scale(${scale})`;
      inner.current.style.transform = next;
      setTransform(next);
    };
    fit();
    // The board settles its own camera after it is drawn (a scene fits its container): fit again
    // whenever its drawing moves or the slide changes size.
    const again = () => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(fit);
    };
    const resized = new ResizeObserver(again);
    if (outer.current) resized.observe(outer.current);
    const moved = new MutationObserver(again);
    if (inner.current)
      moved.observe(inner.current, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['transform', 'viewBox', 'style'],
      });
    return () => {
      cancelAnimationFrame(raf);
      resized.disconnect();
      moved.disconnect();
    };
  }, [frame, root]);
  return (
    <div ref={outer} className="element-frame-slide">
      <div
        ref={inner}
        className="element-frame-slide__board"
        style={{ transform: transform ?? undefined }}
        data-testid="element-frame-board"
      >
        <Editor {...props} />
      </div>
    </div>
  );
}
