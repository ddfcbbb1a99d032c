import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';
import './actions.css';
import { useRegisteredActions } from './actionRegistry.ts';
import {
  canRun,
  keyLabel,
  runAction,
  searchActions,
  type Action,
  type ActionContext,
} from './actions.ts';

interface Entry {
  action: Action;
  context(): ActionContext;
  enabled: boolean;
}

/**
 * The command palette (Mod+K): the actions of the board on screen, the deck and the case, searchable
 * without diacritics, each with its key; Enter runs the chosen one, arrows move, Esc closes.
 */
export function CommandPalette({
  onClose,
  onError,
}: {
  onClose(): void;
  /** A command the palette ran was refused. */
  onError(err: unknown): void;
}) {
  const { t } = useTranslation('ui');
  const registered = useRegisteredActions();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  // Where the keys were before the palette opened: they go back there before an action runs.
  const previous = useRef(document.activeElement);
  const entries = useMemo<Entry[]>(
    () =>
      registered.flatMap(({ table, context }) => {
        // A table without a context is listed in the `?` sheet only.
        if (!context) return [];
        const now = context();
        return searchActions(table, query, (action) => t(action.label)).map((action) => ({
          action,
          context,
          enabled: canRun(action, now),
        }));
      }),
    [registered, query, t],
  );
  const chosen = Math.min(index, Math.max(entries.length - 1, 0));

  const perform = (entry: Entry | undefined) => {
    if (!entry?.enabled) return;
    onClose();
    if (previous.current instanceof HTMLElement) previous.current.focus();
    try {
      runAction(entry.action, entry.context());
    } catch (err) {
      onError(err);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((chosen + step + entries.length) % Math.max(entries.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      perform(entries[chosen]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      if (previous.current instanceof HTMLElement) previous.current.focus();
    }
  };

  return (
    <Dialog title={t('palette.title')} onClose={onClose} testId="command-palette">
      <input
        className="command-palette__input"
        autoFocus
        value={query}
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.placeholder')}
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="palette-input"
      />
      <ul className="command-palette__list" role="listbox">
        {entries.length === 0 && <li className="muted">{t('palette.empty')}</li>}
        {entries.map((entry, i) => (
          <li
            key={entry.action.id}
            role="option"
            aria-selected={i === chosen}
            aria-disabled={!entry.enabled}
            className={`command-palette__item${i === chosen ? ' is-chosen' : ''}${entry.enabled ? '' : ' is-disabled'}`}
            onMouseEnter={() => setIndex(i)}
            onMouseDown={(event) => {
              event.preventDefault();
              perform(entry);
            }}
            data-action={entry.action.id}
            data-testid="palette-item"
          >
            <span>{t(entry.action.label)}</span>
            {entry.action.keys?.[0] && <kbd>{keyLabel(entry.action.keys[0])}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
