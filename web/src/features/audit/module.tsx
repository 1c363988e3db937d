import type { WebModule } from '../../app/module.ts';
import { AuditPage } from './AuditPage.tsx';

export const auditModule: WebModule = {
  name: 'audit',
  namespaces: ['audit'],
  routes: [{ path: 'audit', permission: 'audit.read', page: ({ route }) => <AuditPage route={route} /> }],
  nav: [{ to: '/audit', labelKey: 'audit.nav.audit', permission: 'audit.read' }],
};
