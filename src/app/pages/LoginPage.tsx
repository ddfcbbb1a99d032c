import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, endpoints, type FailedLogins, type User } from '../../sync/api.ts';

/** The login form; shows the server's own message (wrong password, too many attempts). */
export function LoginPage({ onLoggedIn }: { onLoggedIn(user: User): void }) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Failed attempts on this account since its last log-in: shown before going on.
  const [warning, setWarning] = useState<{ user: User; failed: FailedLogins } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, failedLogins } = await endpoints.login(username.trim(), password);
      if (failedLogins) setWarning({ user, failed: failedLogins });
      else onLoggedIn(user);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.message || t(err.code === 'network' ? 'errors.network' : 'login.failed')
          : t('login.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  if (warning) {
    const { failed } = warning;
    return (
      <main className="login-page">
        <section className="login-card" role="alert" data-testid="failed-logins">
          <h2>{t('login.failedAttemptsTitle')}</h2>
          <p>
            {t('login.failedAttempts', {
              count: failed.count,
              last: new Date(failed.lastAt).toLocaleString(i18n.language),
              addresses: failed.addresses.join(', '),
            })}
          </p>
          <p className="muted">{t('login.failedAttemptsAdvice')}</p>
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() => onLoggedIn(warning.user)}
            data-testid="failed-logins-continue"
          >
            {t('login.continue')}
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <label>
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
