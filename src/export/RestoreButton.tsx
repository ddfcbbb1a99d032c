import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore } from 'lucide-react';

/**
 * Restores a case from a backup file into a new case: the upload shows its progress and can be
 * cancelled; the server checks the whole file before it makes anything.
 */
export function RestoreButton({
  onRestored,
  disabled,
}: {
  onRestored(id: string): void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation('interop');
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const start = (file: File) => {
    setMessage(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', '/api/cases/restore');
    xhr.setRequestHeader('Content-Type', 'application/zip');
    xhr.setRequestHeader('Accept-Language', i18n.language);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      setProgress(null);
      request.current = null;
      let body: { id?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // The status says enough.
      }
      if (xhr.status === 201 && body.id) onRestored(body.id);
      else setMessage(body.message ?? String(xhr.status));
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage(t('restoreCutOff'));
    };
    xhr.onabort = () => {
      setProgress(null);
      setMessage(t('cancelled'));
    };
    xhr.send(file);
  };
  return (
    <span className="restore" data-testid="restore">
      <button
        type="button"
        disabled={disabled || progress !== null}
        onClick={() => input.current?.click()}
      >
        <ArchiveRestore size={16} /> {t('restore')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip"
        hidden
        data-testid="restore-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) start(file);
        }}
      />
      {progress !== null && (
        <>
          <progress max={1} value={progress} />
          <button type="button" onClick={() => request.current?.abort()}>
            {t('cancel')}
          </button>
        </>
      )}
      {message && (
        <span className="form-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
