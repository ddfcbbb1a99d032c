import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../sync/api.ts';
import { errorReason } from '../ui/errorReason.ts';
import { Dialog } from '../ui/Dialog.tsx';

/**
 * Changing one's password: the current one, then the new one twice. On success every other session
 * of the account (another computer, a stolen cookie) is logged out by the server.
 */
export function PasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) return setMessage({ ok: false, text: t('password.mismatch') });
    if (next.length < 8) return setMessage({ ok: false, text: t('password.short') });
    setBusy(true);
    try {
      await endpoints.changePassword(current, next);
      setMessage({ ok: true, text: t('password.done') });
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      setMessage({ ok: false, text: errorReason(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('password.title')} onClose={onClose} testId="password-dialog">
      <form className="dialog__form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('password.current')}
          <input
            type="password"
            name="current"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password.next')}
          <input
            type="password"
            name="next"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password.again')}
          <input
            type="password"
            name="again"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            required
          />
        </label>
        {message && (
          <p
            role="status"
            className={message.ok ? 'dialog__ok' : 'dialog__error'}
            data-testid="password-message"
          >
            {message.text}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            {t('password.close')}
          </button>
          <button type="submit" disabled={busy} data-testid="password-save">
            {t('password.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
