import { useTranslation } from 'react-i18next';
import type { OutlineNode } from '../../core/outline.ts';
import { caseMapOutline, OFFENCE_TEMPLATES } from '../../core/offenceTemplates.ts';

/** An empty mind map starts from the charged offence's template, or blank. */
export function TemplatePicker({ onPick }: { onPick(outline: OutlineNode[]): void }) {
  const { t } = useTranslation('mindmap');
  return (
    <div className="template-picker" data-testid="template-picker">
      <h2>{t('start')}</h2>
      <button
        type="button"
        className="primary"
        onClick={() => onPick(caseMapOutline(null))}
        data-testid="template-blank"
      >
        {t('startBlank')}
      </button>
      <h3>{t('startFrom')}</h3>
      <ul>
        {OFFENCE_TEMPLATES.map((offence) => (
          <li key={offence.id}>
            <button
              type="button"
              onClick={() => onPick(caseMapOutline(offence))}
              data-testid={`template-${offence.id}`}
            >
              <strong>Điều {offence.article}</strong> {offence.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
