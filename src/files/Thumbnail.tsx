import { memo, useEffect, useState } from 'react';
import { FileText } from 'lucide-react';
import type { CaseFile } from '../core/commands/files.ts';
import { fileUrl } from './api.ts';
import { pdfThumbnail } from './pdf.ts';

/** A small picture of a file: the image itself, or the first page of a PDF. */
export const Thumbnail = memo(function Thumbnail({
  caseId,
  file,
  size = 48,
}: {
  caseId: string;
  file: Pick<CaseFile, 'hash' | 'mime' | 'name'>;
  size?: number;
}) {
  const url = fileUrl(caseId, file.hash);
  const [src, setSrc] = useState<string | null>(file.mime === 'application/pdf' ? null : url);
  useEffect(() => {
    if (file.mime !== 'application/pdf') return;
    let live = true;
    pdfThumbnail(url).then(
      (data) => live && setSrc(data),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [url, file.mime]);
  return (
    <span className="thumbnail" style={{ width: size, height: size }} data-testid="thumbnail">
      {src ? (
        <img src={src} alt={file.name} loading="lazy" />
      ) : (
        <FileText size={size * 0.6} aria-label={file.name} />
      )}
    </span>
  );
});
