import type { WebModule } from '../../app/module.ts';
import { ComplaintsPage } from './ComplaintsPage.tsx';
import { MigrationPage } from './MigrationPage.tsx';
import { WarrantsPage } from './WarrantsPage.tsx';

// the server checks case.read to list warrants, complaints and migration events, case.write to record them
export const factsModule: WebModule = {
  name: 'facts',
  namespaces: ['facts'],
  routes: [
    { path: 'warrants', permission: 'case.read', page: ({ route }) => <WarrantsPage route={route} /> },
    { path: 'complaints', permission: 'case.read', page: ({ route }) => <ComplaintsPage route={route} /> },
    { path: 'migration', permission: 'case.read', page: ({ route }) => <MigrationPage route={route} /> },
  ],
  nav: [
    { to: '/warrants', labelKey: 'facts.nav.warrants', permission: 'case.read' },
    { to: '/complaints', labelKey: 'facts.nav.complaints', permission: 'case.read' },
    { to: '/migration', labelKey: 'facts.nav.migration', permission: 'case.read' },
  ],
};
