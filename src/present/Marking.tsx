import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaOf, readMeta } from '../core/doc.ts';
import type { Classification } from '../core/schema.ts';
import { useDoc } from '../sync/useDoc.ts';

/** The case's classification as its document holds it, kept current. */
export function useClassification(doc: Y.Doc): Classification {
  return useDoc(
    doc,
    (d) => [metaOf(d)],
    (d) => readMeta(d).classification,
  );
}

/**
 * The state-secret marking ("MẬT", "TỐI MẬT") stamped on a presented screen or a printed slide: red,
 * bold, at the top centre, over whatever the slide shows. Nothing for an unclassified case.
 */
export function Marking({
  classification,
  testId = 'present-classification',
}: {
  classification: Classification;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (classification === 'none') return null;
  return (
    <span className="present-marking" data-testid={testId} data-classification={classification}>
      {t(`classification.${classification}`)}
    </span>
  );
}
