import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type * as Y from 'yjs';
import { listSlides } from '../core/commands/deck.ts';
import { deckOf } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';

/**
 * The deck's frames on a board, drawn while editing: a dashed rectangle with the slide's name. An
 * editing aid, left out of exported pictures (`data-export="omit"`).
 */
export const FrameOverlay = memo(function FrameOverlay({
  doc,
  boardId,
}: {
  doc: Y.Doc;
  boardId: string;
}) {
  const frames = useDoc(
    doc,
    (d) => [deckOf(d)],
    (d) =>
      listSlides(d)
        .map((slide, index) => ({ slide, index }))
        .filter(({ slide }) => slide.kind === 'frame' && slide.boardId === boardId && slide.frame),
    [boardId],
  );
  if (frames.length === 0) return null;
  return (
    <ViewportPortal>
      {frames.map(({ slide, index }) => (
        <div
          key={slide.id}
          className="slide-frame"
          style={{
            transform: `translate(${slide.frame!.x}px, ${slide.frame!.y}px)`,
            width: slide.frame!.w,
            height: slide.frame!.h,
          }}
          data-testid="slide-frame"
          data-export="omit"
        >
          <span className="slide-frame__name">
            {index + 1}. {slide.title}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
});
