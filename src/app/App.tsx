import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from '../ui/Header.tsx';
import { ApiError, endpoints, type User } from './api.ts';
import { offlineCache } from './offline.ts';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

type Route = { page: 'cases' } | { page: 'case'; id: string };

function parseRoute(path: string): Route {
  const match = /^\/cases\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  return match?.[1] ? { page: 'case', id: match[1] } : { page: 'cases' };
}

/** Who is logged in (or their offline copy), and which page shows. */
export function App() {
  const { t } = useTranslation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));

  useEffect(() => {
    endpoints.me().then(
      ({ user: me }) => {
        setUser(me);
        offlineCache.setUser(me);
      },
      (err: unknown) =>
        setUser(err instanceof ApiError && err.status === 0 ? offlineCache.user() : null),
    );
    const onPop = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((path: string) => {
    history.pushState(null, '', path);
    setRoute(parseRoute(path));
  }, []);

  const logout = useCallback(async () => {
    await endpoints.logout().catch(() => undefined);
    await offlineCache.clear();
    setUser(null);
    navigate('/');
  }, [navigate]);

  if (user === undefined) return <div className="app-loading">{t('app.name')}…</div>;
  if (user === null) {
    return (
      <>
        <Header user={null} onHome={() => navigate('/')} />
        <LoginPage
          onLoggedIn={(me) => {
            offlineCache.setUser(me);
            setUser(me);
          }}
        />
      </>
    );
  }
  return (
    <>
      <Header user={user} onHome={() => navigate('/')} onLogout={() => void logout()} />
      {route.page === 'case' ? (
        <CasePage key={route.id} caseId={route.id} user={user} onBack={() => navigate('/')} />
      ) : (
        <CaseListPage onOpen={(id) => navigate(`/cases/${id}`)} />
      )}
    </>
  );
}
