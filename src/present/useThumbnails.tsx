import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type * as Y from 'yjs';
import type { Slide } from '../core/commands/deck.ts';
import { SlideView } from './SlideView.tsx';
import {
  staleSlides,
  thumbnailSignature,
  watchBoardChanges,
  type ChangeCounts,
} from './thumbnails.ts';

/** How long a slide stays drawn off screen before it is captured: its board's camera settles. */
const SETTLE_MS = 1000;

/**
 * Thumbnails of the slides, drawn one at a time off screen by the same `SlideView` and captured
 * with html-to-image; a slide is drawn again when it or its board changes (after a quiet moment).
 * Returns the pictures by slide id and the off-screen host to render.
 */
export function useThumbnails(
  doc: Y.Doc,
  caseId: string,
  slides: readonly Slide[],
): { thumbs: Map<string, string>; portal: ReactNode } {
  const [thumbs, setThumbs] = useState<Map<string, string>>(new Map());
  const [counts, setCounts] = useState<ChangeCounts>({});
  const [queue, setQueue] = useState<string[]>([]);
  const drawn = useRef(new Map<string, string>());
  const host = useOffscreenHost();
  useEffect(() => watchBoardChanges(doc, setCounts), [doc]);
  useEffect(() => {
    setQueue(staleSlides(slides, counts, drawn.current));
  }, [slides, counts]);

  const slide = queue[0] ? (slides.find((s) => s.id === queue[0]) ?? null) : null;
  useEffect(() => {
    if (!slide || !host) return;
    let cancelled = false;
    const signature = thumbnailSignature(slide, counts);
    const timer = setTimeout(async () => {
      try {
        const url = await capture(host);
        if (cancelled) return;
        setThumbs((all) => new Map(all).set(slide.id, url));
      } catch {
        // A slide that cannot be drawn keeps its old thumbnail.
      }
      if (cancelled) return;
      drawn.current.set(slide.id, signature);
      setQueue((q) => q.filter((id) => id !== slide.id));
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slide, host, counts]);

  const portal =
    host && slide
      ? createPortal(<ThumbSlide doc={doc} caseId={caseId} slide={slide} />, host)
      : null;
  return { thumbs, portal };
}

/** A hidden element at the end of the page where slides are drawn for their pictures. */
function useOffscreenHost(): HTMLDivElement | null {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    const element = document.createElement('div');
    element.className = 'deck-thumbs';
    element.setAttribute('aria-hidden', 'true');
    document.body.appendChild(element);
    setHost(element);
    return () => element.remove();
  }, []);
  return host;
}

async function capture(host: HTMLElement): Promise<string> {
  const { toJpeg } = await import('html-to-image');
  // The host sits behind the page, transparent; its copy in the picture is drawn opaque.
  return toJpeg(host, {
    quality: 0.7,
    pixelRatio: 0.25,
    skipFonts: true,
    backgroundColor: '#ffffff',
    style: { zIndex: 'auto', opacity: '1' },
  });
}

const ThumbSlide = memo(function ThumbSlide({
  doc,
  caseId,
  slide,
}: {
  doc: Y.Doc;
  caseId: string;
  slide: Slide;
}) {
  return (
    <SlideView
      doc={doc}
      caseId={caseId}
      slide={slide}
      step={Math.max(0, slide.steps.length)}
      instant
    />
  );
});
