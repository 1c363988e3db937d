import { lazy, Suspense } from 'react';
import type { WebModule } from '../../app/module.ts';
import { Loading } from '../../ui/Loading.tsx';

// the charts (chart.js) are loaded with their page only
const ReportPage = lazy(() => import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

export const reportModule: WebModule = {
  name: 'report',
  namespaces: ['report'],
  routes: [
    {
      path: 'report',
      permission: 'report.read',
      page: ({ route }) => (
        <Suspense fallback={<Loading />}>
          <ReportPage route={route} />
        </Suspense>
      ),
    },
  ],
  nav: [{ to: '/report', labelKey: 'report.nav.report', permission: 'report.read' }],
};
