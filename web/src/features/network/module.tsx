import { lazy, Suspense } from 'react';
import type { WebModule } from '../../app/module.ts';
import { Loading } from '../../ui/Loading.tsx';

// the graph (cytoscape) is loaded with its page only
const NetworkPage = lazy(() => import('./NetworkPage.tsx').then((m) => ({ default: m.NetworkPage })));

export const networkModule: WebModule = {
  name: 'network',
  namespaces: ['network'],
  routes: [
    {
      path: 'network',
      permission: 'network.read',
      page: ({ route }) => (
        <Suspense fallback={<Loading />}>
          <NetworkPage route={route} />
        </Suspense>
      ),
    },
  ],
  nav: [{ to: '/network', labelKey: 'network.nav.network', permission: 'network.read' }],
};
