import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { initialsOf } from '../../sync/colors.ts';
import type { CaseSession } from '../../sync/CaseSession.ts';

/** Avatars of the people who have the case open now, and the connection state. */
export const Presence = memo(function Presence({ session }: { session: CaseSession }) {
  const { t } = useTranslation();
  const peers = useStore(session.store, (s) => s.peers);
  const status = useStore(session.store, (s) => s.status);
  const people = [...new Map(peers.map((p) => [p.userId, p])).values()];
  return (
    <div className="presence">
      <ul className="presence__avatars" aria-label={t('case.here')} data-testid="presence">
        {people.map((p) => (
          <li
            key={p.userId}
            className="avatar"
            style={{ background: p.color }}
            title={p.self ? `${p.name} (${t('case.you')})` : p.name}
            data-testid="avatar"
          >
            {initialsOf(p.name)}
          </li>
        ))}
      </ul>
      <span
        className={`connection connection--${status}`}
        data-testid="connection-status"
        data-status={status}
        title={t(`status.${status}`)}
      >
        <span className="connection__dot" />
        <span className="connection__text">
          {status === 'offline' ? t('header.offlineUser') : t(`status.${status}`)}
        </span>
      </span>
    </div>
  );
});
