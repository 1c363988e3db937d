import type { WebModule } from '../../app/module.ts';
import { AgenciesPage } from './AgenciesPage.tsx';
import { UsersPage } from './UsersPage.tsx';

export const adminModule: WebModule = {
  name: 'admin',
  namespaces: ['admin'],
  routes: [
    { path: 'admin/agencies', permission: 'user.manage', page: () => <AgenciesPage /> },
    { path: 'admin/users', permission: 'user.manage', page: () => <UsersPage /> },
  ],
  nav: [
    { to: '/admin/agencies', labelKey: 'admin.nav.agencies', permission: 'user.manage', section: 'admin' },
    { to: '/admin/users', labelKey: 'admin.nav.users', permission: 'user.manage', section: 'admin' },
  ],
};
