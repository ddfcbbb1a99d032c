import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { findOffence, formatOffence, searchOffences } from '../../core/offences.ts';
import { ClauseSelect } from './ClauseSelect.tsx';

/**
 * The offences of a case, picked from the Penal Code: chips for the chosen articles, and a search
 * box (article number or words of the name, diacritics optional) listing the articles that match.
 * Free text of an older case that names no article is shown as a warning chip.
 */
export function OffencePicker({
  value,
  onChange,
}: {
  value: string[];
  onChange(next: string[]): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results =
    open && query.trim() !== ''
      ? searchOffences(query, 8).filter((offence) => !value.includes(offence.ref))
      : [];
  const pick = (ref: string) => {
    onChange([...value, ref]);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(results.length - 1, i + step)));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted article instead of submitting the case form.
      event.preventDefault();
      const chosen = results[active];
      if (chosen) pick(chosen.ref);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="offence-picker" data-testid="offence-picker">
      {value.length > 0 && (
        <ul className="offence-picker__chosen">
          {value.map((ref) => {
            const known = findOffence(ref) !== null;
            return (
              <li key={ref} className="offence-picker__item">
                <div
                  className={known ? 'offence-chip' : 'offence-chip offence-chip--unknown'}
                  data-testid="offence-chip"
                  data-ref={ref}
                >
                  <span>{formatOffence(ref)}</span>
                  {!known && <small>{t('cases.offenceUnknown')}</small>}
                  <button
                    type="button"
                    onClick={() => onChange(value.filter((r) => r !== ref))}
                    title={t('cases.offenceRemove')}
                    aria-label={`${t('cases.offenceRemove')}: ${formatOffence(ref)}`}
                    data-testid="offence-remove"
                  >
                    <X size={14} />
                  </button>
                </div>
                {known && (
                  <ClauseSelect
                    offenceRef={ref}
                    onChange={(next) => onChange(value.map((r) => (r === ref ? next : r)))}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <input
        type="search"
        name="offence-search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        value={query}
        placeholder={t('cases.offenceSearch')}
        aria-label={t('cases.offences')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="offence-search"
      />
      {results.length > 0 && (
        <ul className="offence-picker__results" role="listbox" id={listId}>
          {results.map((offence, index) => (
            <li
              key={offence.ref}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              // Picking on mouse down keeps the focus in the search box (no blur closes the list).
              onMouseDown={(event) => {
                event.preventDefault();
                pick(offence.ref);
              }}
              onMouseEnter={() => setActive(index)}
              data-testid="offence-option"
              data-ref={offence.ref}
            >
              <strong>Điều {offence.article}</strong> {offence.name ?? t('cases.offenceUnnamed')}
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() !== '' && results.length === 0 && (
        <p className="muted offence-picker__none">{t('cases.offenceNone')}</p>
      )}
    </div>
  );
}
