import { Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';
import { ApiError, endpoints, type User } from '../sync/api.ts';
import { offlineCache } from './offline.ts';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { AuthorContext } from '../sync/author.tsx';
import { ExportMenuContext, PictureMenuContext } from '../canvas/exportSlot.tsx';
import { CasePage, ExportMenu, LivePage, PictureMenu, PresenterPage } from './lazyRoutes.ts';

/** A page loaded on demand: the app's name while its code arrives. */
function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div className="app-loading">{t('app.name')}…</div>}>{children}</Suspense>
  );
}

type Route =
  | { page: 'cases' }
  | { page: 'case'; id: string }
  | { page: 'presenter'; id: string }
  | { page: 'live'; token: string };

function parseRoute(path: string): Route {
  const live = /^\/live\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (live?.[1]) return { page: 'live', token: live[1] };
  const presenter = /^\/cases\/([A-Za-z0-9_-]+)\/presenter\/?$/.exec(path);
  if (presenter?.[1]) return { page: 'presenter', id: presenter[1] };
  const match = /^\/cases\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  return match?.[1] ? { page: 'case', id: match[1] } : { page: 'cases' };
}

/** Who is logged in (or their offline copy), and which page shows. */
export function App() {
  const { t } = useTranslation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));

  useEffect(() => {
    // A hearing link needs no account: its page never asks who is logged in.
    if (route.page === 'live') return;
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
    // The first route decides whether to ask; later navigation stays inside the app.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  if (route.page === 'live')
    return (
      <Loading>
        <LivePage token={route.token} />
      </Loading>
    );
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
  // The presenter view is a window of its own: no header, the whole screen for the slides.
  if (route.page === 'presenter')
    return (
      <Loading>
        <PresenterPage caseId={route.id} user={user} />
      </Loading>
    );
  return (
    <AuthorContext.Provider value={user.displayName}>
      <ExportMenuContext.Provider value={ExportMenu}>
        <PictureMenuContext.Provider value={PictureMenu}>
          <Header user={user} onHome={() => navigate('/')} onLogout={() => void logout()} />
          {route.page === 'case' ? (
            <Loading>
              <CasePage key={route.id} caseId={route.id} user={user} onBack={() => navigate('/')} />
            </Loading>
          ) : (
            <CaseListPage onOpen={(id) => navigate(`/cases/${id}`)} />
          )}
        </PictureMenuContext.Provider>
      </ExportMenuContext.Provider>
    </AuthorContext.Provider>
  );
}
