import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgenciesPage } from '../features/admin/AgenciesPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { RecordPage } from '../features/records/RecordPage.tsx';
import { RecordsPage } from '../features/records/RecordsPage.tsx';
import { BatchPage } from '../features/screening/BatchPage.tsx';
import { CheckPage } from '../features/screening/CheckPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Layout } from './Layout.tsx';
import { type Route, useRoute } from './router.tsx';
import { can, SessionProvider, useMe, useSession } from './session.tsx';

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
  const [a, b, c] = route.segments;
  const gate = (permission: string, page: ReactNode) => (can(me, permission) ? page : <Forbidden />);
  if (a === undefined) return <HomePage />;
  if (a === 'records' && b === undefined) return gate('record.read', <RecordsPage route={route} />);
  if (a === 'records' && c === undefined) return gate('record.read', <RecordPage id={b} />);
  if (a === 'check' && b === undefined) return gate('screening.run', <CheckPage />);
  if (a === 'batch' && b === undefined) return gate('screening.run', <BatchPage />);
  if (a === 'audit' && b === undefined) return gate('audit.read', <AuditPage route={route} />);
  if (a === 'admin' && b === 'agencies' && c === undefined) return gate('user.manage', <AgenciesPage />);
  if (a === 'admin' && b === 'users' && c === undefined) return gate('user.manage', <UsersPage />);
  return <NotFound />;
}

function Desk() {
  const { state } = useSession();
  const route = useRoute();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  return (
    <Layout>
      <Page route={route} />
    </Layout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Desk />
    </SessionProvider>
  );
}
