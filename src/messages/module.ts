import type { Module } from '../app/module.ts';
import { MessagesRepo, MessagesService } from './index.ts';
import * as m0003 from './migrations/0003_messages.ts';
import { messagesRoutes } from './messages.routes.ts';

declare module '../app/module.ts' {
  interface Services {
    messages: MessagesService;
  }
}

/** Messages between bureaus: threads, attachments, deadlines and their alarms. */
export const messagesModule: Module = {
  name: 'messages',
  migrations: { '0003_messages': m0003 },
  build: ({ conn: { db }, audit, bus, clock, ids, authRepo, directory, notices }) => ({
    messages: new MessagesService(db, new MessagesRepo(), audit, bus, clock, ids, { all: () => authRepo.allAgencies(db), codesOf: (a) => directory.codesOf(a) }, notices),
  }),
  routes: (s) => async (api) => {
    await api.register(messagesRoutes, { messages: s.messages });
  },
  start: (s, { intervals, onError }) => s.messages.startAlarms(intervals.messageAlarms ?? 60_000, (err) => onError(err, 'message deadline alarms failed')),
};
