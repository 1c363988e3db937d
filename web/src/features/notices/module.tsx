import type { WebModule } from '../../app/module.ts';
import { NoticePage } from './NoticePage.tsx';
import { NoticesPage } from './NoticesPage.tsx';
import { NoticeWizard } from './NoticeWizard.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { ReviewQueuePage } from './ReviewQueuePage.tsx';
import './notices.css';

export const noticesModule: WebModule = {
  name: 'notices',
  namespaces: ['notices', 'notifications'],
  routes: [
    { path: 'notices', permission: 'notice.read', page: ({ route }) => <NoticesPage route={route} /> },
    { path: 'notices/new', permission: 'notice.write', page: () => <NoticeWizard /> },
    { path: 'notices/:id', permission: 'notice.read', page: ({ params }) => <NoticePage id={params.id} /> },
    { path: 'notices/:id/edit', permission: 'notice.write', page: ({ params }) => <NoticeWizard key={params.id} id={params.id} /> },
    { path: 'review', permission: 'notice.review', page: () => <ReviewQueuePage /> },
    // the server answers each user with their own notifications; the bell shows only for roles that get them
    { path: 'notifications', page: () => <NotificationsPage /> },
  ],
  nav: [
    { to: '/notices', labelKey: 'notices.nav.notices', permission: 'notice.read' },
    { to: '/review', labelKey: 'notices.nav.review', permission: 'notice.review' },
  ],
};
