import type { Module } from '../app/module.ts';
import { DEMO_STEPS } from '../seed/steps.ts';
import { HitsRepo } from './hits.repo.ts';
import { hitsRoutes } from './hits.routes.ts';
import { HitsService } from './hits.service.ts';
import { NoticesRepo, NoticesService, PublicNoticeImporter, screenerOf } from './index.ts';
import * as m0002 from './migrations/0002_notices.ts';
import { noticesCommands } from './notices.cli.ts';
import { noticesRoutes } from './notices.routes.ts';
import { NotificationsRepo } from './notifications.repo.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { NotificationsService } from './notifications.service.ts';
import { publicNoticesRoutes } from './public.routes.ts';
import { seedNoticesDemo } from './seed-demo.ts';

declare module '../app/module.ts' {
  interface Services {
    notices: NoticesService;
    noticeImporter: PublicNoticeImporter;
    notifications: NotificationsService;
    hits: HitsService;
  }
}

/** Notices and diffusions (request → review → publish → hit → cancel), their hits and notifications. */
export const noticesModule: Module = {
  name: 'notices',
  migrations: { '0002_notices': m0002 },
  build({ conn: { db }, audit, bus, clock, ids, screening }) {
    const repo = new NoticesRepo();
    const notices = new NoticesService(db, repo, audit, bus, clock, ids, screenerOf(screening));
    const notifications = new NotificationsService(db, new NotificationsRepo(), audit, clock, ids);
    return {
      notices,
      noticeImporter: new PublicNoticeImporter(db, repo, audit, bus, clock, ids),
      notifications,
      hits: new HitsService(db, new HitsRepo(), notices, notifications, audit, bus, clock, ids),
    };
  },
  connect({ screening, hits, notices }) {
    // a screening that matches the subject of a live notice records a hit
    screening.onHits(
      (actor, kind, query, matches) => hits.recordFromScreening(actor, kind, query, matches),
      async (recordIds) => new Set((await notices.liveNoticesBySubject(recordIds)).keys()),
    );
  },
  routes: (s) => async (api) => {
    await api.register(noticesRoutes, { notices: s.notices });
    await api.register(publicNoticesRoutes, { notices: s.notices });
    await api.register(hitsRoutes, { hits: s.hits });
    await api.register(notificationsRoutes, { notifications: s.notifications });
  },
  commands: noticesCommands,
  /** Notices in every state of the lifecycle, their hits and follow-up (the tiny scale, for tests, has none). */
  async seed(s, { scale, onProgress }) {
    if (scale === 'tiny' || (await s.seeder.stepDone(DEMO_STEPS.notices))) return;
    const r = await seedNoticesDemo(s, scale);
    await s.seeder.markStep(DEMO_STEPS.notices, { ...r, notices: Object.entries(r.notices) });
    onProgress?.(`demo notices: ${Object.keys(r.notices).length} notices, ${r.hits} hits, ${r.expired} expired, ${r.escalated} tasks escalated`);
  },
  start(s, { intervals, onError }) {
    const stopEscalation = s.hits.startEscalation(intervals.hitEscalation ?? 60_000, (err) => onError(err, 'hit task escalation failed'));
    const stopSweep = s.notices.startSweep(intervals.noticeSweep ?? 3_600_000, (err) => onError(err, 'notice renewal and expiry sweep failed'));
    return async () => {
      await stopEscalation();
      await stopSweep();
    };
  },
};
