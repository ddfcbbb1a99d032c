import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../core/text.ts';
import { ROLES, type Role } from '../../core/schema.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { endpoints, type CaseSummary, type Member } from '../../sync/api.ts';
import { errorReason } from '../../ui/errorReason.ts';

/** The members of a case; owners add people by user name, change roles and remove them. */
export function MembersDialog({ record, onClose }: { record: CaseSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[]>([]);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<string | null>(null);
  const isOwner = record.role === 'owner';

  const load = useCallback(() => {
    endpoints.members(record.id).then(
      (res) =>
        setMembers(res.members.sort((a, b) => compareVietnamese(a.displayName, b.displayName))),
      (err: unknown) => setError(errorReason(err)),
    );
  }, [record.id]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      load();
    } catch (err) {
      setError(errorReason(err));
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await endpoints.setMember(record.id, username.trim(), role);
      setUsername('');
    });
  };

  return (
    <Dialog
      title={`${t('members.title')}: ${record.title}`}
      onClose={onClose}
      testId="members-dialog"
    >
      <table className="members-table">
        <tbody>
          {members.map((m) => (
            <tr key={m.username} data-testid="member-row">
              <td>
                {m.displayName} <span className="muted">({m.username})</span>
              </td>
              <td>
                {isOwner ? (
                  <select
                    value={m.role}
                    aria-label={t('members.role')}
                    onChange={(e) =>
                      void run(() =>
                        endpoints.setMember(record.id, m.username, e.target.value as Role),
                      )
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`roles.${m.role}`)
                )}
              </td>
              <td>
                {isOwner && (
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(t('members.confirmRemove', { name: m.displayName })) &&
                      void run(() => endpoints.removeMember(record.id, m.username))
                    }
                  >
                    {t('members.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isOwner && (
        <form className="members-add" onSubmit={add}>
          <input
            name="member"
            required
            placeholder={t('members.username')}
            aria-label={t('members.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <select
            name="role"
            aria-label={t('members.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" data-testid="member-add">
            {t('members.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="members-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('members.close')}
        </button>
      </div>
    </Dialog>
  );
}
