import type { WebModule } from '../../app/module.ts';
import { AgreementsPage } from './AgreementsPage.tsx';
import { InboundPage } from './InboundPage.tsx';
import { PartnersPage } from './PartnersPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import './federation.css';

/** Federation with partner nodes (docs/federation.md): the node's administration, read by those who oversee what leaves. */
export const federationModule: WebModule = {
  name: 'federation',
  namespaces: ['federation'],
  routes: [
    { path: 'federation/partners', permission: 'federation.read', page: () => <PartnersPage /> },
    { path: 'federation/agreements', permission: 'federation.read', page: ({ route }) => <AgreementsPage route={route} /> },
    { path: 'federation/queue', permission: 'federation.read', page: ({ route }) => <QueuePage route={route} /> },
    { path: 'federation/inbound', permission: 'federation.read', page: ({ route }) => <InboundPage route={route} /> },
  ],
  nav: [
    { to: '/federation/partners', labelKey: 'federation.nav.partners', permission: 'federation.read', section: 'admin' },
    { to: '/federation/agreements', labelKey: 'federation.nav.agreements', permission: 'federation.read', section: 'admin' },
    { to: '/federation/queue', labelKey: 'federation.nav.queue', permission: 'federation.read', section: 'admin' },
    { to: '/federation/inbound', labelKey: 'federation.nav.inbound', permission: 'federation.read', section: 'admin' },
  ],
};
