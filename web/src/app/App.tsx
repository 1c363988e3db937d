import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { PublicShell } from '../features/public/PublicShell.tsx';
import { WEB_MODULES } from '../modules.ts';
import { Loading } from '../ui/Loading.tsx';
import { Layout } from './Layout.tsx';
import { matchRoute, type WebModule } from './module.ts';
import { type Route, useRoute } from './router.tsx';
import { can, SessionProvider, useMe, useSession } from './session.tsx';

const Modules = createContext<readonly WebModule[]>(WEB_MODULES);

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('errors.pageNotFound.title')}</h1>
      <p>{t('errors.pageNotFound.body')}</p>
    </section>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('errors.pageForbidden.title')}</h1>
      <p>{t('errors.forbidden_role')}</p>
    </section>
  );
}

function Page({ route }: { route: Route }): ReactNode {
  const me = useMe();
  const found = matchRoute(useContext(Modules), route.segments);
  if (!found) return <NotFound />;
  if (found.route.permission && !can(me, found.route.permission)) return <Forbidden />;
  return found.route.page({ route, params: found.params });
}

/** Pages anyone may open, logged in or not (public notice extracts). */
function PublicPage({ route }: { route: Route }): ReactNode {
  const found = matchRoute(useContext(Modules), route.segments.slice(1), (m) => m.publicRoutes);
  return found ? found.route.page({ route, params: found.params }) : <NotFound />;
}

function Desk() {
  const { state } = useSession();
  const route = useRoute();
  if (route.segments[0] === 'public') {
    return (
      <PublicShell>
        <PublicPage route={route} />
      </PublicShell>
    );
  }
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  return (
    <Layout modules={useContext(Modules)}>
      <Page route={route} />
    </Layout>
  );
}

/** The desk: its modules' pages behind the login, their public pages before it. */
export function App({ modules = WEB_MODULES }: { modules?: readonly WebModule[] }) {
  return (
    <Modules.Provider value={modules}>
      <SessionProvider>
        <Desk />
      </SessionProvider>
    </Modules.Provider>
  );
}
