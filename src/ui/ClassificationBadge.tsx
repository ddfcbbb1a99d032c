import { useTranslation } from 'react-i18next';
import type { Classification } from '../core/schema.ts';

/** The state-secret marking of a case ("MẬT", "TỐI MẬT"); nothing for an unclassified case. */
export function ClassificationBadge({
  classification,
  banner = false,
}: {
  classification: Classification;
  banner?: boolean;
}) {
  const { t } = useTranslation();
  if (classification === 'none') return null;
  return (
    <span
      className={banner ? 'classification-banner' : 'classification-badge'}
      data-testid={banner ? 'classification-banner' : 'classification-badge'}
      data-classification={classification}
    >
      {t(`classification.${classification}`)}
    </span>
  );
}
