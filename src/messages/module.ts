import type { Module } from '../app/module.ts';
import { DEMO_STEPS } from '../seed/steps.ts';
import { MessagesRepo, MessagesService } from './index.ts';
import * as m0003 from './migrations/0003_messages.ts';
import * as m0014 from './migrations/0014_messages_federation.ts';
import { messagesRoutes } from './messages.routes.ts';
import { seedMessagesDemo } from './seed-demo.ts';

declare module '../app/module.ts' {
  interface Services {
    messages: MessagesService;
  }
}

/** Messages between bureaus: threads, attachments, deadlines and their alarms. */
export const messagesModule: Module = {
  name: 'messages',
  migrations: { '0003_messages': m0003, '0014_messages_federation': m0014 },
  build: ({ conn: { db }, audit, bus, clock, ids, authRepo, directory, notices }) => ({
    messages: new MessagesService(db, new MessagesRepo(), audit, bus, clock, ids, { all: () => authRepo.allAgencies(db), codesOf: (a) => directory.codesOf(a) }, notices),
  }),
  routes: (s) => async (api) => {
    await api.register(messagesRoutes, { messages: s.messages });
  },
  /** Threads between bureaus about the demo's notices and cases (the tiny scale, for tests, has none). */
  async seed(s, { scale, onProgress }) {
    if (scale === 'tiny' || (await s.seeder.stepDone(DEMO_STEPS.messages))) return;
    // what the steps before recorded: notice ids by story key, case references by category
    const notices = (await s.seeder.stepDone(DEMO_STEPS.notices))?.notices as Array<[string, string]> | undefined;
    const cases = (await s.seeder.stepDone(DEMO_STEPS.caseParties))?.cases as Array<[string, string]> | undefined;
    const r = await seedMessagesDemo(s, { notices: Object.fromEntries(notices ?? []), cases: Object.fromEntries(cases ?? []) });
    await s.seeder.markStep(DEMO_STEPS.messages, { ...r });
    onProgress?.(`demo messages: ${r.threads} threads, ${r.messages} messages, ${r.alarmed} past their deadline`);
  },
  start: (s, { intervals, onError }) => s.messages.startAlarms(intervals.messageAlarms ?? 60_000, (err) => onError(err, 'message deadline alarms failed')),
};
