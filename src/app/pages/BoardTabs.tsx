import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight, Plus, Trash2 } from 'lucide-react';
import type * as Y from 'yjs';
import { addBoard, deleteBoard, moveBoard, renameBoard } from '../../core/commands/boards.ts';
import type { BoardSummary } from '../../core/doc.ts';
import type { BoardKind } from '../../core/schema.ts';
import { ADDABLE_KINDS, boardDescriptor } from '../../boards/registry.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { InlineEdit } from '../../ui/InlineEdit.tsx';

interface BoardTabsProps {
  doc: Y.Doc;
  origin: unknown;
  boards: BoardSummary[];
  selected: string | null;
  readOnly: boolean;
  onSelect(id: string): void;
}

/** The boards of a case as tabs: add, rename (double-click), reorder, delete. */
export const BoardTabs = memo(function BoardTabs({
  doc,
  origin,
  boards,
  selected,
  readOnly,
  onSelect,
}: BoardTabsProps) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const rename = (id: string, title: string) => {
    setRenaming(null);
    if (title.trim() && title !== boards.find((b) => b.id === id)?.title)
      renameBoard(doc, { id, title }, origin);
  };

  return (
    <nav className="board-tabs" data-testid="board-tabs">
      <ul role="tablist">
        {boards.map((board, index) => (
          <li key={board.id} className={board.id === selected ? 'is-active' : undefined}>
            {renaming === board.id ? (
              <InlineEdit
                initial={board.title}
                label={t('board.rename')}
                onCommit={(title) => rename(board.id, title)}
                onCancel={() => setRenaming(null)}
                testId="board-rename-input"
              />
            ) : (
              <button
                type="button"
                role="tab"
                aria-selected={board.id === selected}
                onClick={() => onSelect(board.id)}
                onDoubleClick={() => !readOnly && setRenaming(board.id)}
                title={t(boardDescriptor(board.kind)?.name ?? `board.kinds.${board.kind}`)}
                data-testid="board-tab"
                data-board-id={board.id}
              >
                {board.title}
              </button>
            )}
            {board.id === selected && !readOnly && renaming !== board.id && (
              <span className="board-tabs__actions">
                <button
                  type="button"
                  title={t('board.moveLeft')}
                  disabled={index === 0}
                  onClick={() => moveBoard(doc, { id: board.id, index: index - 1 }, origin)}
                  data-testid="board-move-left"
                >
                  <ChevronLeft size={14} />
                </button>
                <button
                  type="button"
                  title={t('board.moveRight')}
                  disabled={index === boards.length - 1}
                  onClick={() => moveBoard(doc, { id: board.id, index: index + 1 }, origin)}
                  data-testid="board-move-right"
                >
                  <ChevronRight size={14} />
                </button>
                <button
                  type="button"
                  title={t('board.rename')}
                  onClick={() => setRenaming(board.id)}
                  data-testid="board-rename"
                >
                  ✎
                </button>
                <button
                  type="button"
                  title={t('board.delete')}
                  onClick={() =>
                    window.confirm(t('board.confirmDelete', { title: board.title })) &&
                    deleteBoard(doc, { id: board.id }, origin)
                  }
                  data-testid="board-delete"
                >
                  <Trash2 size={14} />
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button
          type="button"
          className="board-tabs__add"
          onClick={() => setAdding(true)}
          data-testid="board-add"
        >
          <Plus size={16} /> {t('board.add')}
        </button>
      )}
      {adding && (
        <AddBoardDialog
          onClose={() => setAdding(false)}
          onAdd={(kind, title) => {
            setAdding(false);
            onSelect(addBoard(doc, { kind, title }, origin));
          }}
        />
      )}
    </nav>
  );
});

function AddBoardDialog({
  onAdd,
  onClose,
}: {
  onAdd(kind: BoardKind, title: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BoardKind>('mindmap');
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(kind, title.trim() || t(boardDescriptor(kind)?.name ?? kind));
  };
  return (
    <Dialog title={t('board.add')} onClose={onClose} testId="board-dialog">
      <form className="form" onSubmit={submit}>
        <label>
          <span>{t('board.kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as BoardKind)}>
            {ADDABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(boardDescriptor(k)?.name ?? k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('board.title')}</span>
          <input
            name="title"
            autoFocus
            value={title}
            placeholder={t(boardDescriptor(kind)?.name ?? kind)}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('cases.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="board-create">
            {t('cases.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
