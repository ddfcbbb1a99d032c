import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CommandError } from '../core/commands/boards.ts';
import type { CaseFile } from '../core/commands/files.ts';
import { addStatementPassage } from '../core/commands/statements.ts';
import { registerOf } from '../core/doc.ts';
import { listStatements, type PageRegion } from '../core/statements.ts';
import { useDoc } from '../sync/useDoc.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { newPassage, PassageForm, passagePatch, passageTargets } from './PassageForm.tsx';

/**
 * Makes a passage of a statement from a region drawn on a case-file page: the statement it
 * belongs to, the quote typed or pasted, the issue or fact and the aspect; the file, page and
 * region are kept with it.
 */
export function PassageDialog({
  doc,
  origin,
  file,
  page,
  region,
  quote,
  onClose,
}: {
  doc: Y.Doc;
  origin: unknown;
  file: CaseFile;
  page: number;
  /** Where on the page; absent when the passage is the whole page's text (a search hit without boxes). */
  region?: PageRegion | undefined;
  /** The quote the form starts with. */
  quote?: string | undefined;
  onClose(): void;
}) {
  const { t } = useTranslation('statements');
  const statements = useDoc(doc, (d) => [registerOf(d)], listStatements);
  const targets = useDoc(doc, (d) => [registerOf(d)], passageTargets);
  // The statement recorded in this document comes first.
  const [statementId, setStatementId] = useState(
    () => statements.find((s) => s.document === file.hash)?.id ?? statements[0]?.id ?? '',
  );
  return (
    <Dialog title={t('fromRegionTitle', { page })} onClose={onClose} testId="passage-dialog">
      {statements.length === 0 ? (
        <p className="muted">{t('noStatementToPick')}</p>
      ) : (
        <>
          <label className="entity-form__field">
            <span>{t('statement')}</span>
            <select
              value={statementId}
              onChange={(e) => setStatementId(e.target.value)}
              data-testid="passage-statement"
            >
              {statements.map((s) => (
                <option key={s.id} value={s.id}>
                  {[s.name, s.givenByName, s.givenAt].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </label>
          <PassageForm
            targets={targets}
            files={[file]}
            fixedPlace
            initialQuote={quote}
            onCancel={onClose}
            onSave={(fields) => {
              if (!statementId) throw new CommandError('statement.choose', 'no statement');
              addStatementPassage(
                doc,
                statementId,
                {
                  ...newPassage(passagePatch(fields)),
                  file: file.hash,
                  page,
                  ...(region ? { region } : {}),
                },
                origin,
              );
              onClose();
            }}
          />
        </>
      )}
    </Dialog>
  );
}
