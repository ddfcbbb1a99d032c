import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListChecks } from 'lucide-react';
import type * as Y from 'yjs';
import {
  readCaseSnapshot,
  runChecklist,
  type ChecklistResult,
  type Finding,
  type FindingSubject,
} from '../core/checklist/index.ts';
import { useDoc } from '../sync/useDoc.ts';
import { formatDate } from '../ui/dates.ts';
import { todayIn } from '../core/procedure/index.ts';
import { procedureFacts } from './procedureFacts.ts';
import './checklist.css';

/** Every root map the rules read: the checklist is run again when any of them changes. */
const watchCase = (doc: Y.Doc) =>
  ['meta', 'boards', 'register', 'files', 'deck', 'procedure'].map((name) => doc.getMap(name));

/**
 * The case checklist: every rule of `src/core/checklist` run on the case, with its legal source
 * and its findings; a finding takes the user to what it is about. Run again after changes, at
 * most every 300 ms, and only while the panel is open.
 */
export function ChecklistPanel({
  doc,
  lang,
  onGoTo,
}: {
  doc: Y.Doc;
  lang: string;
  onGoTo(subject: FindingSubject): void;
}) {
  const { t } = useTranslation('checklist');
  const results = useDoc(
    doc,
    watchCase,
    (d) => runChecklist(readCaseSnapshot(d, procedureFacts(d, todayIn(), lang))),
    [lang],
    { delay: 300 },
  );
  const total = results.reduce((sum, r) => sum + r.findings.length, 0);
  return (
    <aside className="side-panel checklist-panel" data-testid="checklist-panel">
      <h2>
        <ListChecks size={16} /> {t('title')}
      </h2>
      <p className="checklist-panel__intro">{total === 0 ? t('allClear') : t('intro')}</p>
      {results.map((result) => (
        <RuleSection key={result.rule.id} result={result} lang={lang} onGoTo={onGoTo} />
      ))}
    </aside>
  );
}

const RuleSection = memo(function RuleSection({
  result,
  lang,
  onGoTo,
}: {
  result: ChecklistResult;
  lang: string;
  onGoTo(subject: FindingSubject): void;
}) {
  const { t } = useTranslation('checklist');
  const { rule, findings } = result;
  const clear = findings.length === 0;
  return (
    <section
      className={`checklist-rule${clear ? ' checklist-rule--clear' : ''}`}
      data-testid={`checklist-${rule.id}`}
      data-count={findings.length}
    >
      <h3>
        {t(`rule.${rule.id}`)}
        <span className="checklist-rule__count">
          {clear ? t('clear') : t('count', { count: findings.length })}
        </span>
      </h3>
      <p className="checklist-rule__source">
        {t('source', { source: lang.startsWith('en') ? rule.source.en : rule.source.vi })}
      </p>
      {!clear && (
        <ul>
          {findings.map((finding) => (
            <li key={subjectKey(finding.subject)}>
              <button
                type="button"
                className={`checklist-item${finding.reason === 'overdue' ? ' checklist-item--overdue' : ''}`}
                onClick={() => onGoTo(finding.subject)}
                data-testid="checklist-item"
              >
                {finding.name ? (
                  <>
                    <strong>{finding.name}</strong>
                    <span>{reasonText(t, finding, lang)}</span>
                  </>
                ) : (
                  <strong>{reasonText(t, finding, lang)}</strong>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

function subjectKey(subject: FindingSubject): string {
  switch (subject.kind) {
    case 'entity':
    case 'deadline':
      return `${subject.kind}:${subject.id}`;
    case 'node':
      return `node:${subject.boardId}:${subject.nodeId}`;
    case 'file':
      return `file:${subject.hash}`;
    case 'comparison':
      return `comparison:${subject.target}`;
  }
}

function reasonText(
  t: (key: string, values?: Record<string, unknown>) => string,
  finding: Finding,
  lang: string,
): string {
  const values: Record<string, unknown> = { ...finding.values };
  if (typeof values.due === 'string') values.due = formatDate(values.due, lang);
  if (typeof values.days === 'number') values.days = Math.abs(values.days);
  const reason =
    finding.rule === 'marker-unlinked' && values.number === undefined
      ? 'noEntityNoNumber'
      : finding.reason;
  return t(`reason.${finding.rule}.${reason}`, values);
}
