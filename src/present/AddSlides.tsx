import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Frame, Type } from 'lucide-react';
import { addSlide } from '../core/commands/deck.ts';
import { listFiles } from '../core/commands/files.ts';
import { filesOf } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { canRun, runAction } from '../ui/actions.ts';
import { deckActions, type DeckContext } from './actions.ts';
import { insertionIndex } from './navigation.ts';

/** New slides after the selected one: a frame of the board in view, a document page, a title. */
export function AddSlides({ deck }: { deck: DeckContext }) {
  const { t } = useTranslation('present');
  return (
    <div className="deck-panel__actions">
      <button
        type="button"
        onClick={() => runAction(deckActions.addFrame, deck)}
        disabled={!canRun(deckActions.addFrame, deck)}
        title={deck.canFrame ? t('addFrameHint') : t('noFrameBoard')}
        data-testid="add-frame"
      >
        <Frame size={16} /> {t('addFrame')}
      </button>
      <AddDocument
        doc={deck.doc}
        onAdd={(file) =>
          deck.select(
            addSlide(
              deck.doc,
              {
                kind: 'document',
                file: file.hash,
                page: 1,
                title: file.name,
                index: insertionIndex(deck.selectedIndex),
              },
              deck.origin,
            ),
          )
        }
      />
      <button
        type="button"
        onClick={() => runAction(deckActions.addTitle, deck)}
        data-testid="add-title"
      >
        <Type size={16} /> {t('addTitle')}
      </button>
    </div>
  );
}

function AddDocument({
  doc,
  onAdd,
}: {
  doc: Y.Doc;
  onAdd(file: { hash: string; name: string }): void;
}) {
  const { t } = useTranslation('present');
  const files = useDoc(
    doc,
    (d) => [filesOf(d)],
    (d) => listFiles(d).map((f) => ({ hash: f.hash, name: f.name })),
  );
  return (
    <select
      value=""
      onChange={(event) => {
        const file = files.find((f) => f.hash === event.target.value);
        if (file) onAdd(file);
      }}
      disabled={files.length === 0}
      aria-label={t('addDocument')}
      data-testid="add-document"
    >
      <option value="">
        {t('addDocument')}: {t('chooseFile')}
      </option>
      {files.map((f) => (
        <option key={f.hash} value={f.hash}>
          {f.name}
        </option>
      ))}
    </select>
  );
}
