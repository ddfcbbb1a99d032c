import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readMeta } from '../../core/doc.ts';
import { findOffence } from '../../core/offences.ts';
import {
  OFFENCE_TEMPLATES,
  offenceFacts,
  type FactSeed,
  type OffenceTemplate,
} from '../../core/offenceTemplates.ts';

/**
 * The case's offences by article, first: the template's elements where there is one, the general
 * elements of an offence otherwise (an article charged without a template still starts a chart).
 */
function caseOffences(doc: Y.Doc): OffenceTemplate[] {
  return readMeta(doc).offences.flatMap((ref) => {
    const template = OFFENCE_TEMPLATES.find((o) => o.id === ref);
    if (template) return [template];
    const offence = findOffence(ref);
    if (!offence) return [];
    const article = Number.parseInt(offence.article, 10);
    return [
      { id: ref, article, name: offence.name ?? `Tội danh tại Điều ${article}`, objectiveSide: [] },
    ];
  });
}

/** An empty evidence chart starts blank or from the charged offence's elements and issues. */
export function StartPicker({ doc, onPick }: { doc: Y.Doc; onPick(facts: FactSeed[]): void }) {
  const { t } = useTranslation('graph');
  const mine = caseOffences(doc);
  const others = OFFENCE_TEMPLATES.filter((o) => !mine.some((m) => m.id === o.id));
  const item = (offence: OffenceTemplate) => (
    <li key={offence.id}>
      <button
        type="button"
        onClick={() => onPick(offenceFacts(offence))}
        data-testid={`start-${offence.id}`}
      >
        <strong>Điều {offence.article} BLHS</strong> {offence.name}
      </button>
    </li>
  );
  return (
    <div className="template-picker graph-start" data-testid="evidence-start">
      <h2>{t('start.title')}</h2>
      <p className="muted">{t('start.fromOffence')}</p>
      {mine.length > 0 && (
        <>
          <h3>{t('start.caseOffences')}</h3>
          <ul data-testid="start-case-offences">{mine.map(item)}</ul>
        </>
      )}
      <h3>{t('start.otherOffences')}</h3>
      <ul data-testid="start-other-offences">{others.map(item)}</ul>
    </div>
  );
}
