import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Upload } from 'lucide-react';
import { listFiles, type CaseFile } from '../core/commands/files.ts';
import { filesOf } from '../core/doc.ts';
import { FilePicker } from './FilePicker.tsx';
import { FileRow } from './FileRow.tsx';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './useUploads.ts';
import { useDoc } from '../sync/useDoc.ts';

interface FilesTabProps {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  lang: string;
  onOpenFile(file: CaseFile): void;
}

/** The whole case file: upload by picking or dropping many files, each with its progress. */
export function FilesTab({ caseId, doc, origin, readOnly, lang, onOpenFile }: FilesTabProps) {
  const { t } = useTranslation('register');
  const files = useDoc(doc, (d) => [filesOf(d)], listFiles);
  const uploads = useUploads(caseId, doc, origin, lang);
  const [over, setOver] = useState(false);

  return (
    <div
      className={`files-tab${over ? ' is-drop-target' : ''}`}
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (readOnly || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        void uploads.start(event.dataTransfer.files);
      }}
      data-testid="files-tab"
    >
      {!readOnly && (
        <div className="files-tab__drop">
          <p>{t('files.dropHere')}</p>
          <FilePicker primary onFiles={(files) => void uploads.start(files)} testId="files-upload">
            <Upload size={16} /> {t('files.upload')}
          </FilePicker>
        </div>
      )}
      <UploadList items={uploads.items} />
      {files.length === 0 ? (
        <p className="muted">{t('files.noFiles')}</p>
      ) : (
        <ul className="file-list">
          {files.map((file) => (
            <FileRow
              key={file.hash}
              caseId={caseId}
              file={file}
              lang={lang}
              onOpen={() => onOpenFile(file)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
