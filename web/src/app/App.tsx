import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AgenciesPage } from '../features/admin/AgenciesPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { InboxPage } from '../features/messages/InboxPage.tsx';
import { NewThreadPage } from '../features/messages/NewThreadPage.tsx';
import { ThreadPage } from '../features/messages/ThreadPage.tsx';
import { NoticePage } from '../features/notices/NoticePage.tsx';
import { NoticesPage } from '../features/notices/NoticesPage.tsx';
import { NoticeWizard } from '../features/notices/NoticeWizard.tsx';
import { NotificationsPage } from '../features/notices/NotificationsPage.tsx';
import { ReviewQueuePage } from '../features/notices/ReviewQueuePage.tsx';
import { PublicNoticePage } from '../features/public/PublicNoticePage.tsx';
import { PublicNoticesPage } from '../features/public/PublicNoticesPage.tsx';
import { PublicShell } from '../features/public/PublicShell.tsx';
import { RecordPage } from '../features/records/RecordPage.tsx';
import { RecordsPage } from '../features/records/RecordsPage.tsx';
import { BatchPage } from '../features/screening/BatchPage.tsx';
import { CaseForm } from '../features/cases/CaseForm.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CasesPage } from '../features/cases/CasesPage.tsx';
import { GangPage } from '../features/gangs/GangPage.tsx';
import { GangsPage } from '../features/gangs/GangsPage.tsx';
import { ComplaintsPage } from '../features/facts/ComplaintsPage.tsx';
import { MigrationPage } from '../features/facts/MigrationPage.tsx';
import { WarrantsPage } from '../features/facts/WarrantsPage.tsx';
import { CheckPage } from '../features/screening/CheckPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Layout } from './Layout.tsx';
import { type Route, useRoute } from './router.tsx';
import { can, SessionProvider, useMe, useSession } from './session.tsx';

// The graph (cytoscape) and the charts (chart.js) are loaded with their page only.
const NetworkPage = lazy(() => import('../features/network/NetworkPage.tsx').then((m) => ({ default: m.NetworkPage })));
const ReportPage = lazy(() => import('../features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

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
  if (a === 'notices' && b === undefined) return gate('notice.read', <NoticesPage route={route} />);
  if (a === 'notices' && b === 'new' && c === undefined) return gate('notice.write', <NoticeWizard />);
  if (a === 'notices' && c === undefined) return gate('notice.read', <NoticePage id={b} />);
  if (a === 'notices' && c === 'edit' && route.segments.length === 3) return gate('notice.write', <NoticeWizard key={b} id={b} />);
  if (a === 'review' && b === undefined) return gate('notice.review', <ReviewQueuePage />);
  if (a === 'messages' && b === undefined) return gate('message.read', <InboxPage route={route} />);
  if (a === 'messages' && b === 'new' && c === undefined) return gate('message.send', <NewThreadPage noticeId={route.query.get('noticeId') ?? undefined} />);
  if (a === 'messages' && c === undefined) return gate('message.read', <ThreadPage id={b} />);
  if (a === 'notifications' && b === undefined) return <NotificationsPage />;
  if (a === 'cases' && b === undefined) return gate('case.read', <CasesPage route={route} />);
  if (a === 'cases' && b === 'new' && c === undefined) return gate('case.write', <CaseForm />);
  if (a === 'cases' && c === undefined) return gate('case.read', <CasePage id={b} />);
  if (a === 'gangs' && b === undefined) return gate('case.read', <GangsPage route={route} />);
  if (a === 'gangs' && c === undefined) return gate('case.read', <GangPage id={b} />);
  // the server checks case.read to list warrants, complaints and migration events, case.write to record them
  if (a === 'warrants' && b === undefined) return gate('case.read', <WarrantsPage route={route} />);
  if (a === 'complaints' && b === undefined) return gate('case.read', <ComplaintsPage route={route} />);
  if (a === 'migration' && b === undefined) return gate('case.read', <MigrationPage route={route} />);
  if (a === 'network' && b === undefined) return gate('network.read', <Suspense fallback={<Loading />}><NetworkPage route={route} /></Suspense>);
  if (a === 'report' && b === undefined) return gate('report.read', <Suspense fallback={<Loading />}><ReportPage route={route} /></Suspense>);
  return <NotFound />;
}

/** Public notice extracts: open to anyone, logged in or not. */
function PublicPage({ route }: { route: Route }): ReactNode {
  const [, b, c, d] = route.segments;
  if (b === 'notices' && c === undefined) return <PublicNoticesPage route={route} />;
  if (b === 'notices' && d === undefined) return <PublicNoticePage id={c} />;
  return <NotFound />;
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
