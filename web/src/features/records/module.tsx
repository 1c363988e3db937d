import type { WebModule } from '../../app/module.ts';
import { RecordPage } from './RecordPage.tsx';
import { RecordsPage } from './RecordsPage.tsx';

export const recordsModule: WebModule = {
  name: 'records',
  namespaces: ['records'],
  routes: [
    { path: 'records', permission: 'record.read', page: ({ route }) => <RecordsPage route={route} /> },
    { path: 'records/:id', permission: 'record.read', page: ({ params }) => <RecordPage id={params.id} /> },
  ],
  nav: [{ to: '/records', labelKey: 'records.nav.records', permission: 'record.read' }],
};
