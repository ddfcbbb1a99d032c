import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readMeta } from '../../core/doc.ts';
import { OFFENCE_TEMPLATES, offenceFacts, type FactSeed } from '../mindmap/templates.ts';

/** An empty evidence chart starts blank or from the charged offence's elements and issues. */
export function StartPicker({ doc, onPick }: { doc: Y.Doc; onPick(facts: FactSeed[]): void }) {
  const { t } = useTranslation('graph');
  const charged = new Set(readMeta(doc).offences);
  const mine = OFFENCE_TEMPLATES.filter((o) => charged.has(o.id));
  const others = OFFENCE_TEMPLATES.filter((o) => !charged.has(o.id));
  const item = (offence: (typeof OFFENCE_TEMPLATES)[number]) => (
    <li key={offence.id}>
      <button
        type="button"
        onClick={() => onPick(offenceFacts(offence))}
        data-testid={`start-${offence.id}`}
      >
        <strong>Điều {offence.article}</strong> {offence.name}
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
          <ul>{mine.map(item)}</ul>
        </>
      )}
      <h3>{t('start.otherOffences')}</h3>
      <ul>{others.map(item)}</ul>
    </div>
  );
}
