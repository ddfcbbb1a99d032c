import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../core/commands/register.ts';
import type { EntityKind } from '../core/register.ts';
import { FORM_FIELDS } from './fields.ts';

export interface EntityFormProps {
  kind: EntityKind;
  initial?: Entity;
  /** Saves the fields; returns an i18n error key to show, or null when saved. */
  onSave(fields: Record<string, string>): string | null;
  onCancel(): void;
}

/** Adds or edits one register entity. Text is committed on save, so IME composition is never cut. */
export function EntityForm({ kind, initial, onSave, onCancel }: EntityFormProps) {
  const { t } = useTranslation('register');
  const [values, setValues] = useState<Record<string, string>>(() => {
    const start: Record<string, string> = {};
    for (const field of FORM_FIELDS[kind]) {
      const value = initial?.[field.name as keyof Entity];
      start[field.name] = typeof value === 'string' ? value : '';
    }
    return start;
  });
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    for (const field of FORM_FIELDS[kind]) {
      const value = values[field.name] ?? '';
      // A new entity leaves empty fields out; an edit sends '' to clear them.
      if (value !== '' || initial) fields[field.name] = value;
    }
    setError(onSave(fields));
  };

  return (
    <form className="entity-form" onSubmit={submit} data-testid="entity-form">
      {FORM_FIELDS[kind].map((field) => {
        const id = `entity-${field.name}`;
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
              <textarea rows={3} {...common} />
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
                type={field.input === 'date' ? 'date' : 'text'}
                placeholder={field.input === 'pages' ? 'BL 12–15' : undefined}
                required={field.name === 'name'}
                autoFocus={field.name === 'name'}
                {...common}
              />
            )}
          </label>
        );
      })}
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
