import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { positionsOf, type Slide } from '../core/commands/deck.ts';
import { loadDocuments } from '../export/ExportJob.tsx';
import { pageResources } from '../export/pageResources.ts';
import { toBase64 } from '../export/documents/svg.ts';
import {
  staleSlides,
  thumbnailSignature,
  watchBoardChanges,
  type ChangeCounts,
} from './thumbnails.ts';

/**
 * Thumbnails of the slides, drawn one at a time from the case document by the export pipeline's
 * `slidePicture` (the renderer the deck PDF uses) as SVG, shown as `data:` pictures. Nothing is
 * drawn in the page meanwhile, so nothing flashes over the board and nothing the presenter has open
 * gets into them. A slide is drawn again when it or its board changes (after a quiet moment).
 * Returns the pictures by slide id.
 */
export function useThumbnails(
  doc: Y.Doc,
  caseId: string,
  slides: readonly Slide[],
): ReadonlyMap<string, string> {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [thumbs, setThumbs] = useState<ReadonlyMap<string, string>>(new Map());
  const [counts, setCounts] = useState<ChangeCounts>({});
  const [queue, setQueue] = useState<string[]>([]);
  const drawn = useRef(new Map<string, string>());
  useEffect(() => watchBoardChanges(doc, setCounts), [doc]);
  // The words a slide adds (axis dates, legends) are in the page's language: all redrawn on a switch.
  const drawnIn = useRef(language);
  useEffect(() => {
    if (drawnIn.current !== language) {
      drawnIn.current = language;
      drawn.current.clear();
    }
    setQueue(staleSlides(slides, counts, drawn.current));
  }, [slides, counts, language]);

  const slide = queue[0] ? (slides.find((s) => s.id === queue[0]) ?? null) : null;
  useEffect(() => {
    if (!slide) return;
    let cancelled = false;
    const signature = thumbnailSignature(slide, counts);
    void (async () => {
      try {
        const { slidePicture, pictureSvg } = await loadDocuments();
        const resources = pageResources(caseId);
        const picture = await slidePicture(doc, slide, positionsOf(slide) - 1, language, resources);
        const svg = await pictureSvg(picture, resources);
        if (cancelled) return;
        // A data: URL, not a blob: one: readable by whoever reads the page (connect-src 'self'
        // refuses fetches of blob: URLs), and nothing to free.
        const url = `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
        setThumbs((all) => new Map(all).set(slide.id, url));
      } catch {
        // A slide that cannot be drawn keeps its old thumbnail.
      }
      if (cancelled) return;
      drawn.current.set(slide.id, signature);
      setQueue((q) => q.filter((id) => id !== slide.id));
    })();
    return () => {
      cancelled = true;
    };
  }, [slide, counts, doc, caseId, language]);

  return thumbs;
}
