import type { WebModule } from '../../app/module.ts';
import { InboxPage } from './InboxPage.tsx';
import { NewThreadPage } from './NewThreadPage.tsx';
import { ThreadPage } from './ThreadPage.tsx';

export const messagesModule: WebModule = {
  name: 'messages',
  namespaces: ['messages'],
  routes: [
    { path: 'messages', permission: 'message.read', page: ({ route }) => <InboxPage route={route} /> },
    { path: 'messages/new', permission: 'message.send', page: ({ route }) => <NewThreadPage noticeId={route.query.get('noticeId') ?? undefined} /> },
    { path: 'messages/:id', permission: 'message.read', page: ({ params }) => <ThreadPage id={params.id} /> },
  ],
  nav: [{ to: '/messages', labelKey: 'messages.nav.messages', permission: 'message.read' }],
};
