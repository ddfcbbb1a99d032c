import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Eye, ShieldCheck, Unlink } from 'lucide-react';
import type { CaseFile } from '../core/commands/files.ts';
import { formatSize, verifyFile } from './api.ts';
import { Thumbnail } from './Thumbnail.tsx';

interface FileRowProps {
  caseId: string;
  file: CaseFile;
  lang: string;
  onOpen(): void;
  onDetach?: () => void;
  /** More about the file under its hash (e.g. how far its text was read). */
  children?: ReactNode;
}

/** A file with its thumbnail, size, SHA-256 (the value read out in court) and an integrity check. */
export const FileRow = memo(function FileRow({
  caseId,
  file,
  lang,
  onOpen,
  onDetach,
  children,
}: FileRowProps) {
  const { t } = useTranslation('register');
  const [check, setCheck] = useState<
    { state: 'idle' | 'checking' } | { state: 'done'; ok: boolean; at: string }
  >({ state: 'idle' });
  const verify = () => {
    setCheck({ state: 'checking' });
    verifyFile(caseId, file.hash).then(
      (result) =>
        setCheck({
          state: 'done',
          ok: result.ok,
          at: new Date(result.checkedAt).toLocaleTimeString(lang),
        }),
      () => setCheck({ state: 'done', ok: false, at: new Date().toLocaleTimeString(lang) }),
    );
  };
  return (
    <li className="file-row" data-testid="file-row" data-hash={file.hash}>
      <button type="button" className="file-row__thumb" onClick={onOpen} title={t('files.open')}>
        <Thumbnail caseId={caseId} file={file} />
      </button>
      <div className="file-row__body">
        <button type="button" className="link file-row__name" onClick={onOpen}>
          {file.name}
        </button>
        <span className="muted">
          {formatSize(file.size, lang)}
          {file.pages && file.mime === 'application/pdf'
            ? ` · ${t('files.pages', { count: file.pages })}`
            : ''}
        </span>
        <code className="file-row__hash" title={t('files.sha256')} data-testid="file-hash">
          {file.hash}
        </code>
        {check.state === 'done' && (
          <span
            className={check.ok ? 'file-row__ok' : 'file-row__bad'}
            role="status"
            data-testid="file-integrity"
          >
            {check.ok ? t('files.intact', { time: check.at }) : t('files.broken')}
          </span>
        )}
        {children}
      </div>
      <div className="file-row__actions">
        <button type="button" onClick={onOpen} title={t('files.open')} data-testid="file-open">
          <Eye size={16} />
        </button>
        <button
          type="button"
          onClick={verify}
          disabled={check.state === 'checking'}
          title={t('files.verify')}
          data-testid="file-verify"
        >
          <ShieldCheck size={16} />
        </button>
        {onDetach && (
          <button type="button" onClick={onDetach} title={t('files.detach')}>
            <Unlink size={16} />
          </button>
        )}
      </div>
    </li>
  );
});
