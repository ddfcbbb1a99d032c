import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  OFFENCE_CLASSES,
  setChargeClass,
  type ChargeClass,
  type MaxPenalty,
  type OffenceClass,
} from '../core/procedure/index.ts';
import { formatOffence } from '../core/offences.ts';
import { formatDateTime } from '../ui/dates.ts';

/**
 * The case's charges with their class: derived from the clause ("Khoản 4 Điều 173 BLHS — tội phạm
 * đặc biệt nghiêm trọng"), or given by hand for an article without clause data, and overridable
 * with a reason kept with who and when.
 */
export function ChargeClasses({
  doc,
  origin,
  charges,
  readOnly,
  author,
  lang,
}: {
  doc: Y.Doc;
  origin: unknown;
  charges: readonly ChargeClass[];
  readOnly: boolean;
  author: string;
  lang: string;
}) {
  const { t } = useTranslation('deadlines');
  if (charges.length === 0) return <p className="muted">{t('noCharges')}</p>;
  return (
    <ul className="charge-list" data-testid="charge-list">
      {charges.map((charge) => (
        <Charge
          key={charge.ref}
          charge={charge}
          readOnly={readOnly}
          lang={lang}
          onSet={(patch) =>
            setChargeClass(
              doc,
              {
                ref: charge.ref,
                maximum: charge.manual?.maximum,
                override: charge.override?.class,
                reason: charge.override?.reason,
                ...patch,
                by: author,
              },
              origin,
            )
          }
        />
      ))}
    </ul>
  );
}

function Charge({
  charge,
  readOnly,
  lang,
  onSet,
}: {
  charge: ChargeClass;
  readOnly: boolean;
  lang: string;
  onSet(patch: { maximum?: MaxPenalty; override?: OffenceClass; reason?: string }): void;
}) {
  const { t } = useTranslation('deadlines');
  const [editing, setEditing] = useState(false);
  const [cls, setCls] = useState<OffenceClass>(charge.class ?? 'less-serious');
  const [reason, setReason] = useState('');
  const where = `${charge.clause === undefined ? '' : `Khoản ${charge.clause} `}Điều ${charge.article} BLHS`;
  return (
    <li
      className="charge"
      data-testid="charge"
      data-ref={charge.ref}
      data-class={charge.class ?? ''}
    >
      <div>
        <strong data-testid="charge-class">
          {where}
          {charge.class && ` — ${t(`class.${charge.class}`)}`}
        </strong>
      </div>
      <div className="muted">{formatOffence(charge.ref)}</div>
      {charge.derived?.frame && (
        <div className="muted">
          {t('derivedFrom', { source: charge.derived.source, frame: charge.derived.frame })}
        </div>
      )}
      {charge.clause === undefined && !charge.derived && (
        <div className="muted">{t('noClause')}</div>
      )}
      {!charge.derived && (
        <label className="charge__field">
          <span>{t('maximum')}</span>
          <select
            value={charge.manual ? String(charge.manual.maximum) : ''}
            disabled={readOnly}
            onChange={(e) => {
              const v = e.target.value;
              onSet({
                maximum: v === '' ? undefined : v === 'life' || v === 'death' ? v : Number(v),
              });
            }}
            data-testid="charge-maximum"
          >
            <option value="">—</option>
            {[1, 2, 3, 5, 7, 10, 12, 15, 20].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
            <option value="life">{t('life')}</option>
            <option value="death">{t('death')}</option>
          </select>
        </label>
      )}
      {charge.override && (
        <div className="charge__override" data-testid="charge-override">
          {t('overridden', {
            class: t(`class.${charge.override.class}`),
            reason: charge.override.reason,
            by: charge.override.by ?? '?',
            at: charge.override.at ? formatDateTime(charge.override.at, lang) : '',
          })}
          {!readOnly && (
            <button
              type="button"
              className="link"
              onClick={() => onSet({ override: undefined, reason: undefined })}
            >
              {t('clearOverride')}
            </button>
          )}
        </div>
      )}
      {!readOnly && !editing && (
        <button type="button" onClick={() => setEditing(true)} data-testid="charge-override-open">
          {t('override')}
        </button>
      )}
      {editing && (
        <form
          className="charge__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            onSet({ override: cls, reason: reason.trim() });
            setEditing(false);
            setReason('');
          }}
        >
          <select
            value={cls}
            onChange={(e) => setCls(e.target.value as OffenceClass)}
            aria-label={t('override')}
          >
            {OFFENCE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`class.${c}`)}
              </option>
            ))}
          </select>
          <input
            value={reason}
            required
            placeholder={t('overrideReason')}
            aria-label={t('overrideReason')}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
