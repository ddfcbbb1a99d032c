import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../core/commands/boards.ts';
import type * as Y from 'yjs';
import type { CaseFile } from '../core/commands/files.ts';
import { listEntities } from '../core/commands/register.ts';
import { PASSAGE_ASPECTS, type Passage } from '../core/statements.ts';

/** A fact or an event a passage may speak to, as the form lists it. */
export interface PassageTarget {
  id: string;
  name: string;
  kind: 'fact' | 'event';
}

/** The fields of a passage as the form sends them: '' clears a field. */
export interface PassageFields {
  quote: string;
  target: string;
  aspect: string;
  file: string;
  page: string;
}

/**
 * Adds or edits a passage of a statement: the quote (typed or pasted, committed on save so IME
 * composition is never cut), the issue, fact or event it speaks to, the aspect, and where it is in
 * the case file. `onSave` runs the command and throws its CommandError, shown here.
 */
export function PassageForm({
  initial,
  targets,
  files,
  onSave,
  onCancel,
  fixedPlace,
  initialQuote,
}: {
  initial?: Passage | undefined;
  /** The quote a new passage starts with (e.g. the words a search found). */
  initialQuote?: string | undefined;
  targets: readonly PassageTarget[];
  files: readonly CaseFile[];
  onSave(fields: PassageFields): void;
  onCancel(): void;
  /** A passage from a region of a page: the file and page are given, not edited. */
  fixedPlace?: boolean;
}) {
  const { t } = useTranslation('statements');
  const [fields, setFields] = useState<PassageFields>({
    quote: initial?.quote ?? initialQuote ?? '',
    target: initial?.target ?? '',
    aspect: initial?.aspect ?? '',
    file: initial?.file ?? '',
    page: initial?.page !== undefined ? String(initial.page) : '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof PassageFields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      onSave(fields);
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      setError(
        t(`errors.${err.code}`, { defaultValue: t('errors.generic', { message: err.code }) }),
      );
    }
  };
  const facts = targets.filter((x) => x.kind === 'fact');
  const events = targets.filter((x) => x.kind === 'event');
  return (
    <form className="passage-form" onSubmit={submit} data-testid="passage-form">
      <label className="entity-form__field">
        <span>{t('quote')}</span>
        <textarea
          rows={3}
          value={fields.quote}
          placeholder={t('quoteHint')}
          onChange={set('quote')}
          autoFocus
          data-testid="passage-quote"
        />
      </label>
      <label className="entity-form__field">
        <span>{t('target')}</span>
        <select value={fields.target} onChange={set('target')} data-testid="passage-target">
          <option value="">{t('noTarget')}</option>
          {facts.length > 0 && (
            <optgroup label={t('rowHeader')}>
              {facts.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </optgroup>
          )}
          {events.length > 0 && (
            <optgroup label={t('group.event')}>
              {events.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="entity-form__field">
        <span>{t('aspect')}</span>
        <select value={fields.aspect} onChange={set('aspect')} data-testid="passage-aspect">
          <option value="">—</option>
          {PASSAGE_ASPECTS.map((aspect) => (
            <option key={aspect} value={aspect}>
              {t(`aspects.${aspect}`)}
            </option>
          ))}
        </select>
      </label>
      {!fixedPlace && (
        <div className="passage-form__place">
          <label className="entity-form__field">
            <span>{t('file')}</span>
            <select value={fields.file} onChange={set('file')} data-testid="passage-file">
              <option value="">{t('noFile')}</option>
              {files.map((f) => (
                <option key={f.hash} value={f.hash}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label className="entity-form__field passage-form__page">
            <span>{t('pageNumber')}</span>
            <input
              type="text"
              inputMode="numeric"
              value={fields.page}
              onChange={set('page')}
              data-testid="passage-page"
            />
          </label>
        </div>
      )}
      {error && (
        <p className="entity-form__error" role="alert" data-testid="passage-error">
          {error}
        </p>
      )}
      <div className="entity-form__actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" data-testid="passage-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}

/**
 * The form's fields as a command's patch: '' clears a field, a page is a whole number (anything
 * else is passed on for the command to refuse).
 */
export function passagePatch(fields: PassageFields): Record<string, unknown> {
  const page = fields.page.trim();
  return {
    quote: fields.quote,
    target: fields.target,
    aspect: fields.aspect,
    file: fields.file,
    page: page === '' ? '' : /^\d+$/.test(page) ? Number(page) : page,
  };
}

/** A patch without its cleared fields (the quote stays, for its own message): a new passage. */
export const newPassage = (patch: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(patch).filter(([key, v]) => key === 'quote' || v !== '')) as {
    quote: string;
  };

/** The facts and events of the register, which a passage may speak to. */
export function passageTargets(doc: Y.Doc): PassageTarget[] {
  return listEntities(doc)
    .filter((e) => e.kind === 'fact' || e.kind === 'event')
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind as 'fact' | 'event' }));
}
