import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Width of the scene's side panel when open (scene.css `.scene-panel`). */
export const PANEL_WIDTH = 320;
/** The canvas a scene keeps before its side panel opens by itself. */
export const MIN_CANVAS = 800;

/**
 * Whether the scene's side panel (evidence table, legend, symbols) is folded away. Until the person
 * chooses, it is open only when the board is wide enough to keep a canvas of `MIN_CANVAS` pixels
 * beside it (at 1400 × 900 with the register open, it starts folded); their choice then holds.
 */
export function useSidePanel(root: RefObject<HTMLElement | null>): {
  collapsed: boolean;
  toggle(): void;
} {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => setNarrow(el.clientWidth < MIN_CANVAS + PANEL_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [root]);
  const collapsed = chosen ?? narrow;
  const toggle = useCallback(() => setChosen(!collapsed), [collapsed]);
  return { collapsed, toggle };
}
