import { useCallback, useMemo, useState } from 'react';
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
import { CaseSearch, type SearchResultAction } from './CaseSearch.tsx';
import { FileTextStatus } from './FileTextStatus.tsx';
import type { FileSpot, SearchHit } from './searchApi.ts';
import { useReading } from './useReading.ts';

interface FilesTabProps {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  lang: string;
  /** Opens a file, at a page with words highlighted when it comes from a search. */
  onOpenFile(file: CaseFile, spot?: FileSpot): void;
  /** More to do with a found page (the statements feature's "add as a passage"). */
  resultActions?: readonly SearchResultAction[];
}

/**
 * The whole case file: upload by picking or dropping many files, each with its progress; search
 * across all of it; how far the server got reading each file's text.
 */
export function FilesTab({
  caseId,
  doc,
  origin,
  readOnly,
  lang,
  onOpenFile,
  resultActions,
}: FilesTabProps) {
  const { t } = useTranslation('register');
  const files = useDoc(doc, (d) => [filesOf(d)], listFiles);
  const reading = useReading(caseId, files.map((f) => f.hash).join(','), lang);
  // Made once per change of the files or their reading, so the memoised rows keep still while
  // uploads report progress.
  const statuses = useMemo(
    () =>
      new Map(
        files.map((file) => [
          file.hash,
          <FileTextStatus
            key={file.hash}
            file={file}
            reading={reading.files.get(file.hash)}
            doc={doc}
            origin={origin}
            readOnly={readOnly}
          />,
        ]),
      ),
    [files, reading, doc, origin, readOnly],
  );
  const openHit = useCallback(
    (hit: SearchHit) => {
      const file = files.find((f) => f.hash === hit.hash);
      if (file) onOpenFile(file, { page: hit.page, boxes: hit.boxes });
    },
    [files, onOpenFile],
  );
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
      {files.length > 0 && (
        <CaseSearch
          caseId={caseId}
          doc={doc}
          origin={origin}
          readOnly={readOnly}
          lang={lang}
          ocr={reading.ocr}
          onOpen={openHit}
          resultActions={resultActions}
        />
      )}
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
            >
              {statuses.get(file.hash)}
            </FileRow>
          ))}
        </ul>
      )}
    </div>
  );
}
