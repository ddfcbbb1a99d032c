import { useTranslation } from 'react-i18next';
import { findOffence, withClause } from '../../core/offences.ts';
import { classOfPenalty, clausesOf, type MaxPenalty } from '../../core/procedure/index.ts';

/** Clauses offered for an article the penalty table does not cover (its class is given by hand). */
const PLAIN_CLAUSES = [1, 2, 3, 4, 5, 6];

/**
 * The clause (khoản) an offence is charged under, which sets its class (Điều 9 BLHS): the clauses
 * of the penalty table with their highest penalty and class ("Khoản 1 — tối đa 3 năm — ít nghiêm
 * trọng"), or plain numbers for other articles.
 */
export function ClauseSelect({
  offenceRef,
  onChange,
}: {
  offenceRef: string;
  onChange(ref: string): void;
}) {
  const { t } = useTranslation();
  const offence = findOffence(offenceRef);
  if (!offence) return null;
  const clauses = clausesOf(offence.article);
  const penalty = (max: MaxPenalty) =>
    typeof max === 'number'
      ? t('cases.offencePenalty.years', { count: max })
      : t(`cases.offencePenalty.${max}`);
  const options = clauses.length
    ? clauses.map((c) => ({
        clause: c.clause,
        label: `${t('cases.offenceClause')} ${c.clause} — ${t('cases.offenceClauseMax', { max: penalty(c.max) })} — ${t(`cases.offenceClass.${classOfPenalty(c.max)}`)}`,
      }))
    : PLAIN_CLAUSES.map((clause) => ({ clause, label: `${t('cases.offenceClause')} ${clause}` }));
  return (
    <select
      className="offence-chip__clause"
      value={offence.clause ?? ''}
      aria-label={`${t('cases.offenceClause')}: Điều ${offence.article}`}
      onChange={(e) =>
        onChange(withClause(offenceRef, e.target.value ? Number(e.target.value) : undefined))
      }
      data-testid="offence-clause"
    >
      <option value="">{t('cases.offenceClauseNone')}</option>
      {options.map((o) => (
        <option key={o.clause} value={o.clause}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
