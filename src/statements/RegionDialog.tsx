import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../core/commands/files.ts';
import type { Passage } from '../core/statements.ts';
import { RegionCrop } from '../files/RegionCrop.tsx';
import { Dialog } from '../ui/Dialog.tsx';

/** A passage's page region to show enlarged, with its file. */
export interface EnlargedRegion {
  file: CaseFile;
  passage: Passage;
}

/** A passage's page region, enlarged to the dialog, with the words quoted under it. */
export function RegionDialog({
  caseId,
  region,
  onClose,
}: {
  caseId: string;
  region: EnlargedRegion;
  onClose(): void;
}) {
  const { t } = useTranslation('statements');
  const { file, passage } = region;
  const label = t('enlarged', { page: passage.page ?? 1, file: file.name });
  return (
    <Dialog title={label} onClose={onClose} testId="region-dialog">
      <RegionCrop
        caseId={caseId}
        hash={file.hash}
        mime={file.mime}
        page={passage.page ?? 1}
        region={passage.region}
        label={label}
        className="region-dialog__crop"
      />
      <blockquote className="region-dialog__quote">“{passage.quote}”</blockquote>
      <div className="form-actions">
        <button type="button" onClick={onClose} data-testid="region-dialog-close">
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
