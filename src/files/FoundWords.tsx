import { memo } from 'react';
import type { PageBox } from './searchApi.ts';
import './caseFile.css';

/** Margin around a found word's box, as a fraction of the page, so the mark does not cut letters. */
const PAD = 0.003;

/**
 * The words a search found, highlighted on the page they were found on (boxes as fractions of
 * the page, so they stay on the words at any zoom or turn).
 */
export const FoundWords = memo(function FoundWords({ boxes }: { boxes: readonly PageBox[] }) {
  return (
    <div className="found-words" aria-hidden data-testid="found-words">
      {boxes.map((box, i) => (
        <span
          key={i}
          className="found-words__word"
          style={{
            left: `${(box.x - PAD) * 100}%`,
            top: `${(box.y - PAD) * 100}%`,
            width: `${(box.w + 2 * PAD) * 100}%`,
            height: `${(box.h + 2 * PAD) * 100}%`,
          }}
        />
      ))}
    </div>
  );
});
