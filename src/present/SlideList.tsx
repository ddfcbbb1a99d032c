import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { FileText, Frame, Presentation, Columns2 } from 'lucide-react';
import { NoteBadge, useNoteSlideSelection } from '../canvas/noteBadges.tsx';
import { moveSlide, type Slide } from '../core/commands/deck.ts';

export interface SlideListProps {
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  slides: readonly Slide[];
  selected: string | null;
  thumbs: ReadonlyMap<string, string>;
  onSelect(id: string): void;
  onPresent(index: number): void;
}

/** The slides in order with their thumbnails: click to edit, double-click to present, drag to reorder. */
export function SlideList(props: SlideListProps) {
  const { doc, origin, readOnly, slides, selected, thumbs } = props;
  useNoteSlideSelection(selected);
  const { t } = useTranslation('present');
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const endDrag = () => {
    setDragging(null);
    setDropAt(null);
  };
  return (
    <>
      {slides.length === 0 && <p className="muted">{t('empty')}</p>}
      <ol className="deck-panel__slides" data-testid="deck-slides">
        {slides.map((slide, index) => (
          <li
            key={slide.id}
            className={`deck-slide${slide.id === selected ? ' is-selected' : ''}${dropAt === index ? ' is-drop-target' : ''}`}
            draggable={!readOnly}
            onDragStart={(event) => {
              setDragging(slide.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', slide.title);
            }}
            onDragOver={(event) => {
              if (!dragging) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging) moveSlide(doc, { id: dragging, index }, origin);
              endDrag();
            }}
            onDragEnd={endDrag}
            onClick={() => props.onSelect(slide.id)}
            onDoubleClick={() => props.onPresent(index)}
            data-testid="deck-slide"
            data-kind={slide.kind}
          >
            <span className="deck-slide__number">{index + 1}</span>
            {thumbs.get(slide.id) ? (
              <img
                className="deck-slide__thumb"
                src={thumbs.get(slide.id)}
                alt=""
                data-testid="deck-thumb"
              />
            ) : (
              <span className="deck-slide__thumb" aria-hidden />
            )}
            <span className="deck-slide__title">
              <KindIcon kind={slide.kind} /> {slide.title || '—'}
              {slide.steps.length > 0 && <span className="muted"> · {slide.steps.length}▸</span>}
            </span>
            <NoteBadge slide={slide.id} />
          </li>
        ))}
      </ol>
    </>
  );
}

function KindIcon({ kind }: { kind: Slide['kind'] }) {
  if (kind === 'frame') return <Frame size={14} />;
  if (kind === 'document') return <FileText size={14} />;
  if (kind === 'statements') return <Columns2 size={14} />;
  return <Presentation size={14} />;
}
