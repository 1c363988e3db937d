import type { WebModule } from '../../app/module.ts';
import { PublicNoticePage } from './PublicNoticePage.tsx';
import { PublicNoticesPage } from './PublicNoticesPage.tsx';

/** Public notice extracts: open to anyone, logged in or not, under /public/…. */
export const publicModule: WebModule = {
  name: 'public',
  namespaces: ['public'],
  publicRoutes: [
    { path: 'notices', page: ({ route }) => <PublicNoticesPage route={route} /> },
    { path: 'notices/:id', page: ({ params }) => <PublicNoticePage id={params.id} /> },
  ],
};
