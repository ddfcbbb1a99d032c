import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../core/commands/register.ts';
import type { EntityKind } from '../core/register.ts';
import { fieldApplies, FORM_FIELDS } from './fields.ts';
import { dateInputText, parseDate } from '../ui/dates.ts';
import { useLegacyPaste } from '../ui/legacyPaste.ts';

export interface EntityFormProps {
  kind: EntityKind;
  initial?: Entity;
  /** Saves the fields; returns an i18n error key to show, or null when saved. */
  onSave(fields: Record<string, string | string[]>): string | null;
  onCancel(): void;
  /** The entities a field of input `entities` may list (people of an event, its evidence). */
  choices?(kind: EntityKind): ReadonlyArray<{ id: string; name: string }>;
  /** The case-file documents a field of input `file` may name. */
  files?: ReadonlyArray<{ hash: string; name: string }>;
}

/** Adds or edits one register entity. Text is committed on save, so IME composition is never cut. */
export function EntityForm({ kind, initial, onSave, onCancel, choices, files }: EntityFormProps) {
  const { t } = useTranslation('register');
  const [values, setValues] = useState<Record<string, string>>(() => {
    const start: Record<string, string> = {};
    for (const field of FORM_FIELDS[kind]) {
      const value = initial?.[field.name as keyof Entity];
      const text = typeof value === 'string' ? value : '';
      start[field.name] = field.input === 'date' ? dateInputText(text) : text;
    }
    return start;
  });
  const [lists, setLists] = useState<Record<string, string[]>>(() => {
    const start: Record<string, string[]> = {};
    for (const field of FORM_FIELDS[kind]) {
      const value = initial?.[field.name as keyof Entity];
      if (field.input === 'entities') start[field.name] = Array.isArray(value) ? [...value] : [];
    }
    return start;
  });
  const [error, setError] = useState<string | null>(null);
  const legacy = useLegacyPaste();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string | string[]> = {};
    for (const field of FORM_FIELDS[kind]) {
      // A statement's own fields are left as they are while the item is not a statement.
      if (!fieldApplies(field, values.evidenceType)) continue;
      if (field.input === 'entities') {
        const list = lists[field.name] ?? [];
        if (list.length > 0 || initial) fields[field.name] = list;
        continue;
      }
      const typed = values[field.name] ?? '';
      const value = field.input === 'date' ? (parseDate(typed) ?? typed.trim()) : typed;
      // A new entity leaves empty fields out; an edit sends '' to clear them.
      if (value !== '' || initial) fields[field.name] = value;
    }
    setError(onSave(fields));
  };

  return (
    <form className="entity-form" onSubmit={submit} data-testid="entity-form">
      {FORM_FIELDS[kind]
        .filter((field) => fieldApplies(field, values.evidenceType))
        .map((field) => {
          const id = `entity-${field.name}`;
          if (field.input === 'entities') {
            const options = field.of ? (choices?.(field.of) ?? []) : [];
            const chosen = lists[field.name] ?? [];
            return (
              <fieldset key={field.name} className="entity-form__field entity-form__choices">
                <legend>{t(`fields.${field.name}`)}</legend>
                {options.length === 0 && <p className="muted">{t('noChoices')}</p>}
                {options.map((option) => (
                  <label key={option.id} className="entity-form__choice">
                    <input
                      type="checkbox"
                      name={field.name}
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      onChange={(event) => {
                        const on = event.target.checked;
                        setLists((all) => {
                          const list = (all[field.name] ?? []).filter((id) => id !== option.id);
                          return { ...all, [field.name]: on ? [...list, option.id] : list };
                        });
                      }}
                    />
                    {option.name}
                  </label>
                ))}
              </fieldset>
            );
          }
          const common = {
            id,
            name: field.name,
            value: values[field.name] ?? '',
            onChange: (event: { target: { value: string } }) =>
              setValues((v) => ({ ...v, [field.name]: event.target.value })),
          };
          return (
            <label key={field.name} htmlFor={id} className="entity-form__field">
              <span>{t(`fields.${field.name}`)}</span>
              {field.input === 'textarea' ? (
                <textarea rows={3} {...common} onPaste={legacy.onPaste} />
              ) : field.input === 'entity' || field.input === 'file' ? (
                <select {...common}>
                  <option value="">—</option>
                  {(field.input === 'file'
                    ? (files ?? []).map((f) => ({ id: f.hash, name: f.name }))
                    : field.of
                      ? (choices?.(field.of) ?? [])
                      : []
                  ).map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name}
                    </option>
                  ))}
                </select>
              ) : field.input === 'select' ? (
                <select {...common}>
                  <option value="">—</option>
                  {field.options?.map((option) => (
                    <option key={option} value={option}>
                      {t(`${field.optionLabels}.${option}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  inputMode={field.input === 'date' ? 'numeric' : undefined}
                  placeholder={
                    field.input === 'date'
                      ? t('dateHint')
                      : field.input === 'pages'
                        ? 'BL 12–15'
                        : field.name === 'start' || field.name === 'end'
                          ? t('timeHint')
                          : undefined
                  }
                  required={field.name === 'name'}
                  autoFocus={field.name === 'name'}
                  {...common}
                  onPaste={legacy.onPaste}
                />
              )}
            </label>
          );
        })}
      {legacy.notice && (
        <p className="notice" role="status" data-testid="legacy-paste-notice">
          {legacy.notice}
        </p>
      )}
      {error && (
        <p className="entity-form__error" role="alert">
          {t(`errors.${error}`, { defaultValue: t('errors.generic', { message: error }) })}
        </p>
      )}
      <div className="entity-form__actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" data-testid="entity-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
