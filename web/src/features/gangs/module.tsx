import type { WebModule } from '../../app/module.ts';
import { GangPage } from './GangPage.tsx';
import { GangsPage } from './GangsPage.tsx';

export const gangsModule: WebModule = {
  name: 'gangs',
  namespaces: ['gangs'],
  routes: [
    { path: 'gangs', permission: 'case.read', page: ({ route }) => <GangsPage route={route} /> },
    { path: 'gangs/:id', permission: 'case.read', page: ({ params }) => <GangPage id={params.id} /> },
  ],
  nav: [{ to: '/gangs', labelKey: 'gangs.nav.gangs', permission: 'case.read' }],
};
