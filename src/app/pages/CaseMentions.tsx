import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AtSign } from 'lucide-react';
import type { CaseSummary } from '../../sync/api.ts';
import { formatDateTime } from '../../ui/dates.ts';
import './caseMentions.css';

/**
 * On a case of the list: how many open review notes mention the person ("2 ý kiến nhắc đến bạn"),
 * and, when opened, those notes (who, when, what); a note opens the case.
 */
export function CaseMentions({
  mentions,
  onOpen,
}: {
  mentions: NonNullable<CaseSummary['mentions']>;
  onOpen(): void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="case-mentions"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="case-mentions"
      >
        <AtSign size={14} aria-hidden /> {t('cases.mentions', { count: mentions.count })}
      </button>
      {open && (
        <ul className="case-mentions__list" data-testid="case-mentions-list">
          {mentions.notes.map((n) => (
            <li key={n.note}>
              <button type="button" onClick={onOpen}>
                <span className="case-mentions__who">
                  {n.authorName} · {formatDateTime(n.createdAt, i18n.language)}
                </span>
                <span className="case-mentions__text">{n.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
