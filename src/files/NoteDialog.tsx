import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog.tsx';

/** Asks for the text of a note placed on a document page. */
export function NoteDialog({ onSave, onClose }: { onSave(text: string): void; onClose(): void }) {
  const { t } = useTranslation('register');
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.normalize('NFC').trim();
    if (value) onSave(value);
    onClose();
  };
  return (
    <Dialog title={t('viewer.noteTitle')} onClose={onClose} testId="note-dialog">
      <form className="form note-dialog" onSubmit={submit}>
        <label>
          <span>{t('viewer.noteText')}</span>
          <textarea
            name="note"
            rows={4}
            autoFocus
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
            data-testid="note-text"
          />
        </label>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('viewer.noteCancel')}
          </button>
          <button type="submit" className="primary" disabled={!text.trim()} data-testid="note-save">
            {t('viewer.noteSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
