import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../core/text.ts';
import type { Member } from '../sync/api.ts';

/** A member one can mention: needs the account id, which notes store. */
export type Mentionable = Required<Pick<Member, 'id'>> & Member;

/** The `@word` being typed just before the caret, or null. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{M}\d._-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * A note's or reply's text box: typing `@` lists the case's members (searched without
 * diacritics); choosing one writes `@Name` and remembers the person. Only people whose `@Name`
 * is still in the text when it is sent are mentioned. Enter while an IME composes is ignored;
 * Ctrl+Enter sends.
 */
export function NoteComposer({
  members,
  placeholder,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  members: readonly Mentionable[];
  placeholder: string;
  submitLabel: string;
  onSubmit(text: string, mentions: string[]): boolean;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('review');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [chosen, setChosen] = useState<Mentionable[]>([]);
  const box = useRef<HTMLTextAreaElement>(null);
  const query = mentionQuery(text, caret);
  const suggestions = useMemo(() => {
    if (!query) return [];
    const q = foldForSearch(query.query);
    return members
      .filter((m) => foldForSearch(`${m.displayName} ${m.username}`).includes(q))
      .slice(0, 6);
  }, [members, query]);

  const pick = (member: Mentionable) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}@${member.displayName} ${text.slice(caret)}`;
    const at = query.start + member.displayName.length + 2;
    setText(next);
    setCaret(at);
    setChosen((c) => (c.some((m) => m.id === member.id) ? c : [...c, member]));
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };
  const submit = () => {
    const mentions = chosen.filter((m) => text.includes(`@${m.displayName}`)).map((m) => m.id);
    if (onSubmit(text, mentions)) {
      setText('');
      setChosen([]);
    }
  };

  return (
    <div className="note-composer">
      <textarea
        ref={box}
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        rows={3}
        maxLength={5000}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          // Keys typed here never reach the board's shortcuts (Backspace of UniKey and friends).
          e.stopPropagation();
          if (e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (e.key === 'Enter' && suggestions.length > 0 && !e.ctrlKey) {
            e.preventDefault();
            pick(suggestions[0]!);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape' && onCancel) onCancel();
        }}
        data-testid="note-text"
      />
      {suggestions.length > 0 && (
        <ul className="note-composer__mentions" role="listbox" data-testid="mention-list">
          {suggestions.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
                data-testid="mention-option"
              >
                {m.displayName} <span className="muted">@{m.username}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="note-composer__actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={text.trim().length === 0}
          onClick={submit}
          data-testid="note-send"
        >
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
