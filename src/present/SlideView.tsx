import { memo, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { waitingAt, type Slide } from '../core/commands/deck.ts';
import { listFiles, listMarks } from '../core/commands/files.ts';
import { boardsOf, filesOf } from '../core/doc.ts';
import { readBoard } from '../core/doc.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { boardDescriptor } from '../boards/registry.ts';
import { fileUrl } from '../files/api.ts';
import { MarksLayer } from '../files/MarksLayer.tsx';
import { StatementsSlide } from './StatementsSlide.tsx';
import { PdfFile } from '../files/pdf.ts';
import { boardFieldsWatch, useDoc } from '../sync/useDoc.ts';
import type { PresentFrame } from '../canvas/boardViews.ts';
import './present.css';

export interface SlideViewProps {
  doc: Y.Doc;
  caseId: string;
  slide: Slide | null;
  step: number;
  /** Jump to the frame at once (thumbnails, the first slide shown). */
  instant?: boolean;
}

/**
 * One slide, drawn to fill its box: a board shown through its frame (the board component itself,
 * read-only, so it is always current), a document page with its marks, or a title.
 */
export const SlideView = memo(function SlideView({
  doc,
  caseId,
  slide,
  step,
  instant,
}: SlideViewProps) {
  const { t } = useTranslation('present');
  if (!slide) return <div className="slide slide--missing">{t('slideMissing')}</div>;
  if (slide.kind === 'title')
    return (
      <div className="slide slide--title" data-testid="slide-title">
        <h1>{slide.title}</h1>
        {slide.text && <p>{slide.text}</p>}
      </div>
    );
  if (slide.kind === 'document') return <DocumentSlide doc={doc} caseId={caseId} slide={slide} />;
  if (slide.kind === 'statements')
    return <StatementsSlide doc={doc} caseId={caseId} slide={slide} />;
  return <FrameSlide doc={doc} caseId={caseId} slide={slide} step={step} instant={!!instant} />;
});

function FrameSlide({
  doc,
  caseId,
  slide,
  step,
  instant,
}: {
  doc: Y.Doc;
  caseId: string;
  slide: Slide;
  step: number;
  instant: boolean;
}) {
  const { t } = useTranslation('present');
  const board = useDoc(
    doc,
    (d) => boardFieldsWatch(d, slide.boardId ?? null),
    (d) => {
      const record = slide.boardId ? boardsOf(d).get(slide.boardId) : undefined;
      return record ? readBoard(record) : null;
    },
    [slide.boardId],
  );
  const waitingKey = [...waitingAt(slide, step)].sort().join(' ');
  const present = useMemo<PresentFrame | null>(
    () =>
      slide.frame
        ? {
            frame: slide.frame,
            waiting: new Set(waitingKey ? waitingKey.split(' ') : []),
            dim: slide.build === 'dim',
            instant,
          }
        : null,
    // The frame's numbers, not the object: a re-read slide with the same frame keeps the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      slide.frame?.x,
      slide.frame?.y,
      slide.frame?.w,
      slide.frame?.h,
      slide.build,
      waitingKey,
      instant,
    ],
  );
  if (!board || !present) return <div className="slide slide--missing">{t('boardMissing')}</div>;
  const common = { caseId, doc, boardId: board.id, origin: 'present', readOnly: true, present };
  // A kind without a slide view of its own (or unknown to this version): the shared canvas.
  const View = boardDescriptor(board.kind)?.slideView;
  return (
    <div className="slide slide--frame" data-testid="slide-frame-view" data-board={board.id}>
      {View ? (
        <Suspense fallback={null}>
          <View key={board.id} {...common} awareness={null} />
        </Suspense>
      ) : (
        <BoardCanvas key={board.id} {...common} />
      )}
    </div>
  );
}

/** A case-file page, as large as the slide allows, with its marks and callouts. */
function DocumentSlide({ doc, caseId, slide }: { doc: Y.Doc; caseId: string; slide: Slide }) {
  const { t } = useTranslation('present');
  const file = useDoc(
    doc,
    (d) => [filesOf(d)],
    (d) => listFiles(d).find((f) => f.hash === slide.file) ?? null,
    [slide.file],
  );
  const page = slide.page ?? 1;
  const marks = useDoc(
    doc,
    (d) => [filesOf(d)],
    (d) => (slide.file ? listMarks(d, slide.file, page) : []),
    [slide.file, page],
  );
  const [image, setImage] = useState<{ src: string; width: number; height: number } | null>(null);
  const url = file ? fileUrl(caseId, file.hash) : null;
  // Open while the slide shows it: the next page is drawn without loading the PDF again.
  const pdf = useMemo(
    () => (url && file?.mime === 'application/pdf' ? new PdfFile(url) : null),
    [url, file?.mime],
  );
  useEffect(() => () => pdf?.destroy(), [pdf]);
  useEffect(() => {
    if (!file || !url) return;
    let cancelled = false;
    const load = pdf
      ? pdf.renderPage(page, 2)
      : new Promise<{ src: string; width: number; height: number }>((resolve, reject) => {
          const img = new Image();
          img.onload = () =>
            resolve({ src: url, width: img.naturalWidth, height: img.naturalHeight });
          img.onerror = () => reject(new Error(file.name));
          img.src = url;
        });
    load.then(
      (result) => !cancelled && setImage(result),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [url, pdf, file, page]);
  if (!file) return <div className="slide slide--missing">{t('slideMissing')}</div>;
  return (
    <div className="slide slide--document" data-testid="slide-document">
      {slide.title && <h2 className="slide__caption">{slide.title}</h2>}
      {image && (
        <div
          className="slide__page"
          style={{ aspectRatio: `${image.width} / ${image.height}` }}
          data-testid="slide-page"
        >
          <MarksLayer
            image={image}
            marks={marks}
            tool="pan"
            page={page}
            onAdd={() => undefined}
            onDelete={null}
            onMoveCallout={null}
            onAskNote={() => undefined}
            deleteLabel=""
          />
        </div>
      )}
    </div>
  );
}
