import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyRound, LogOut } from 'lucide-react';
import { PasswordDialog } from './PasswordDialog.tsx';
import type { User } from '../sync/api.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';

/** The bar on top of every page: the product, where one is, the language and the person. */
export function Header({
  user,
  onHome,
  onLogout,
  children,
}: {
  user: User | null;
  onHome(): void;
  onLogout?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <header className="app-header">
        <button type="button" className="app-header__brand" onClick={onHome}>
          {t('app.name')}
        </button>
        <div className="app-header__middle">{children}</div>
        <LanguageSwitch />
        {user && (
          <span className="app-header__user" data-testid="current-user">
            {user.displayName}
          </span>
        )}
        {user && onLogout && (
          <button
            type="button"
            onClick={() => setChanging(true)}
            title={t('password.title')}
            aria-label={t('password.title')}
            data-testid="change-password"
          >
            <KeyRound size={16} />
          </button>
        )}
        {user && onLogout && (
          <button type="button" onClick={onLogout} data-testid="logout">
            <LogOut size={16} /> {t('header.logout')}
          </button>
        )}
      </header>
      {/* Outside the header, so that it does not take the header's white-on-navy colours. */}
      {changing && <PasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}
