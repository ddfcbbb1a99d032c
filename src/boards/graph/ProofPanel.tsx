import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { AlertTriangle, CheckCircle2, CircleDashed } from 'lucide-react';
import { recordAt, registerOf, textField } from '../../core/doc.ts';
import type { FactStatus, ProofAnalysis } from '../../core/proof.ts';

const ICON: Record<FactStatus, typeof CheckCircle2> = {
  proven: CheckCircle2,
  disputed: AlertTriangle,
  unproven: CircleDashed,
};

/**
 * The proof analysis beside an evidence chart, live: coverage, each fact with what supports and
 * contradicts it, evidence that supports nothing, facts resting on one statement, conflicts. A
 * click on a row focuses the chart on it.
 */
export const ProofPanel = memo(function ProofPanel({
  doc,
  analysis,
  onFocus,
}: {
  doc: Y.Doc;
  analysis: ProofAnalysis;
  onFocus(entities: string[]): void;
}) {
  const { t } = useTranslation('graph');
  const { t: tr } = useTranslation('register');
  const register = registerOf(doc);
  const name = (id: string) => textField(recordAt(register, id), 'name', '—');
  const names = (ids: readonly string[]) =>
    ids.length === 0 ? t('proof.nothing') : ids.map(name).join('; ');
  const { coverage } = analysis;
  const percent = Math.round(coverage.ratio * 100);
  return (
    <aside className="proof-panel" aria-label={t('proof.title')} data-testid="proof-panel">
      <h2>{t('proof.title')}</h2>
      <div className="proof-panel__coverage" data-testid="proof-coverage">
        <strong data-testid="coverage-figure">
          {t('proof.coverage', { proven: coverage.proven, total: coverage.total })} ({percent} %)
        </strong>
        <div
          className="proof-panel__bar"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={coverage.total}
          aria-valuenow={coverage.proven}
          aria-label={t('proof.title')}
        >
          <span style={{ width: `${percent}%` }} data-testid="coverage-bar" />
        </div>
      </div>
      {analysis.facts.length === 0 && <p className="muted">{t('proof.noFacts')}</p>}
      <ul className="proof-panel__facts">
        {analysis.facts.map((fact) => {
          const Icon = ICON[fact.status];
          return (
            <li key={fact.id}>
              <button
                type="button"
                className={`proof-row is-${fact.status}`}
                onClick={() => onFocus([fact.id, ...fact.supportedBy, ...fact.contradictedBy])}
                data-testid="proof-row"
                data-status={fact.status}
              >
                <span className="proof-row__status">
                  <Icon size={16} aria-hidden /> {tr(`status.${fact.status}`)}
                </span>
                <span className="proof-row__name">{fact.name}</span>
                <span className="proof-row__detail">
                  {t('proof.supportedBy')}: {names(fact.supportedBy)}
                  {fact.strength &&
                    ` (${t('proof.strength', { strength: t(`strengths.${fact.strength}`) })})`}
                </span>
                {fact.via.length > 0 && (
                  <span className="proof-row__detail">
                    {t('proof.via')}: {names(fact.via)}
                  </span>
                )}
                {fact.contradictedBy.length > 0 && (
                  <span className="proof-row__detail proof-row__against">
                    {t('proof.contradictedBy')}: {names(fact.contradictedBy)}
                  </span>
                )}
                {fact.contradictingStatements.length > 0 && (
                  <span
                    className="proof-row__detail proof-row__against"
                    data-testid="proof-statements"
                  >
                    {t('proof.contradictingStatements')}: {names(fact.contradictingStatements)}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <h3>{t('proof.unused')}</h3>
      <List
        ids={analysis.unused}
        name={name}
        onFocus={onFocus}
        empty={t('proof.none')}
        testId="proof-unused"
      />
      <h3>{t('proof.singleStatement')}</h3>
      <p className="muted">{t('proof.singleStatementHint')}</p>
      <List
        ids={analysis.singleStatement}
        name={name}
        onFocus={onFocus}
        empty={t('proof.none')}
        testId="proof-single"
      />
      <h3>{t('proof.conflicts')}</h3>
      {analysis.conflicts.length === 0 ? (
        <p className="muted">{t('proof.none')}</p>
      ) : (
        <ul className="proof-panel__list" data-testid="proof-conflicts">
          {analysis.conflicts.map(([a, b]) => (
            <li key={`${a} ${b}`}>
              <button type="button" className="link" onClick={() => onFocus([a, b])}>
                {name(a)} ✕ {name(b)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});

function List({
  ids,
  name,
  onFocus,
  empty,
  testId,
}: {
  ids: readonly string[];
  name(id: string): string;
  onFocus(ids: string[]): void;
  empty: string;
  testId: string;
}) {
  if (ids.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="proof-panel__list" data-testid={testId}>
      {ids.map((id) => (
        <li key={id}>
          <button type="button" className="link" onClick={() => onFocus([id])}>
            {name(id)}
          </button>
        </li>
      ))}
    </ul>
  );
}
