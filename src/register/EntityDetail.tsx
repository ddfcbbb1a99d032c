import { useTranslation } from 'react-i18next';
import { Paperclip, Pencil, Trash2, X } from 'lucide-react';
import {
  deleteEntity,
  detachFile,
  entityUsages,
  getEntity,
  type Entity,
} from '../core/commands/register.ts';
import { listFiles } from '../core/commands/files.ts';
import { boardsOf, filesOf } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { FilePicker } from '../files/FilePicker.tsx';
import { FileRow } from '../files/FileRow.tsx';
import { useUploads } from '../files/useUploads.ts';
import { UploadList } from '../files/UploadList.tsx';
import { fieldApplies, FORM_FIELDS } from './fields.ts';
import { StatementPassages } from './StatementPassages.tsx';
import { formatDate } from '../ui/dates.ts';
import type { RegisterPanelProps } from './panelProps.ts';

interface EntityDetailProps extends RegisterPanelProps {
  entity: Entity;
  onEdit(): void;
  onDeleted(): void;
  onClose(): void;
}

/** One entity: its fields, where it is used (click to go there), and for evidence its files. */
export function EntityDetail({
  caseId,
  doc,
  origin,
  readOnly,
  lang,
  entity,
  onEdit,
  onDeleted,
  onClose,
  onGoToNode,
  onOpenFile,
}: EntityDetailProps) {
  const { t } = useTranslation('register');
  const usages = useDoc(
    doc,
    (d) => [boardsOf(d)],
    (d) => entityUsages(d, entity.id),
    [entity.id],
  );
  const files = useDoc(doc, (d) => [filesOf(d)], listFiles);
  const uploads = useUploads(caseId, doc, origin, lang);

  const remove = () => {
    const boards = [...new Set(usages.map((u) => u.boardTitle))].join(', ');
    const question =
      usages.length > 0
        ? t('confirmDeleteUsed', { name: entity.name, count: usages.length, boards })
        : t('confirmDelete', { name: entity.name });
    if (!window.confirm(question)) return;
    deleteEntity(doc, { id: entity.id }, origin);
    onDeleted();
  };

  return (
    <aside className="entity-detail" data-testid="entity-detail">
      <header>
        <h3>{entity.name}</h3>
        {!readOnly && (
          <>
            <button type="button" onClick={onEdit} title={t('edit')} data-testid="entity-edit">
              <Pencil size={16} />
            </button>
            <button type="button" onClick={remove} title={t('delete')} data-testid="entity-delete">
              <Trash2 size={16} />
            </button>
          </>
        )}
        <button type="button" onClick={onClose} title={t('viewer.close')}>
          <X size={16} />
        </button>
      </header>
      <dl>
        {FORM_FIELDS[entity.kind]
          .filter((f) => {
            const value = entity[f.name as keyof Entity];
            if (f.name === 'name') return false;
            if (!fieldApplies(f, 'evidenceType' in entity ? entity.evidenceType : undefined))
              return false;
            return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && !!value;
          })
          .map((f) => {
            const raw = entity[f.name as keyof Entity];
            const value = Array.isArray(raw)
              ? raw.map((id) => getEntity(doc, String(id))?.name ?? '—').join(', ')
              : f.input === 'date'
                ? formatDate(String(raw), lang)
                : f.input === 'entity'
                  ? (getEntity(doc, String(raw))?.name ?? '—')
                  : f.input === 'file'
                    ? (files.find((file) => file.hash === raw)?.name ?? '—')
                    : String(raw);
            return (
              <div key={f.name}>
                <dt>{t(`fields.${f.name}`)}</dt>
                <dd>{f.optionLabels ? t(`${f.optionLabels}.${value}`) : value}</dd>
              </div>
            );
          })}
      </dl>
      <h4>{t('usedOn')}</h4>
      {usages.length === 0 ? (
        <p className="muted">{t('notUsed')}</p>
      ) : (
        <ul className="entity-detail__usages" data-testid="entity-usages">
          {usages.map((u) => (
            <li key={`${u.boardId}/${u.nodeId}`}>
              <button
                type="button"
                className="link"
                onClick={() => onGoToNode(u.boardId, u.nodeId)}
              >
                {u.boardTitle}
              </button>
            </li>
          ))}
        </ul>
      )}
      {'evidenceType' in entity && entity.evidenceType === 'statement' && (
        <StatementPassages
          caseId={caseId}
          doc={doc}
          origin={origin}
          readOnly={readOnly}
          statementId={entity.id}
          files={files}
        />
      )}
      {entity.kind === 'evidence' && (
        <>
          <h4>{t('fields.files')}</h4>
          {entity.files.length === 0 && <p className="muted">{t('files.noFiles')}</p>}
          <ul className="file-list" data-testid="evidence-files">
            {[...new Set(entity.files)].map((hash) => {
              const file = files.find((f) => f.hash === hash);
              return file ? (
                <FileRow
                  key={hash}
                  caseId={caseId}
                  file={file}
                  lang={lang}
                  onOpen={() => onOpenFile(file)}
                  onDetach={
                    readOnly
                      ? undefined
                      : () => detachFile(doc, { entityId: entity.id, hash }, origin)
                  }
                />
              ) : null;
            })}
          </ul>
          {!readOnly && (
            <>
              <FilePicker
                onFiles={(files) => void uploads.start(files, entity.id)}
                testId="evidence-attach"
              >
                <Paperclip size={16} /> {t('files.attach')}
              </FilePicker>
              <UploadList items={uploads.items} />
            </>
          )}
        </>
      )}
    </aside>
  );
}
