import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addEntity, listEntities } from '../../core/commands/register.ts';
import { formatCaseTime, parseCaseTime } from '../../core/time.ts';
import type { TimelineItem } from '../../core/timeline.ts';
import { useDoc } from '../../sync/useDoc.ts';
import { registerOf } from '../../core/doc.ts';
import { commandErrorText } from '../../ui/commandErrors.tsx';

/** The selected event: its time, place, people and evidence. */
export function Details({ item, doc, lang }: { item: TimelineItem; doc: Y.Doc; lang: string }) {
  const { t } = useTranslation('graph');
  const { t: tr } = useTranslation('register');
  const people = listEntities(doc, 'person').filter((p) => item.people.includes(p.id));
  return (
    <section className="timeline-details" data-testid="timeline-details">
      <h2>{item.name}</h2>
      <p>
        {formatCaseTime(item.start, lang)}
        {item.end && ` – ${formatCaseTime(item.end, lang)}`}
      </p>
      {item.place && <p>{item.place}</p>}
      {people.length > 0 && (
        <p>
          {tr('fields.people')}: {people.map((p) => p.name).join(', ')}
        </p>
      )}
      {item.evidence.length > 0 && (
        <p>{t('timeline.evidence', { names: item.evidence.map((e) => e.name).join('; ') })}</p>
      )}
    </section>
  );
}

/** Adds an event to the register from the timeline; its times are checked before it is saved. */
export function AddEvent({
  doc,
  origin,
  onDone,
  lang,
}: {
  doc: Y.Doc;
  origin: unknown;
  onDone(added: boolean): void;
  lang: string;
}) {
  const { t } = useTranslation('graph');
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const persons = useDoc(
    doc,
    (d) => [registerOf(d)],
    () => listEntities(doc, 'person').map((p) => ({ id: p.id, name: p.name })),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    for (const value of [start, end])
      if (value.trim() && !parseCaseTime(value)) return setError(t('timeline.badTime', { value }));
    try {
      addEntity(
        doc,
        {
          kind: 'event',
          fields: {
            name,
            ...(start.trim() ? { start } : {}),
            ...(end.trim() ? { end } : {}),
            ...(people.length ? { people } : {}),
          },
        },
        origin,
      );
      onDone(true);
    } catch (err) {
      setError(commandErrorText(t, err));
    }
  };
  const preview = parseCaseTime(start);
  return (
    <form className="timeline-add entity-form" onSubmit={submit} data-testid="timeline-add-form">
      <label className="entity-form__field">
        <span>{t('timeline.name')}</span>
        <input
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="event-name"
        />
      </label>
      <label className="entity-form__field">
        <span>
          {t('timeline.start')}
          {preview && <span className="muted"> ({formatCaseTime(preview, lang)})</span>}
        </span>
        <input
          value={start}
          placeholder="21:30 14/03/2025"
          onChange={(e) => setStart(e.target.value)}
          data-testid="event-start"
        />
      </label>
      <label className="entity-form__field">
        <span>{t('timeline.end')}</span>
        <input
          value={end}
          placeholder="22:15 14/03/2025"
          onChange={(e) => setEnd(e.target.value)}
          data-testid="event-end"
        />
      </label>
      {persons.length > 0 && (
        <fieldset className="entity-form__field entity-form__choices">
          <legend>{t('timeline.people')}</legend>
          {persons.map((person) => (
            <label key={person.id} className="entity-form__choice">
              <input
                type="checkbox"
                checked={people.includes(person.id)}
                onChange={(e) =>
                  setPeople((list) =>
                    e.target.checked ? [...list, person.id] : list.filter((id) => id !== person.id),
                  )
                }
              />
              {person.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="entity-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="entity-form__actions">
        <button type="button" onClick={() => onDone(false)}>
          {t('timeline.cancel')}
        </button>
        <button type="submit" className="primary" data-testid="event-save">
          {t('timeline.save')}
        </button>
      </div>
    </form>
  );
}
