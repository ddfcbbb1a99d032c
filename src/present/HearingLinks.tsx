import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link2, Trash2 } from 'lucide-react';

interface LinkRow {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
}

/** Two hours from now, as a datetime-local value. */
function inTwoHours(): string {
  const d = new Date(Date.now() + 2 * 3600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Read-only links for a hearing (owners): create with an expiry, copy once, see uses, revoke. */
export function HearingLinks({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('present');
  const [links, setLinks] = useState<LinkRow[]>([]);
  const [label, setLabel] = useState('');
  const [expires, setExpires] = useState(inTwoHours);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/cases/${caseId}/links`;
  const load = useCallback(async () => {
    const res = await fetch(base, { credentials: 'same-origin' });
    if (res.ok) setLinks(((await res.json()) as { links: LinkRow[] }).links);
  }, [base]);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const res = await fetch(base, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
      body: JSON.stringify({ label, expiresAt: new Date(expires).toISOString() }),
    });
    const body = (await res.json()) as { path?: string; message?: string };
    if (!res.ok || !body.path) return setError(body.message ?? String(res.status));
    setCreated(`${location.origin}${body.path}`);
    setLabel('');
    await load();
  };
  const revoke = async (id: string) => {
    await fetch(`${base}/${id}`, { method: 'DELETE', credentials: 'same-origin' });
    await load();
  };
  const now = Date.now();
  return (
    <details className="deck-editor" data-testid="hearing-links">
      <summary>
        <Link2 size={14} /> {t('links.title')}
      </summary>
      <p className="muted">{t('links.hint')}</p>
      <form onSubmit={create} className="deck-editor">
        <label>
          {t('links.label')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} />
        </label>
        <label>
          {t('links.expires')}
          <input
            type="datetime-local"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
            required
            data-testid="link-expires"
          />
        </label>
        <button type="submit" data-testid="link-create">
          {t('links.create')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <p>
          {t('links.shownOnce')}{' '}
          <input
            readOnly
            value={created}
            data-testid="link-url"
            onFocus={(e) => e.target.select()}
          />{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(created)}>
            {t('links.copy')}
          </button>
        </p>
      )}
      <ul className="proof-panel__list" data-testid="link-list">
        {links.map((link) => {
          const gone = link.revokedAt
            ? t('links.revoked')
            : Date.parse(link.expiresAt) <= now
              ? t('links.expired')
              : null;
          return (
            <li key={link.id} data-testid="link-row">
              {link.label || '—'} · {t('links.expires')}{' '}
              {new Date(link.expiresAt).toLocaleString(i18n.language)} ·{' '}
              {t('links.uses', { count: link.uses })} {gone && <strong>· {gone}</strong>}
              {!gone && (
                <button
                  type="button"
                  className="link"
                  onClick={() => void revoke(link.id)}
                  data-testid="link-revoke"
                >
                  <Trash2 size={14} /> {t('links.revoke')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
