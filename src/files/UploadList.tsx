import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadItem } from './useUploads.ts';

/** One progress bar per file being uploaded, and the outcome of each. */
export const UploadList = memo(function UploadList({ items }: { items: UploadItem[] }) {
  const { t } = useTranslation('register');
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" data-testid="upload-list">
      {items.map((item) => (
        <li key={item.id} className={`upload-list__item is-${item.state}`} data-state={item.state}>
          <span className="upload-list__name">
            {item.state === 'failed'
              ? t('files.failed', { name: item.name, message: item.message })
              : item.state === 'done'
                ? t('files.uploaded', { name: item.name })
                : t('files.uploading', { name: item.name })}
          </span>
          <progress max={1} value={item.progress} aria-label={item.name} />
        </li>
      ))}
    </ul>
  );
});
