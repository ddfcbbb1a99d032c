import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import type * as Y from 'yjs';
import type { CaseFile } from '../core/commands/files.ts';
import {
  addStatementPassage,
  deleteStatementPassage,
  updateStatementPassage,
} from '../core/commands/statements.ts';
import { registerOf } from '../core/doc.ts';
import { readStatement, type Passage } from '../core/statements.ts';
import { RegionCrop } from '../files/RegionCrop.tsx';
import { useDoc } from '../sync/useDoc.ts';
import './statements.css';
import { newPassage, PassageForm, passagePatch, passageTargets } from '../files/PassageForm.tsx';

/**
 * A statement's passages in the register's detail: each quote with the issue or fact it speaks
 * to, its aspect, its page and the page region; add, edit and remove them.
 */
export const StatementPassages = memo(function StatementPassages({
  caseId,
  doc,
  origin,
  readOnly,
  statementId,
  files,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  statementId: string;
  files: readonly CaseFile[];
}) {
  const { t } = useTranslation('statements');
  const passages = useDoc(
    doc,
    (d) => [registerOf(d)],
    (d) => readStatement(d, statementId)?.passages ?? [],
    [statementId],
  );
  const targets = useDoc(doc, (d) => [registerOf(d)], passageTargets);
  const [editing, setEditing] = useState<Passage | 'new' | null>(null);
  const nameOf = (id: string | undefined) => targets.find((x) => x.id === id)?.name;

  return (
    <section className="statement-passages" data-testid="statement-passages">
      <h4>{t('passages')}</h4>
      {passages.length === 0 && <p className="muted">{t('noPassages')}</p>}
      <ol className="statement-passages__list">
        {passages.map((p) => {
          const file = p.file ? files.find((f) => f.hash === p.file) : undefined;
          return (
            <li key={p.id} data-testid="statement-passage">
              <blockquote>“{p.quote}”</blockquote>
              <p className="statement-passages__meta">
                {[
                  nameOf(p.target),
                  p.aspect && t(`aspects.${p.aspect}`),
                  file && p.page ? `${file.name}, ${t('page', { page: p.page })}` : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {file && p.page && p.region && (
                <RegionCrop
                  caseId={caseId}
                  hash={file.hash}
                  mime={file.mime}
                  page={p.page}
                  region={p.region}
                  label={t('enlarged', { page: p.page, file: file.name })}
                  className="statement-passages__crop"
                />
              )}
              {!readOnly && (
                <span className="statement-passages__actions">
                  <button
                    type="button"
                    onClick={() => setEditing(p)}
                    title={t('editPassage')}
                    aria-label={t('editPassage')}
                    data-testid="passage-edit"
                  >
                    <Pencil size={14} />
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(t('confirmDelete')))
                        deleteStatementPassage(doc, { statementId, passageId: p.id }, origin);
                    }}
                    title={t('deletePassage')}
                    aria-label={t('deletePassage')}
                    data-testid="passage-delete"
                  >
                    <Trash2 size={14} />
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && editing === null && (
        <button type="button" onClick={() => setEditing('new')} data-testid="passage-add">
          <Plus size={14} /> {t('addPassage')}
        </button>
      )}
      {editing !== null && (
        <PassageForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? undefined : editing}
          targets={targets}
          files={files}
          onCancel={() => setEditing(null)}
          onSave={(fields) => {
            const patch = passagePatch(fields);
            if (editing === 'new') addStatementPassage(doc, statementId, newPassage(patch), origin);
            else updateStatementPassage(doc, { statementId, passageId: editing.id, patch }, origin);
            setEditing(null);
          }}
        />
      )}
    </section>
  );
});
