import type { WebModule } from '../../app/module.ts';
import { BatchPage } from './BatchPage.tsx';
import { CheckPage } from './CheckPage.tsx';

export const screeningModule: WebModule = {
  name: 'screening',
  namespaces: ['screening'],
  routes: [
    { path: 'check', permission: 'screening.run', page: () => <CheckPage /> },
    { path: 'batch', permission: 'screening.run', page: () => <BatchPage /> },
  ],
  nav: [
    { to: '/check', labelKey: 'screening.nav.check', permission: 'screening.run' },
    { to: '/batch', labelKey: 'screening.nav.batch', permission: 'screening.run' },
  ],
};
